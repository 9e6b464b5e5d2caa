package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func init() {
	register(command{
		name: "show", args: "<id>", summary: "Show one object (VPC, subnet, route table, association, gateway, NAT gateway, elastic IP) and everything that refers to it.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			output := outputFlag(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usagef("show takes one object ID, got %d arguments", len(args))
				}
				if err := checkOutput(*output); err != nil {
					return err
				}
				c, err := e.client()
				if err != nil {
					return err
				}
				w, err := load(ctx, c)
				if err != nil {
					return err
				}
				found, ok := w.find(args[0])
				if !ok {
					return notFoundError(ctx, c, args[0])
				}
				if *output == "json" {
					return writeJSON(e.Stdout, found)
				}
				return found.writeText(e.Stdout)
			}
		},
	})
}

// reference is an object that refers to the one shown, and how.
type reference struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Relation string `json:"relation"`
}

type shown struct {
	Type         string      `json:"type"`
	ID           string      `json:"id"`
	Object       any         `json:"object"`
	ReferencedBy []reference `json:"referenced_by"`
	// tree, for a VPC, replaces the flat attribute list in text output.
	tree *node
}

// find looks an object up by ID, and collects what refers to it.
func (w *world) find(id string) (shown, bool) {
	s := shown{ID: id, ReferencedBy: []reference{}}
	add := func(typ, refID, relation string) {
		s.ReferencedBy = append(s.ReferencedBy, reference{Type: typ, ID: refID, Relation: relation})
	}
	routesTo := func(target string) {
		for _, v := range w.VPCs {
			for _, rt := range v.RouteTables {
				for _, r := range rt.Routes {
					if r.Target == target {
						add("route_table", rt.ID, "route "+r.Destination+" ("+r.State+")")
					}
				}
			}
		}
	}
	for _, g := range w.Detached {
		if g.ID == id {
			s.Type, s.Object = "internet_gateway", g
			routesTo(id)
			return s, true
		}
	}
	for _, e := range w.ElasticIPs {
		if e.AllocationID == id {
			s.Type, s.Object = "eip", e
			if e.NATGatewayID != "" {
				add("nat_gateway", e.NATGatewayID, "uses its address "+e.PublicIP)
			}
			return s, true
		}
	}
	for _, v := range w.VPCs {
		if v.ID == id {
			s.Type, s.Object = "vpc", v
			n := vpcNode(v)
			s.tree = &n
			if g := v.InternetGateway; g != nil {
				add("internet_gateway", g.ID, "attached")
			}
			for _, g := range v.EgressOnly {
				add("egress_only_internet_gateway", g.ID, "attached")
			}
			for _, sn := range v.Subnets {
				add("subnet", sn.ID, "in the VPC")
			}
			for _, rt := range v.RouteTables {
				rel := "in the VPC"
				if rt.Main {
					rel = "the VPC's main route table"
				}
				add("route_table", rt.ID, rel)
			}
			for _, g := range v.NATGateways {
				add("nat_gateway", g.ID, "in the VPC")
			}
			return s, true
		}
		if g := v.InternetGateway; g != nil && g.ID == id {
			s.Type, s.Object = "internet_gateway", *g
			add("vpc", v.ID, "the gateway is attached to it")
			routesTo(id)
			return s, true
		}
		for _, g := range v.EgressOnly {
			if g.ID == id {
				s.Type, s.Object = "egress_only_internet_gateway", g
				routesTo(id)
				return s, true
			}
		}
		for _, sn := range v.Subnets {
			if sn.ID != id {
				continue
			}
			s.Type, s.Object = "subnet", sn
			for _, rt := range v.RouteTables {
				for _, a := range rt.Subnets {
					if a.SubnetID == id {
						add("route_table", rt.ID, "associated through "+a.ID)
					}
				}
				if rt.Main && rt.ID == sn.RouteTableID {
					add("route_table", rt.ID, "serves it as the VPC's main route table (no explicit association)")
				}
			}
			for _, g := range v.NATGateways {
				if g.SubnetID == id {
					add("nat_gateway", g.ID, "in the subnet")
				}
			}
			return s, true
		}
		for _, rt := range v.RouteTables {
			if rt.ID == id {
				s.Type, s.Object = "route_table", rt
				if rt.Main {
					add("vpc", v.ID, "main route table of the VPC")
				}
				for _, sn := range v.Subnets {
					if sn.RouteTableID == id {
						add("subnet", sn.ID, "served by the table")
					}
				}
				return s, true
			}
			for _, a := range rt.Subnets {
				if a.ID == id {
					s.Type = "route_table_association"
					s.Object = map[string]any{"id": a.ID, "route_table_id": rt.ID, "subnet_id": a.SubnetID, "main": a.Main, "vpc_id": v.ID}
					return s, true
				}
			}
		}
		for _, g := range v.NATGateways {
			if g.ID == id {
				s.Type, s.Object = "nat_gateway", g
				routesTo(id)
				return s, true
			}
		}
	}
	return shown{}, false
}

// notFoundError asks the engine about an ID that is not in the scope, so
// that the user gets AWS's error for it: malformed, not found, or of no
// kind at all.
func notFoundError(ctx context.Context, c *cloud.Client, id string) error {
	if err := c.CheckObject(ctx, id); err != nil {
		return err
	}
	// Created between the two reads: say so rather than guess.
	return fmt.Errorf("%s appeared while simcloud was reading the cloud; run the command again", id)
}

func (s shown) writeText(w io.Writer) error {
	outf(w, "%s %s\n", s.Type, s.ID)
	if s.tree != nil {
		tree{w: w}.write(*s.tree, "", true, true)
	} else {
		// The object's JSON, flattened, is its attribute list, with the
		// same names that -o json and the Terraform attributes use.
		b, err := json.Marshal(s.Object)
		if err != nil {
			return err
		}
		var attrs map[string]any
		if err := json.Unmarshal(b, &attrs); err != nil {
			return err
		}
		for _, l := range flatten("", attrs) {
			outln(w, "  "+l)
		}
	}
	if len(s.ReferencedBy) == 0 {
		outln(w, "referred to by: nothing")
		return nil
	}
	outln(w, "referred to by:")
	for _, r := range s.ReferencedBy {
		outf(w, "  %s %s: %s\n", r.Type, r.ID, r.Relation)
	}
	return nil
}

func flatten(prefix string, v any) []string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			x := v[k]
			key := k
			if prefix != "" {
				key = prefix + "." + k
			}
			out = append(out, flatten(key, x)...)
		}
		if len(out) == 0 {
			return []string{prefix + " = {}"}
		}
		return out
	case []any:
		var out []string
		for i, x := range v {
			out = append(out, flatten(fmt.Sprintf("%s[%d]", prefix, i), x)...)
		}
		if len(out) == 0 {
			return []string{prefix + " = []"}
		}
		return out
	case string:
		return []string{fmt.Sprintf("%s = %q", prefix, v)}
	default:
		return []string{fmt.Sprintf("%s = %v", prefix, v)}
	}
}
