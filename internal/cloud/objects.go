package cloud

import "context"

// The engine's operations that are the same for every kind the store keeps
// whole, written once over the registry of kinds: reading one object by ID,
// finding objects by a filter, replacing an object's tags and deleting an
// object once the kind's own refusals let it go. A kind's own file then says
// only what is its own: its rules and how an object of it is made.
//
// Each takes the client first, so that an instance such as
// Describe[EgressOnlyInternetGateway] has the shape of a method expression.

// Describe returns the object of kind T with the given ID, as the kind's
// describe operation does: AWS's errors for a malformed or unknown ID.
func Describe[T Row](c *Client, ctx context.Context, id string) (T, error) {
	k := kindOf[T]()
	return readResult(ctx, c, k.describeOp, k.ids(id), func(tx ReadTx) (T, error) {
		return findStored[T](tx, c.scope, id, "id")
	})
}

// Find returns the objects of kind T in the client's scope that filter
// selects, ordered by ID.
func Find[T Row, F Filter](c *Client, ctx context.Context, filter F) ([]T, error) {
	return findAll[T](ctx, c, kindOf[T]().describeOp, nil, filter)
}

// ReplaceTags replaces every tag of the object of kind T with the given
// ID, as CreateTags and DeleteTags together do, and returns the object as
// it then is.
func ReplaceTags[T Row](c *Client, ctx context.Context, id string, tags map[string]string) (T, error) {
	var object T
	err := c.apply(ctx, "CreateTags", kindOf[T]().ids(id), tagsRule(tags), func(tx Tx) error {
		if _, err := findStored[T](tx, c.scope, id, "id"); err != nil {
			return err
		}
		if err := tx.SetTags(id, tags); err != nil {
			return err
		}
		var err error
		object, err = findStored[T](tx, c.scope, id, "id")
		return err
	})
	return object, err
}

// removeStored is the objectKind.remove of a kind whose objects the schema
// alone keeps from being deleted while others use them: the kind's delete
// operation deletes the object with the given ID, its tags going with it,
// unless one of refusals refuses it.
func removeStored[T Row](refusals ...func(tx ReadTx, object T) error) func(c *Client, ctx context.Context, id string) error {
	return func(c *Client, ctx context.Context, id string) error {
		k := kindOf[T]()
		return c.write(ctx, k.deleteOp, k.ids(id), func(tx Tx) error {
			object, err := findStored[T](tx, c.scope, id, "id")
			if err != nil {
				return err
			}
			for _, refuse := range refusals {
				if err := refuse(tx, object); err != nil {
					return err
				}
			}
			return tx.Delete(object.StoredKind(), id)
		})
	}
}

// findsStored is the objectKind.find of a kind read by findStored alone.
func findsStored[T Row](c *Client, tx ReadTx, id string) error {
	_, err := findStored[T](tx, c.scope, id, "id")
	return err
}

// kindOf returns the registry's entry for the kind of T. Every kind the
// store keeps has one (the store's TestTablesAgreeWithTheRegistry); were one missing,
// the entry returned names no operation, and the store refuses the kind.
func kindOf[T Row]() objectKind {
	var zero T
	k, _ := registered(zero.StoredKind())
	return k
}

// ids names an object of the kind in the event of an operation on it, as
// the kind's resource type names its ID ("vpc_id").
func (k objectKind) ids(id string) map[string]string {
	return map[string]string{k.typeName + "_id": id}
}

// insertTagged inserts a new object with the tags that hang on key: its ID
// or, for a kind named by ARN, its ARN.
func insertTagged(tx Tx, object Row, key string, tags map[string]string) error {
	if err := tx.Insert(object); err != nil {
		return err
	}
	return tx.SetTags(key, tags)
}

// createTagged is an operation op that makes object, once rule passes, with
// the tags that hang on key.
func createTagged[T Row](c *Client, ctx context.Context, op string, ids map[string]string, rule Rule, object T, key string, tags map[string]string) (T, error) {
	err := c.apply(ctx, op, ids, rule, func(tx Tx) error { return insertTagged(tx, object, key, tags) })
	return made(object, err)
}

// updateTagged stores the changed fields of an object and its tags.
func updateTagged(tx Tx, object Row, key string, tags map[string]string) error {
	if err := tx.Update(object); err != nil {
		return err
	}
	return tx.SetTags(key, tags)
}

// arnNamed is an object named by its ARN, on which its tags hang.
type arnNamed interface {
	Row
	arn() string
}

// updateByARN is an operation op that changes the object find finds, as
// change says, once the rule rule gives for it (known by its ARN) with the
// input in passes, and stores it with tags.
func updateByARN[T arnNamed, I any](c *Client, ctx context.Context, op string, ids map[string]string,
	find func(ReadTx) (T, error), rule func(in I, self string) Rule, in I, change func(*T), tags map[string]string,
) (T, error) {
	var object T
	err := c.write(ctx, op, ids, func(tx Tx) error {
		var err error
		if object, err = find(tx); err != nil {
			return err
		}
		if err := rule(in, object.arn())(applyView{tx}); err != nil {
			return err
		}
		change(&object)
		return updateTagged(tx, object, object.arn(), tags)
	})
	return object, err
}

// insertWithParts inserts a new object, then each of its parts (a group's
// rules, an ACL's entries) with put.
func insertWithParts[P any](tx Tx, object Row, parts []P, put func(P) error) error {
	if err := tx.Insert(object); err != nil {
		return err
	}
	for _, part := range parts {
		if err := put(part); err != nil {
			return err
		}
	}
	return nil
}

// made is the result of an operation that makes or changes object: the
// object, or nothing but the error that stopped it.
func made[T any](object T, err error) (T, error) {
	if err != nil {
		var zero T
		return zero, err
	}
	return object, nil
}
