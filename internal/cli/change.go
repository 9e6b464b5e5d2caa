package cli

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// The out-of-band changes: each is one engine operation, so the cloud's
// rules refuse here what they refuse to Terraform, and what AWS refuses.

func init() {
	register(changeCommand("delete", "<id>", "Delete an object behind Terraform's back: "+cloud.ObjectKindsSentence()+" (an elastic IP is released).",
		"delete takes one object ID", func(ctx context.Context, e *env, c *cloud.Client, args []string) error {
			if err := c.DeleteObject(ctx, args[0]); err != nil {
				return err
			}
			outf(e.Stdout, "Deleted %s.\n", args[0])
			return nil
		}))

	register(command{
		name: "detach", args: "<igw-id> [<vpc-id>]", summary: "Detach an internet gateway from its VPC (the VPC it is attached to, unless one is named). Routes through it become blackholes.",
		setup: func(*flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) < 1 || len(args) > 2 {
					return usagef("detach takes an internet gateway ID and, optionally, a VPC ID; got %d arguments", len(args))
				}
				c, err := e.writer(ctx)
				if err != nil {
					return err
				}
				igwID, vpcID := args[0], ""
				if len(args) == 2 {
					vpcID = args[1]
				} else {
					igw, err := c.InternetGateway(ctx, igwID)
					if err != nil {
						return err
					}
					if igw.VPCID == "" {
						return &cloud.Error{Code: "Gateway.NotAttached", Message: fmt.Sprintf("resource %s is not attached to any network", igwID),
							Fix: "There is nothing to detach; simcloud show " + igwID + " tells what refers to it.", Objects: []string{igwID}}
					}
					vpcID = igw.VPCID
				}
				if err := c.DetachInternetGateway(ctx, igwID, vpcID); err != nil {
					return err
				}
				outf(e.Stdout, "Detached %s from %s.\n", igwID, vpcID)
				return nil
			}
		},
	})

	register(command{
		name: "route", args: "delete <rtb-id> <destination> | replace <rtb-id> <destination> <target-id>", summary: "Delete a route, or point it at another target (" + cloud.RouteTargetsSentence() + ").",
		setup: func(*flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("route needs an action: delete or replace")
				}
				action, args := args[0], args[1:]
				switch {
				case action == "delete" && len(args) == 2:
				case action == "replace" && len(args) == 3:
				case action == "delete":
					return usagef("route delete takes a route table ID and a destination block, got %d arguments", len(args))
				case action == "replace":
					return usagef("route replace takes a route table ID, a destination block and a target ID, got %d arguments", len(args))
				default:
					return usagef("unknown route action %q: use delete or replace", action)
				}
				c, err := e.writer(ctx)
				if err != nil {
					return err
				}
				if action == "delete" {
					if err := c.DeleteRoute(ctx, args[0], args[1]); err != nil {
						return err
					}
					outf(e.Stdout, "Deleted the route to %s from %s.\n", args[1], args[0])
					return nil
				}
				r, err := c.ReplaceRouteTarget(ctx, args[0], cloud.RouteSpec{Destination: args[1], Target: args[2]})
				if err != nil {
					return err
				}
				outf(e.Stdout, "The route to %s in %s now goes to %s.\n", r.Destination, args[0], r.Target)
				return nil
			}
		},
	})

	register(changeCommand("revoke", "<sgr-id>", "Revoke one rule of a security group by its ID (simcloud show <sg-id> lists them).",
		"revoke takes one security group rule ID", func(ctx context.Context, e *env, c *cloud.Client, args []string) error {
			r, err := c.RevokeSecurityGroupRule(ctx, args[0])
			if err != nil {
				return err
			}
			way := "inbound"
			if r.Egress {
				way = "outbound"
			}
			outf(e.Stdout, "Revoked %s rule %s of %s (%s).\n", way, r.ID, r.GroupID, cloud.DescribeSecurityGroupRule(r))
			return nil
		}))

	register(changeCommand("associate", "<subnet-id|aclassoc-id> <acl-id>",
		"Associate a subnet, named by its ID or its network ACL association's, with another network ACL in place of its current one.",
		"associate takes a subnet or network ACL association ID and a network ACL ID", func(ctx context.Context, e *env, c *cloud.Client, args []string) error {
			a, err := c.ReplaceNetworkACLAssociation(ctx, args[0], args[1])
			if err != nil {
				return err
			}
			outf(e.Stdout, "Associated %s with %s (%s).\n", a.SubnetID, a.NetworkACLID, a.ID)
			return nil
		}))

	register(command{
		name: "tag", args: "<id> key=value... [-remove key]...", summary: "Set (add or overwrite) tags on an object, and remove others, behind Terraform's back.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var remove listFlag
			fs.Var(&remove, "remove", "a tag key to remove (repeatable)")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usagef("tag takes an object ID and key=value pairs")
				}
				id, pairs := args[0], args[1:]
				if len(pairs) == 0 && len(remove) == 0 {
					return usagef("tag needs at least one key=value or -remove key")
				}
				set := map[string]string{}
				for _, p := range pairs {
					k, v, ok := strings.Cut(p, "=")
					if !ok {
						return usagef("tags are key=value, got %q", p)
					}
					set[k] = v
				}
				c, err := e.writer(ctx)
				if err != nil {
					return err
				}
				tags, err := c.ChangeTags(ctx, id, set, remove)
				if err != nil {
					return err
				}
				keys := make([]string, 0, len(tags))
				for k := range tags {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				outf(e.Stdout, "Tags of %s:\n", id)
				for _, k := range keys {
					outf(e.Stdout, "  %s = %q\n", k, tags[k])
				}
				return nil
			}
		},
	})
}

// changeCommand is a command without flags of its own that takes as many
// arguments as args names, and runs change on the configured cloud.
// wrongCount says, for the usage error, what it takes.
func changeCommand(name, args, summary, wrongCount string, change func(ctx context.Context, e *env, c *cloud.Client, args []string) error) command {
	want := len(strings.Fields(args))
	return command{name: name, args: args, summary: summary,
		setup: func(*flag.FlagSet) func(context.Context, *env, []string) error {
			return func(ctx context.Context, e *env, given []string) error {
				if len(given) != want {
					return usagef("%s, got %d arguments", wrongCount, len(given))
				}
				c, err := e.writer(ctx)
				if err != nil {
					return err
				}
				return change(ctx, e, c, given)
			}
		}}
}

// listFlag collects the values of a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
