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
		name: "show", args: "<id>", summary: "Show one object (" + cloud.ObjectKindsSentence() + ") and everything that refers to it.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			output := outputFlag(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return usagef("show takes one object ID, got %d arguments", len(args))
				}
				if err := checkOutput(*output); err != nil {
					return err
				}
				c, w, err := e.world(ctx)
				if err != nil {
					return err
				}
				found, ok := w.find(args[0])
				if !ok {
					return notFoundError(ctx, c, args[0])
				}
				advice, err := c.AdviceOn(ctx, found.ID)
				if err != nil {
					return err
				}
				for _, a := range advice {
					found.Advice = append(found.Advice, adviceView{Code: a.Code, Title: a.Title, Message: a.Message, Fix: a.Fix,
						Objects: a.Objects, Field: a.Field})
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
	// Advice is what AWS accepts about the object but most likely does not
	// do what was meant, as the provider warns of it.
	Advice []adviceView `json:"advice"`
	// tree, for a VPC, replaces the flat attribute list in text output.
	tree *node
}

type adviceView struct {
	Code    string   `json:"code"`
	Title   string   `json:"title"`
	Message string   `json:"message"`
	Fix     string   `json:"fix"`
	Objects []string `json:"objects"`
	Field   string   `json:"field,omitempty"`
}

// find looks an object up by ID, and collects what refers to it.
func (w *world) find(id string) (shown, bool) {
	object, ok := w.index.Object(id)
	if !ok {
		return shown{}, false
	}
	view, listed := w.views[id]
	if !listed {
		// A kind that ls does not draw (IAM's, log groups, flow logs) is
		// shown as the engine holds it.
		view = object.Value
	}
	s := shown{Type: object.Type, ID: id, Object: view, ReferencedBy: w.referencesTo(object), Advice: []adviceView{}}
	if v, ok := view.(vpcView); ok {
		n := vpcNode(v)
		s.tree = &n
	}
	return s, true
}

// relation is how show words a reference: at the object it names, or, for
// a backward relation, at the object that holds it. It returns the ID of
// the object that show lists as referring, and how it refers; ok is false
// for a reference that show does not list.
type relation func(holder, named cloud.Object, ref cloud.Reference) (referrerID, how string, ok bool)

// relations and backRelations are keyed by the holder's type and the
// field. A reference that relations does not list is shown at the object it
// names as "its <field>", so that a new kind's references show without an
// entry here; one listed as nil is not shown.
var relations = map[string]relation{
	// The table lists its associations itself, and the NAT gateway that
	// uses an address refers to it.
	"route_table_association.route_table_id": nil,
	"eip.nat_gateway_id":                     nil,

	"internet_gateway.vpc_id":             holderSays("attached"),
	"egress_only_internet_gateway.vpc_id": holderSays("attached"),
	"subnet.vpc_id":                       holderSays("in the VPC"),
	"nat_gateway.vpc_id":                  holderSays("in the VPC"),
	"security_group.vpc_id":               defaultOrInVPC("security group"),
	"network_acl.vpc_id":                  defaultOrInVPC("network ACL"),
	"route_table.vpc_id": func(holder, _ cloud.Object, _ cloud.Reference) (string, string, bool) {
		if isMainTable(holder) {
			return holder.ID, "the VPC's main route table", true
		}
		return holder.ID, "in the VPC", true
	},
	"vpc.main_route_table_id": holderSays("main route table of the VPC"),
	// The group and ACL name their VPC, which the VPC's show lists.
	"vpc.default_security_group_id": holderSays("default security group of the VPC"),
	"vpc.default_network_acl_id":    holderSays("default network ACL of the VPC"),
	"subnet.network_acl_id":         holderSays("associated with the ACL"),
	"subnet.route_table_id":         holderSays("served by the table"),
	"nat_gateway.subnet_id":         holderSays("in the subnet"),
	"nat_gateway.allocation_id": func(holder, named cloud.Object, _ cloud.Reference) (string, string, bool) {
		eip, ok := named.Value.(cloud.ElasticIP)
		return holder.ID, "uses its address " + eip.PublicIP, ok
	},
	"route_table.route": func(holder, _ cloud.Object, ref cloud.Reference) (string, string, bool) {
		return holder.ID, "route " + ref.Detail, true
	},
	// An association refers to its subnet on behalf of its table.
	"route_table_association.subnet_id": func(holder, _ cloud.Object, _ cloud.Reference) (string, string, bool) {
		return holder.Parent, "associated through " + holder.ID, true
	},
}

var backRelations = map[string]relation{
	"internet_gateway.vpc_id": func(_, vpc cloud.Object, _ cloud.Reference) (string, string, bool) {
		return vpc.ID, "the gateway is attached to it", true
	},
	"subnet.route_table_id": func(_, table cloud.Object, _ cloud.Reference) (string, string, bool) {
		return table.ID, "serves it as the VPC's main route table (no explicit association)", isMainTable(table)
	},
}

func isMainTable(o cloud.Object) bool {
	table, ok := o.Value.(cloud.RouteTable)
	return ok && table.Main
}

// holderSays is a relation that lists the holder with a fixed wording.
func holderSays(how string) relation {
	return func(holder, _ cloud.Object, _ cloud.Reference) (string, string, bool) { return holder.ID, how, true }
}

// referencesTo lists what refers to an object, as ls lists the referrers,
// with the routes to it last.
func (w *world) referencesTo(object cloud.Object) []reference {
	type ranked struct {
		reference
		route    bool
		order    int
		backward bool
	}
	var found []ranked
	add := func(rel relation, holder, named cloud.Object, ref cloud.Reference, backward bool) {
		if rel == nil {
			return
		}
		referrerID, how, ok := rel(holder, named, ref)
		referrer, known := w.index.Object(referrerID)
		if _, listed := w.views[referrerID]; !ok || !known || !listed {
			return
		}
		found = append(found, ranked{reference: reference{Type: referrer.Type, ID: referrerID, Relation: how},
			route: ref.Field == "route", order: w.order[referrerID], backward: backward})
	}
	for _, holder := range w.index.Objects {
		for _, ref := range holder.References {
			if ref.ID != object.ID {
				continue
			}
			rel, listed := relations[holder.Type+"."+ref.Field]
			if !listed {
				rel = holderSays("its " + ref.Field)
			}
			add(rel, holder, object, ref, false)
		}
	}
	for _, ref := range object.References {
		if named, ok := w.index.Object(ref.ID); ok {
			add(backRelations[object.Type+"."+ref.Field], object, named, ref, true)
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.route != b.route {
			return b.route
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return !a.backward && b.backward
	})
	out := []reference{}
	for _, r := range found {
		out = append(out, r.reference)
	}
	return out
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
	} else {
		outln(w, "referred to by:")
	}
	for _, r := range s.ReferencedBy {
		outf(w, "  %s %s: %s\n", r.Type, r.ID, r.Relation)
	}
	for _, a := range s.Advice {
		outf(w, "warning: %s (%s)\n  %s\n  How to fix: %s\n", a.Title, a.Code, a.Message, a.Fix)
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
