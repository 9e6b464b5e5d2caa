package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// orphans finds what an interrupted apply leaves behind: an object the
// cloud committed whose ID Terraform never stored, because the provider died
// (or the connection broke) between the two. AWS leaves such objects too;
// the next apply then trips over them (a subnet block already taken, a
// second gateway), or quietly makes a second copy (a VPC). The way back is
// to compare the cloud with every state that manages objects in it, and to
// delete what none of them knows.

func init() {
	register(command{
		name: "orphans", args: "[--delete] [-o json] STATE...",
		summary: "List the objects that none of the given Terraform states knows, as an interrupted apply leaves them; --delete deletes them. " +
			"Each STATE is a terraform.tfstate file or the output of terraform show -json (- reads standard input); give every state that manages objects in this account and region.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			output := outputFlag(fs)
			del := fs.Bool("delete", false, "delete the orphans through the engine, in dependency order; what the engine refuses is reported, and the command exits 1")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					// Without a state every object would count as orphaned,
					// and --delete would empty the cloud.
					return usagef("orphans needs at least one Terraform state: a terraform.tfstate file, or - for terraform show -json on standard input")
				}
				if err := checkOutput(*output); err != nil {
					return err
				}
				if n := countOf(args, "-"); n > 1 {
					return usagef("- (standard input) can be given once, got it %d times", n)
				}
				k, err := readStates(e, args)
				if err != nil {
					return err
				}
				if k.resources == 0 {
					outln(e.Stderr, "Warning: the given states hold no resources, so every object here counts as orphaned.")
				}
				open := e.client
				if *del {
					open = func() (*cloud.Client, error) { return e.writer(ctx) }
				}
				c, err := open()
				if err != nil {
					return err
				}
				report, err := findOrphans(ctx, c, k)
				if err != nil {
					return err
				}
				if !*del {
					if *output == "json" {
						return writeJSON(e.Stdout, report)
					}
					report.writeText(e.Stdout)
					return nil
				}
				progress := e.Stdout
				if *output == "json" {
					progress = io.Discard
				} else {
					report.writeText(e.Stdout)
					if len(report.Orphans) > 0 {
						outln(e.Stdout)
					}
				}
				refused := report.deleteAll(ctx, c, progress, e.Stderr)
				if *output == "json" {
					if err := writeJSON(e.Stdout, report); err != nil {
						return err
					}
				}
				if refused > 0 {
					return fmt.Errorf("deleted %d of %d orphans; the cloud refused the rest (above)", len(report.Orphans)-refused, len(report.Orphans))
				}
				return nil
			}
		},
	})
}

func countOf(args []string, s string) int {
	n := 0
	for _, a := range args {
		if a == s {
			n++
		}
	}
	return n
}

// knowledge is what the given states know of the cloud.
type knowledge struct {
	// ids holds every ID-shaped token found in the states' resource
	// attributes, at any depth: besides each object's own id, the IDs it
	// refers to (vpc_id, main_route_table_id, a route block's gateway_id,
	// the parts of an attachment's igw-...:vpc-... ID, an ARN's last part).
	// Counting references too errs on the side of keeping: an object that a
	// state refers to is one that configuration expects to exist.
	ids map[string]bool
	// attachments are the internet gateway attachments the states make.
	attachments map[attachment]bool
	// resources counts the resource instances read.
	resources int
}

type attachment struct{ igw, vpc string }

// idPrefixes are the kinds of ID the cloud's objects have, and r for the
// IDs of routes made by simcloud_route (cloud.RouteID).
var idPrefixes = func() map[string]bool {
	prefixes := map[string]bool{"r": true}
	for _, p := range cloud.ObjectPrefixes() {
		prefixes[p] = true
	}
	return prefixes
}()

