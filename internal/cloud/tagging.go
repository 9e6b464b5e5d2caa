package cloud

import (
	"context"
	"maps"
)

// KindOf returns the kind of a taggable object from the prefix of its ID,
// as AWS's CreateTags tells objects apart; ok is false for any other string.
func KindOf(id string) (Kind, bool) {
	k, ok := objectKindOf(id, taggableKind)
	return k.Kind, ok
}

// findTaggable checks that a taggable object exists in the client's scope.
func (c *Client) findTaggable(tx ReadTx, id string) error {
	k, ok := objectKindOf(id, taggableKind)
	if !ok {
		return invalidObjectID(id, taggableKind)
	}
	return k.find(c, tx, id)
}

// ChangeTags adds or overwrites the tags in set and removes the keys in
// remove, on any taggable object, as AWS's CreateTags and DeleteTags do. It
// returns the object's tags afterwards. It names the keys it changes, so
// it keeps no tags of its own accord: a key it is told to remove goes.
func (c *Client) ChangeTags(ctx context.Context, id string, set map[string]string, remove []string) (map[string]string, error) {
	var tags map[string]string
	c = c.KeepingTags(TagKeys{})
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
