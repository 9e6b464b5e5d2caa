package cloud

import (
	"context"
	"fmt"
	"maps"
)

// taggable lists the kinds of object that carry tags, by ID prefix.
var taggable = []Kind{KindVPC, KindSubnet, KindInternetGateway, KindEgressOnlyInternetGateway,
	KindRouteTable, KindNATGateway, KindElasticIP}

// KindOf returns the kind of a taggable object from the prefix of its ID,
// as AWS's CreateTags tells objects apart; ok is false for any other string.
func KindOf(id string) (Kind, bool) {
	prefix := IDPrefix(id)
	for _, k := range taggable {
		if k.Prefix == prefix {
			return k, true
		}
	}
	return Kind{}, false
}

// findTaggable checks that a taggable object exists in the client's scope.
func (c *Client) findTaggable(tx ReadTx, id string) error {
	kind, ok := KindOf(id)
	if !ok {
		return &Error{
			Code:    "InvalidID",
			Message: fmt.Sprintf("The ID '%s' is not valid", printable(id)),
			Fix:     "Give the ID of a VPC, subnet, internet gateway, egress-only internet gateway, route table, NAT gateway or elastic IP (eipalloc-...).",
			Objects: []string{printable(id)},
		}
	}
	var err error
	switch kind.Prefix {
	case KindVPC.Prefix:
		_, err = c.findVPC(tx, id, "id")
	case KindSubnet.Prefix:
		_, err = c.findSubnet(tx, id, "id")
	case KindInternetGateway.Prefix:
		_, err = c.findInternetGateway(tx, id, "id")
	case KindEgressOnlyInternetGateway.Prefix:
		_, err = c.findEgressOnlyInternetGateway(tx, id)
	case KindRouteTable.Prefix:
		_, err = c.findRouteTable(tx, id, "id")
	case KindNATGateway.Prefix:
		_, err = c.findNATGateway(tx, id)
	case KindElasticIP.Prefix:
		_, err = c.findElasticIP(tx, id, "id")
	}
	return err
}

// ChangeTags adds or overwrites the tags in set and removes the keys in
// remove, on any taggable object, as AWS's CreateTags and DeleteTags do. It
// returns the object's tags afterwards.
func (c *Client) ChangeTags(ctx context.Context, id string, set map[string]string, remove []string) (map[string]string, error) {
	var tags map[string]string
	err := c.write(ctx, "CreateTags", map[string]string{"resource_id": id}, func(tx Tx) error {
		if err := c.findTaggable(tx, id); err != nil {
			return err
		}
		current, err := tx.Tags(id)
		if err != nil {
			return err
		}
		tags = maps.Clone(current)
		if tags == nil {
			tags = map[string]string{}
		}
		for _, k := range remove {
			delete(tags, k)
		}
		maps.Copy(tags, set)
		if err := ValidateTags(tags, "tags"); err != nil {
			return err
		}
		return tx.SetTags(id, tags)
	})
	return tags, err
}