// readStates reads every state named in args, - meaning standard input.
func readStates(e *env, args []string) (knowledge, error) {
	k := knowledge{ids: map[string]bool{}, attachments: map[attachment]bool{}}
	for _, arg := range args {
		name, data, err := arg, []byte(nil), error(nil)
		if arg == "-" {
			name = "standard input"
			data, err = io.ReadAll(e.Stdin)
		} else {
			data, err = os.ReadFile(arg)
		}
		if err != nil {
			return k, fmt.Errorf("reading the state %s: %w", name, err)
		}
		if err := k.readState(data); err != nil {
			return k, fmt.Errorf("reading the state %s: %w", name, err)
		}
	}
	return k, nil
}

// errNotAState says which documents the command reads.
var errNotAState = errors.New("not a Terraform state: give a terraform.tfstate file (format version 4) or the output of terraform show -json")

// readState learns what one state document knows. Its format is told from
// its content: a state file has "version", terraform show -json has
// "format_version". The reading is strict: a part it cannot make sense of
// is an error, never skipped, since every ID missed would make an object
// look orphaned.
func (k *knowledge) readState(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("it is empty: %w", errNotAState)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("%v: %w", err, errNotAState)
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON document: %w", errNotAState)
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return errNotAState
	}
	if version, ok := top["version"]; ok {
		if n, ok := version.(json.Number); !ok || n.String() != "4" {
			return fmt.Errorf("state format version %v; simcloud reads version 4, which Terraform 0.12 and later write", version)
		}
		resources, err := list(top, "resources")
		if err != nil {
			return err
		}
		return k.readStateFile(resources)
	}
	if _, ok := top["format_version"]; ok {
		for _, key := range []string{"planned_values", "prior_state", "resource_changes"} {
			if _, ok := top[key]; ok {
				return errors.New("this is the JSON of a plan, not of a state: run terraform show -json without a plan file")
			}
		}
		// terraform show -json prints no values at all for an empty state.
		values, err := object(top, "values")
		if err != nil {
			return err
		}
		root, err := object(values, "root_module")
		if err != nil {
			return err
		}
		return k.readModule(root, "root_module")
	}
	return errNotAState
}

// readStateFile reads the resources of a state file: each instance's
// attributes (attributes_flat for the legacy providers that still write it).
func (k *knowledge) readStateFile(resources []any) error {
	return eachObject(resources, "resources", func(where string, resource map[string]any) error {
		instances, err := list(resource, "instances")
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		return eachObject(instances, where+".instances", func(where string, instance map[string]any) error {
			attrs, err := object(instance, "attributes")
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			if attrs == nil {
				if attrs, err = object(instance, "attributes_flat"); err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
			}
			if attrs == nil {
				return fmt.Errorf("%s has no attributes", where)
			}
			k.learn(attrs)
			return nil
		})
	})
}

// readModule reads a module of terraform show -json: its resources' values,
// then its child modules.
func (k *knowledge) readModule(module map[string]any, where string) error {
	resources, err := list(module, "resources")
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	err = eachObject(resources, where+".resources", func(where string, resource map[string]any) error {
		values, err := object(resource, "values")
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if values == nil {
			return fmt.Errorf("%s has no values", where)
		}
		k.learn(values)
		return nil
	})
	if err != nil {
		return err
	}
	children, err := list(module, "child_modules")
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return eachObject(children, where+".child_modules", func(where string, child map[string]any) error {
		return k.readModule(child, where)
	})
}

// eachObject runs read on each member of a JSON list, which must all be
// objects; where names the list in errors, each member as where[i].
func eachObject(members []any, where string, read func(where string, member map[string]any) error) error {
	for i, m := range members {
		where := fmt.Sprintf("%s[%d]", where, i)
		member, ok := m.(map[string]any)
		if !ok {
			return fmt.Errorf("%s is not an object", where)
		}
		if err := read(where, member); err != nil {
			return err
		}
	}
	return nil
}

