package cloud

import "context"

// RoutePeer is, for the engine's tests, what routing's peer hook of
// target's kind says from fromVPC: the VPC on the other side, and whether
// the link carries traffic.
func (c *Client) RoutePeer(ctx context.Context, target, fromVPC string) (toVPC string, active, ok bool, err error) {
	err = c.read(ctx, "RoutePeer", nil, func(tx ReadTx) error {
		t, found := routeTargetOf(target)
		if !found || t.peer == nil {
			return nil
		}
		toVPC, active, ok, err = t.peer(tx, c.scope, target, fromVPC)
		return err
	})
	return toVPC, active, ok, err
}
