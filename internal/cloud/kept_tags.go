package cloud

import (
	"context"
	"fmt"
	"strings"
)

// TagKeys names tag keys: exactly, or by how they begin. It is how a client
// is told which tags belong to someone else (the AWS provider's
// ignore_tags): such tags are left out of what Terraform sees, and a write
// that replaces an object's tags keeps them.
type TagKeys struct {
	Keys     []string
	Prefixes []string
}

// Has reports whether key is one of the keys or begins with one of the
// prefixes.
func (t TagKeys) Has(key string) bool {
	for _, k := range t.Keys {
		if key == k {
			return true
		}
	}
	for _, p := range t.Prefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// empty reports whether t names no key.
func (t TagKeys) empty() bool { return len(t.Keys) == 0 && len(t.Prefixes) == 0 }

// Without returns the tags whose keys t does not name.
func (t TagKeys) Without(tags map[string]string) map[string]string {
	if tags == nil {
		return nil
	}
	kept := make(map[string]string, len(tags))
	for k, v := range tags {
		if !t.Has(k) {
			kept[k] = v
		}
	}
	return kept
}

// KeepingTags returns a client that acts as c does, except that every write
// replacing an object's tags keeps the tags the object already has under
// the keys kept names, unless the write sets them itself. The provider
// writes an object's whole set of tags; tags another system put there
// under keys it was told to ignore must survive that write. An object a
// write returns has the tags the write was given, which is all its caller
// sees of them; reading the object shows the kept ones too.
func (c *Client) KeepingTags(kept TagKeys) *Client {
	keeping := *c
	keeping.kept = kept
	return &keeping
}

// keepingTx is a write transaction of a client that keeps tags.
type keepingTx struct {
	Tx
	kept TagKeys
}

// SetTags replaces the object's tags with tags and the kept ones it has.
// The object, with them, must still be within AWS's limit on tags, as
// CreateTags refuses to go beyond it.
func (t keepingTx) SetTags(resourceID string, tags map[string]string) error {
	current, err := t.Tags(resourceID)
	if err != nil {
		return err
	}
	var merged map[string]string
	for k, v := range current {
		if _, set := tags[k]; set || !t.kept.Has(k) {
			continue
		}
		if merged == nil {
			merged = make(map[string]string, len(tags)+1)
			for k, v := range tags {
				merged[k] = v
			}
		}
		merged[k] = v
	}
	if merged == nil {
		return t.Tx.SetTags(resourceID, tags)
	}
	if err := ValidateTags(merged, "tags_all"); err != nil {
		return err
	}
	return t.Tx.SetTags(resourceID, merged)
}

// writeKeeping runs fn in one write transaction whose tag writes keep the
// tags the client keeps.
func (c *Client) writeKeeping(ctx context.Context, fn func(tx Tx) error) error {
	if c.kept.empty() {
		return c.store.Write(ctx, fn)
	}
	return c.store.Write(ctx, func(tx Tx) error { return fn(keepingTx{Tx: tx, kept: c.kept}) })
}

// ValidateTagKeyPattern checks one of the keys or prefixes of a TagKeys;
// field names the argument it came from. An empty key names no tag, and an
// empty prefix every tag.
func ValidateTagKeyPattern(pattern, field string) error {
	if pattern == "" {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("%s has an empty string; tag keys are 1 to %d characters long.", field, maxTagKeyLength),
			Fix:     fmt.Sprintf("Remove the empty string from %s.", field),
			Field:   field,
		}
	}
	return nil
}