// object and list read an optional member of a JSON object: absent or null
// is nil, anything but the expected type an error.
func object(m map[string]any, key string) (map[string]any, error) {
	switch v := m[key].(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return v, nil
	default:
		return nil, fmt.Errorf("%s is not an object", key)
	}
}

func list(m map[string]any, key string) ([]any, error) {
	switch v := m[key].(type) {
	case nil:
		return nil, nil
	case []any:
		return v, nil
	default:
		return nil, fmt.Errorf("%s is not a list", key)
	}
}

// learn takes in one resource instance's attributes.
func (k *knowledge) learn(attrs map[string]any) {
	k.resources++
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			k.learnString(v)
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(attrs)
	// A gateway's attachment is no ID of its own in the cloud: a
	// simcloud_internet_gateway with vpc_id, or the simcloud_internet_gateway
	// data source's attachments, make it, as does a
	// simcloud_internet_gateway_attachment (whose igw-...:vpc-... ID
	// learnString reads).
	igw := ""
	for _, key := range []string{"internet_gateway_id", "id"} {
		if s, ok := attrs[key].(string); ok && cloud.IDPrefix(s) == cloud.KindInternetGateway.Prefix {
			igw = s
			break
		}
	}
	if igw == "" {
		return
	}
	var vpcs func(key string, v any)
	vpcs = func(key string, v any) {
		switch v := v.(type) {
		case string:
			// attributes_flat spells nested keys as attachments.0.vpc_id.
			if key == "vpc_id" || strings.HasSuffix(key, ".vpc_id") {
				k.attachments[attachment{igw, v}] = true
			}
		case map[string]any:
			for key, x := range v {
				vpcs(key, x)
			}
		case []any:
			for _, x := range v {
				vpcs(key, x)
			}
		}
	}
	vpcs("", attrs)
}

// learnString takes in the ID-shaped tokens of one string value.
func (k *knowledge) learnString(s string) {
	if igw, vpc, err := cloud.ParseInternetGatewayAttachmentID(s); err == nil {
		k.attachments[attachment{igw, vpc}] = true
	}
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-'
	})
	for _, t := range tokens {
		if idPrefixes[cloud.IDPrefix(t)] {
			k.ids[t] = true
		}
	}
}

// The types of orphan, as the resource types that make them are named
// (without simcloud_), in the order they are deleted: whatever uses an
// object goes before it, as the engine's deletion order says, with routes
// first (before the gateways they name) and a gateway's attachment before
// the gateway.
var deletionOrder = func() []string {
	order := []string{"route"}
	for _, typ := range cloud.DeletionOrder() {
		if typ == "internet_gateway" {
			order = append(order, "internet_gateway_attachment")
		}
		order = append(order, typ)
	}
	return order
}()

// orphan is one object that no given state knows.
type orphan struct {
	Type         string `json:"type"`
	ID           string `json:"id"`
	VPCID        string `json:"vpc_id,omitempty"`
	RouteTableID string `json:"route_table_id,omitempty"`
	// Object is the object as ls -o json shows it.
	Object any `json:"object"`
	// Deleted and Error report, with --delete, what became of it.
	Deleted *bool        `json:"deleted,omitempty"`
	Error   *refusalView `json:"error,omitempty"`
	// remove deletes the object through the engine, telling say what it did.
	remove func(ctx context.Context, c *cloud.Client, say func(format string, a ...any)) error
}

type refusalView struct {
	Code    string   `json:"code,omitempty"`
	Message string   `json:"message"`
	Fix     string   `json:"fix,omitempty"`
	Objects []string `json:"objects,omitempty"`
}

// orphanReport is what the command found, in deletion order, and the tree
// that shows it.
type orphanReport struct {
	Account string    `json:"account_id"`
	Region  string    `json:"region"`
	Orphans []*orphan `json:"orphans"`
	trees   []node
}

