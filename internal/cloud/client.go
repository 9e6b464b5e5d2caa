package cloud

import (
	"context"
	"fmt"
	"time"
)

// Scope is the account and region a client acts in. Objects of other scopes
// are invisible to it.
type Scope struct {
	AccountID string
	Region    string
}

// ARN returns the ARN of an object of the given kind in this scope, or "" for
// kinds to which AWS gives no ARN.
func (s Scope) ARN(kind Kind, id string) string {
	if kind.arnType == "" {
		return ""
	}
	return fmt.Sprintf("arn:%s:ec2:%s:%s:%s/%s", partition(s.Region), s.Region, s.AccountID, kind.arnType, id)
}

// Event describes one call into the cloud, for whoever observes the client.
type Event struct {
	Operation string
	// IDs names the objects the call was about, by role ("vpc_id").
	IDs      map[string]string
	Duration time.Duration
	Err      error
}

// Observer is told about every call into the cloud after it ends.
type Observer func(ctx context.Context, e Event)

// Client performs operations on the cloud in one scope.
type Client struct {
	store    Store
	scope    Scope
	observer Observer
	now      func() time.Time
	// kept names the tags that writes replacing an object's tags keep
	// (see KeepingTags).
	kept TagKeys
}

// NewClient returns a client acting in scope. observer may be nil.
func NewClient(store Store, scope Scope, observer Observer) (*Client, error) {
	if err := ValidateRegion(scope.Region); err != nil {
		return nil, err
	}
	if err := ValidateAccountID(scope.AccountID); err != nil {
		return nil, err
	}
	if observer == nil {
		observer = func(context.Context, Event) {}
	}
	return &Client{store: store, scope: scope, observer: observer, now: time.Now}, nil
}

// InRegion returns a client acting for the same account in another region
// of the same cloud, as a resource's region argument asks.
func (c *Client) InRegion(region string) (*Client, error) {
	if err := ValidateRegion(region); err != nil {
		return nil, err
	}
	regional := *c
	regional.scope.Region = region
	return &regional, nil
}

// Scope returns the account and region the client acts in.
func (c *Client) Scope() Scope { return c.scope }

// observe runs one operation and reports it to the observer.
func (c *Client) observe(ctx context.Context, op string, ids map[string]string, fn func() error) error {
	start := time.Now()
	err := fn()
	c.observer(ctx, Event{Operation: op, IDs: ids, Duration: time.Since(start), Err: err})
	return err
}

// write runs fn in one write transaction: either all its changes land or
// none do.
func (c *Client) write(ctx context.Context, op string, ids map[string]string, fn func(tx Tx) error) error {
	return c.observe(ctx, op, ids, func() error { return c.writeKeeping(ctx, fn) })
}

// read runs fn against a consistent snapshot of the cloud.
func (c *Client) read(ctx context.Context, op string, ids map[string]string, fn func(tx ReadTx) error) error {
	return c.observe(ctx, op, ids, func() error { return c.store.Read(ctx, fn) })
}

// readResult is read for an fn that finds one result.
func readResult[T any](ctx context.Context, c *Client, op string, ids map[string]string, fn func(tx ReadTx) (T, error)) (T, error) {
	var result T
	err := c.read(ctx, op, ids, func(tx ReadTx) error {
		var err error
		result, err = fn(tx)
		return err
	})
	return result, err
}