// findOrphans compares the cloud of the client's scope with what the
// states know. What counts as known, kind by kind:
//
//   - VPC, subnet, route table, route table association, internet gateway,
//     egress-only internet gateway, NAT gateway, security group, network
//     ACL, elastic IP: its ID.
//   - A VPC's default security group and network ACL: implied by the VPC,
//     with which they go.
//   - A VPC's main route table and main association: implied by the VPC.
//     They are made with it, cannot be deleted on their own, and go with
//     it; a main association that replaced the first one (through
//     simcloud_main_route_table_association) is not listed either, since
//     the cloud can only replace it, never delete it.
//   - A route: local routes are implied by their table. Routes of a known
//     table managed inline (route blocks of simcloud_route_table or
//     simcloud_default_route_table) are implied by the table, whose next
//     apply sets them as configured. A route made by simcloud_route (or by
//     simcloud route replace on such a route) is known by its ID,
//     r-<table-id><crc32 of destination>. Routes of an orphaned table, or of
//     the main table of an orphaned VPC, go with it.
//   - An internet gateway's attachment: when the gateway is known, by a
//     state that attaches that gateway to that VPC (a simcloud_internet_gateway
//     with vpc_id, an attachment's igw-...:vpc-... ID); an orphaned
//     attachment of a known gateway is detached. An orphaned gateway is
//     detached and deleted.
//
// The cloud has no gateway route table associations, and the VPCs' CIDR
// block associations are part of their VPC and subnet.
func findOrphans(ctx context.Context, c *cloud.Client, k knowledge) (*orphanReport, error) {
	w, err := load(ctx, c)
	if err != nil {
		return nil, err
	}
	// The world does not say which resource manages a route; a second
	// read does. A route missing from it (made between the two reads)
	// counts as known: nothing is deleted on a guess.
	tables, err := c.FindRouteTables(ctx, cloud.RouteTableFilter{})
	if err != nil {
		return nil, err
	}
	managedBy := map[string]string{}
	for _, t := range tables {
		for _, r := range t.Routes {
			managedBy[t.ID+" "+r.Destination] = r.ManagedBy
		}
	}
	report := &orphanReport{Account: w.Account, Region: w.Region, Orphans: []*orphan{}}
	add := func(o *orphan, text string) node {
		report.Orphans = append(report.Orphans, o)
		return node{text: text}
	}
	known := func(text string) string { return text + "  (known)" }

	for _, v := range w.VPCs {
		// The region's default VPC is AWS's, which every account has in
		// every region from its first use: never an orphan, known to a
		// state or not. Its gateway and default subnets, made with it as
		// its default group is, are never orphans of their own.
		vpcKnown := k.ids[v.ID] || v.Default
		withDefaultVPC := func(id string) bool {
			o, ok := w.index.Object(id)
			return ok && o.WithDefaultVPC && !k.ids[id]
		}
		var children []node
		if g := v.InternetGateway; g != nil && !withDefaultVPC(g.ID) {
			switch {
			case !k.ids[g.ID]:
				children = append(children, add(gatewayOrphan(*g), label("internet gateway "+g.ID, quotedName(g.Tags))))
			case !k.attachments[attachment{g.ID, v.ID}]:
				children = append(children, add(attachmentOrphan(*g),
					label("internet gateway attachment "+cloud.InternetGatewayAttachmentID(g.ID, v.ID), "of the known gateway "+g.ID)))
			}
		}
		if g := v.VPNGateway; g != nil && !k.ids[g.ID] {
			children = append(children, add(vpnGatewayOrphan(*g), label("virtual private gateway "+g.ID, quotedName(g.Tags))))
		}
		for _, g := range v.EgressOnly {
			if !k.ids[g.ID] {
				children = append(children, add(w.byID(g.ID, v.ID, "", g), label("egress-only internet gateway "+g.ID, quotedName(g.Tags))))
			}
		}
		for _, s := range v.Subnets {
			if !k.ids[s.ID] && !withDefaultVPC(s.ID) {
				children = append(children, add(w.byID(s.ID, v.ID, "", s), subnetNode(s).text))
			}
		}
		for _, rt := range v.RouteTables {
			if rt.Main && v.InternetGateway != nil && withDefaultVPC(v.InternetGateway.ID) {
				// CreateDefaultVpc's route to the gateway goes with the VPC too.
				k.ids[cloud.RouteID(rt.ID, "0.0.0.0/0")] = k.ids[cloud.RouteID(rt.ID, "0.0.0.0/0")] ||
					slices.ContainsFunc(rt.Routes, func(r routeView) bool { return r.Destination == "0.0.0.0/0" && r.Target == v.InternetGateway.ID })
			}
			orphaned, withVPC := !rt.Main && !k.ids[rt.ID], rt.Main && !vpcKnown
			if n, ok := w.tableOrphans(rt, v.ID, orphaned, withVPC, k, managedBy, add); ok {
				switch {
				case withVPC:
					n.text += "  (goes with its VPC)"
				case !orphaned:
					n.text = known(n.text)
				}
				children = append(children, n)
			}
		}
		for _, g := range v.NATGateways {
			if !k.ids[g.ID] {
				children = append(children, add(w.byID(g.ID, v.ID, "", g), natNode(g).text))
			}
		}
		// What the lines above do not place, by the index: a VPC's security
		// groups and network ACLs, and the kinds to come. Its default group
		// and ACL go with it and are never orphans of their own.
		for _, o := range w.index.Objects {
			if o.Parent == v.ID && !placedByHand[o.Type] && !o.GoesWithParent && !k.ids[o.ID] {
				view, listed := w.views[o.ID]
				if !listed {
					view = o.Value
				}
				children = append(children, add(w.byID(o.ID, v.ID, "", view), label(o.Label+" "+o.ID, quotedName(o.Tags))))
			}
		}
		root := node{text: vpcNode(v).text, children: children}
		if vpcKnown {
			if len(children) == 0 {
				continue
			}
			root.text = known(root.text)
		} else {
			add(w.byID(v.ID, v.ID, "", v), "")
		}
		report.trees = append(report.trees, root)
	}

	loose := node{text: "internet gateways attached to no VPC"}
	for _, g := range w.Detached {
		if !k.ids[g.ID] {
			loose.children = append(loose.children, add(gatewayOrphan(g), label(g.ID, quotedName(g.Tags))))
		}
	}
	if len(loose.children) > 0 {
		report.trees = append(report.trees, loose)
	}
	eips := node{text: "elastic IPs"}
	for _, e := range w.ElasticIPs {
		if k.ids[e.AllocationID] {
			continue
		}
		id, use := e.AllocationID, "unused"
		if e.NATGatewayID != "" {
			use = "used by " + e.NATGatewayID
		}
		eips.children = append(eips.children, add(&orphan{Type: "eip", ID: id, Object: e,
			remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
				err := c.ReleaseAddress(ctx, id)
				if err == nil {
					say("Released elastic IP %s.", id)
				}
				return goneIsDone(say, "elastic IP", id, err)
			}}, label(id, e.PublicIP, use, quotedName(e.Tags))))
	}
	if len(eips.children) > 0 {
		report.trees = append(report.trees, eips)
	}
	// What lives in no VPC and the lines above do not place, by the index:
	// customer gateways, detached virtual private gateways, and the kinds to
	// come.
	elsewhere := node{text: "other objects in no VPC"}
	for _, o := range w.index.Objects {
		// The default VPC's DHCP options set is AWS's, as the VPC is.
		if o.Parent == "" && !placedInNoVPC[o.Type] && !k.ids[o.ID] && !o.WithDefaultVPC {
			elsewhere.children = append(elsewhere.children, add(w.byID(o.ID, "", "", o.Value), label(o.Label+" "+o.ID, quotedName(o.Tags))))
		}
	}
	if len(elsewhere.children) > 0 {
		report.trees = append(report.trees, elsewhere)
	}

	rank := map[string]int{}
	for i, t := range deletionOrder {
		rank[t] = i
	}
	sort.SliceStable(report.Orphans, func(i, j int) bool {
		return rank[report.Orphans[i].Type] < rank[report.Orphans[j].Type]
	})
	return report, nil
}

// placedInNoVPC are the kinds that findOrphans places itself when they are
// in no VPC.
var placedInNoVPC = map[string]bool{"vpc": true, "internet_gateway": true, "eip": true}

// placedByHand are the kinds in a VPC whose orphans findOrphans places
// itself, with what it knows of each (attachments, a table's routes).
var placedByHand = map[string]bool{"internet_gateway": true, "egress_only_internet_gateway": true, "subnet": true, "route_table": true, "nat_gateway": true,
	"vpn_gateway": true}

// tableOrphans finds the orphans of one route table: the table itself, its
// associations, its routes. withTable says that the table is orphaned, so
// that its routes go with it; goesWithVPC says the same of the main table
// of an orphaned VPC. ok is false when there is nothing to show.
func (w *world) tableOrphans(rt routeTableView, vpcID string, withTable, goesWithVPC bool, k knowledge, managedBy map[string]string,
	add func(*orphan, string) node) (node, bool) {
	n := node{text: routeTableNode(rt).text}
	if !withTable && !goesWithVPC {
		for _, r := range rt.Routes {
			if r.Target == cloud.TargetLocal {
				continue
			}
			manager, read := managedBy[rt.ID+" "+r.Destination]
			routeID := cloud.RouteID(rt.ID, r.Destination)
			if !read || manager == cloud.ManagedInline || k.ids[routeID] {
				continue
			}
			tableID, dest := rt.ID, r.Destination
			state := ""
			if r.State == cloud.RouteStateBlackhole {
				state = "BLACKHOLE"
			}
			n.children = append(n.children, add(&orphan{Type: "route", ID: routeID, VPCID: vpcID, RouteTableID: tableID, Object: r,
				remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
					err := c.DeleteRoute(ctx, tableID, dest)
					if err == nil {
						say("Deleted route %s (%s in %s).", routeID, dest, tableID)
					}
					return goneIsDone(say, "route", routeID, err)
				}}, label("route "+routeID, r.Destination+" -> "+r.Target, state)))
		}
	}
	for _, a := range rt.Subnets {
		// The main association is implied by the VPC (see findOrphans).
		if a.Main || k.ids[a.ID] {
			continue
		}
		n.children = append(n.children, add(w.byID(a.ID, vpcID, rt.ID, a), label("route table association "+a.ID, "with "+a.SubnetID)))
	}
	if withTable {
		add(w.byID(rt.ID, vpcID, "", rt), "")
		return n, true
	}
	return n, len(n.children) > 0
}

// gatewayOrphan is an orphaned internet gateway: detached first, if it is
// attached, then deleted, each its own change of the cloud.
func gatewayOrphan(g gatewayView) *orphan {
	return &orphan{Type: "internet_gateway", ID: g.ID, VPCID: g.VPCID, Object: g,
		remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
			if g.VPCID != "" {
				if err := detached(ctx, c, say, g); err != nil {
					return err
				}
			}
			return deleted(say, "internet gateway", g.ID, c.DeleteInternetGateway(ctx, g.ID))
		}}
}

// vpnGatewayOrphan is an orphaned virtual private gateway attached to a
// VPC: detached first, since AWS deletes only a detached one, then deleted.
func vpnGatewayOrphan(g gatewayView) *orphan {
	return &orphan{Type: "vpn_gateway", ID: g.ID, VPCID: g.VPCID, Object: g,
		remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
			err := c.DetachVPNGateway(ctx, g.ID, g.VPCID)
			if err == nil {
				say("Detached virtual private gateway %s from %s.", g.ID, g.VPCID)
			}
			if err := goneIsDone(say, "virtual private gateway attachment", cloud.VPNGatewayAttachmentID(g.ID, g.VPCID), err); err != nil {
				return err
			}
			return deleted(say, "virtual private gateway", g.ID, c.DeleteObject(ctx, g.ID))
		}}
}

// attachmentOrphan is an orphaned attachment of a known gateway.
func attachmentOrphan(g gatewayView) *orphan {
	return &orphan{Type: "internet_gateway_attachment", ID: cloud.InternetGatewayAttachmentID(g.ID, g.VPCID), VPCID: g.VPCID, Object: g,
		remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
			return detached(ctx, c, say, g)
		}}
}

func detached(ctx context.Context, c *cloud.Client, say func(string, ...any), g gatewayView) error {
	err := c.DetachInternetGateway(ctx, g.ID, g.VPCID)
	if err == nil {
		say("Detached internet gateway %s from %s.", g.ID, g.VPCID)
	}
	return goneIsDone(say, "internet gateway attachment", cloud.InternetGatewayAttachmentID(g.ID, g.VPCID), err)
}

// byID is an orphan that the engine deletes by its ID alone, named as the
// index names its kind; object is what ls -o json shows of it.
func (w *world) byID(id, vpcID, tableID string, object any) *orphan {
	o, _ := w.index.Object(id)
	return &orphan{Type: o.Type, ID: id, VPCID: vpcID, RouteTableID: tableID, Object: object,
		remove: func(ctx context.Context, c *cloud.Client, say func(string, ...any)) error {
			return deleted(say, o.Label, id, c.DeleteObject(ctx, id))
		}}
}

// deleted reports the outcome of deleting an object.
func deleted(say func(string, ...any), what, id string, err error) error {
	if err == nil {
		say("Deleted %s %s.", what, id)
	}
	return goneIsDone(say, what, id, err)
}

// goneIsDone takes an object that is not found when deleted as deleted:
// someone else removed it since the cloud was read, which is what was
// wanted.
func goneIsDone(say func(string, ...any), what, id string, err error) error {
	if cloud.IsNotFound(err) {
		say("The %s %s was already gone.", what, id)
		return nil
	}
	return err
}

// deleteAll deletes the orphans in order, each through one engine call (an
// orphaned internet gateway that is attached takes two: detach, delete), so
// that each change is whole or not at all. A refusal is reported on stderr
// and does not stop the others; it returns the number refused.
func (r *orphanReport) deleteAll(ctx context.Context, c *cloud.Client, progress, stderr io.Writer) int {
	say := func(format string, a ...any) { outf(progress, format+"\n", a...) }
	refused := 0
	for _, o := range r.Orphans {
		err := o.remove(ctx, c, say)
		ok := err == nil
		o.Deleted = &ok
		if ok {
			continue
		}
		refused++
		o.Error = &refusalView{Message: err.Error()}
		var ce *cloud.Error
		if errors.As(err, &ce) {
			o.Error = &refusalView{Code: ce.Code, Message: ce.Message, Fix: ce.Fix, Objects: ce.Objects}
		}
		outf(stderr, "Not deleted: %s %s\n", strings.ReplaceAll(o.Type, "_", " "), o.ID)
		printError(stderr, err)
		outln(stderr)
	}
	return refused
}

func (r *orphanReport) writeText(out io.Writer) {
	outf(out, "account %s, region %s\n", r.Account, r.Region)
	switch n := len(r.Orphans); n {
	case 0:
		outln(out, "no orphans: the given states know every object here")
		return
	case 1:
		outln(out, "1 object that no given state knows (what holds it is marked known):")
	default:
		outf(out, "%d objects that no given state knows (what holds them is marked known):\n", n)
	}
	t := tree{w: out}
	for _, n := range r.trees {
		outln(out)
		t.write(n, "", true, true)
	}
}
