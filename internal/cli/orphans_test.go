package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// The orphans tests run on the lab cloud of testdata/cloud.json, plus one
// route made as simcloud_route makes it (the lab's other routes are route
// blocks of their tables), and compare it with states written here the way
// Terraform writes them.

// labObjects is every object of the lab that a state can know, by what it is.
type labObjects struct {
	vpc, igw, spareIGW, eigw, nat, natEIP, spareEIP, mainTable, route string
	subnets, tables, associations                                     map[string]string // by Name tag (of the table, for associations: "public-a" names public-a's association)
}

// orphansLab returns a fresh lab cloud with the extra route, and its objects.
func orphansLab(t *testing.T) (string, labObjects) {
	t.Helper()
	location := goldenCloud(t)
	withClient(t, location, func(c *cloud.Client, w *world) {
		v := w.VPCs[0]
		if _, err := c.CreateRoute(context.Background(), v.MainRouteTableID, cloud.RouteSpec{Destination: "198.51.100.0/24", Target: v.InternetGateway.ID}); err != nil {
			t.Fatal(err)
		}
	})
	var lab labObjects
	withClient(t, location, func(_ *cloud.Client, w *world) {
		v := w.VPCs[0]
		lab = labObjects{vpc: v.ID, igw: v.InternetGateway.ID, spareIGW: w.Detached[0].ID, eigw: v.EgressOnly[0].ID,
			nat: v.NATGateways[0].ID, natEIP: v.NATGateways[0].AllocationID, mainTable: v.MainRouteTableID,
			route:   cloud.RouteID(v.MainRouteTableID, "198.51.100.0/24"),
			subnets: map[string]string{}, tables: map[string]string{}, associations: map[string]string{}}
		for _, e := range w.ElasticIPs {
			if e.NATGatewayID == "" {
				lab.spareEIP = e.AllocationID
			}
		}
		names := map[string]string{}
		for _, s := range v.Subnets {
			lab.subnets[s.Tags["Name"]] = s.ID
			names[s.ID] = s.Tags["Name"]
		}
		for _, rt := range v.RouteTables {
			if !rt.Main {
				lab.tables[rt.Tags["Name"]] = rt.ID
			}
			for _, a := range rt.Subnets {
				if !a.Main {
					lab.associations[names[a.SubnetID]] = a.ID
				}
			}
		}
	})
	if len(lab.subnets) != 4 || len(lab.tables) != 3 || len(lab.associations) != 4 || lab.spareEIP == "" {
		t.Fatalf("the lab is not what the tests expect: %+v", lab)
	}
	return location, lab
}

// resources are one resource instance's attributes each.
type resources []map[string]any

// known is a state's resource for each ID, holding only its id, so that it
// refers to nothing else.
func known(ids ...string) resources {
	var r resources
	for _, id := range ids {
		r = append(r, map[string]any{"id": id})
	}
	return r
}

// attached is a simcloud_internet_gateway with vpc_id.
func attached(igw, vpc string) map[string]any { return map[string]any{"id": igw, "vpc_id": vpc} }

// everything is a state of the whole lab.
func (lab labObjects) everything() resources {
	r := resources{attached(lab.igw, lab.vpc)}
	r = append(r, known(lab.vpc, lab.spareIGW, lab.eigw, lab.nat, lab.natEIP, lab.spareEIP, lab.route)...)
	for _, m := range []map[string]string{lab.subnets, lab.tables, lab.associations} {
		for _, id := range m {
			r = append(r, known(id)...)
		}
	}
	return r
}

// without is r less the resources whose id is one of ids.
func (r resources) without(ids ...string) resources {
	var out resources
	for _, attrs := range r {
		drop := false
		for _, id := range ids {
			drop = drop || attrs["id"] == id
		}
		if !drop {
			out = append(out, attrs)
		}
	}
	return out
}

// stateFile writes r as a terraform.tfstate (format version 4) and returns
// its path.
func stateFile(t *testing.T, r resources) string {
	t.Helper()
	var rs []any
	for i, attrs := range r {
		rs = append(rs, map[string]any{"mode": "managed", "type": "simcloud_thing", "name": "r" + string(rune('a'+i%26)),
			"provider":  `provider["registry.terraform.io/simcloud/simcloud"]`,
			"instances": []any{map[string]any{"schema_version": 0, "attributes": attrs}}})
	}
	return writeJSONFile(t, map[string]any{"version": 4, "terraform_version": "1.11.0", "serial": 3, "lineage": "x", "outputs": map[string]any{}, "resources": rs})
}

// showJSON is r as terraform show -json prints a state, the resources after
// the first in a child module.
func showJSON(t *testing.T, r resources) string {
	t.Helper()
	module := func(r resources) map[string]any {
		var rs []any
		for _, attrs := range r {
			rs = append(rs, map[string]any{"address": "simcloud_thing.x", "mode": "managed", "type": "simcloud_thing", "values": attrs})
		}
		return map[string]any{"resources": rs}
	}
	root := module(r[:1])
	child := module(r[1:])
	child["address"] = "module.net"
	root["child_modules"] = []any{child}
	data, err := json.Marshal(map[string]any{"format_version": "1.0", "terraform_version": "1.11.0", "values": map[string]any{"root_module": root}})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeJSONFile(t *testing.T, doc any) string {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "terraform.tfstate")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// orphansJSON runs simcloud orphans -o json and returns what it lists as
// type and ID, in its order.
func orphansJSON(t *testing.T, location, stdin string, states ...string) []string {
	t.Helper()
	return listed(t, mustRun(t, location, stdin, append([]string{"orphans", "-o", "json"}, states...)...))
}

func listed(t *testing.T, out string) []string {
	t.Helper()
	var report struct {
		Orphans []struct {
			Type, ID string
		} `json:"orphans"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("orphans -o json: %v\n%s", err, out)
	}
	got := []string{}
	for _, o := range report.Orphans {
		got = append(got, o.Type+" "+o.ID)
	}
	return got
}

// cloudIDs is every ID of an object in the cloud, with the gateways'
// attachments and the routes that are not local by RouteID.
func cloudIDs(t *testing.T, location string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	withClient(t, location, func(_ *cloud.Client, w *world) {
		for _, o := range w.index.Objects {
			ids[o.ID] = true
		}
		// Attachments and routes are no objects of their own.
		for _, v := range w.VPCs {
			if v.InternetGateway != nil {
				ids[cloud.InternetGatewayAttachmentID(v.InternetGateway.ID, v.ID)] = true
			}
			for _, rt := range v.RouteTables {
				for _, r := range rt.Routes {
					if r.Target != cloud.TargetLocal {
						ids[cloud.RouteID(rt.ID, r.Destination)] = true
					}
				}
			}
		}
	})
	return ids
}

// checkSound fails the test if the cloud breaks an invariant.
func checkSound(t *testing.T, location string) {
	t.Helper()
	broken, err := storetest.Invariants(location)
	if err != nil {
		t.Fatal(err)
	}
	if len(broken) > 0 {
		t.Errorf("the cloud breaks its invariants:\n%s", strings.Join(broken, "\n"))
	}
}

// checkDeleted fails the test unless the cloud holds exactly before less
// gone.
func checkDeleted(t *testing.T, location string, before map[string]bool, gone ...string) {
	t.Helper()
	want := map[string]bool{}
	for id := range before {
		want[id] = true
	}
	for _, id := range gone {
		if !want[id] {
			t.Fatalf("%s was not in the cloud before", id)
		}
		delete(want, id)
	}
	after := cloudIDs(t, location)
	if !reflect.DeepEqual(after, want) {
		t.Errorf("after --delete the cloud holds\n%v\nwant\n%v", sortedKeys(after), sortedKeys(want))
	}
	checkSound(t, location)
}

func sortedKeys(m map[string]bool) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestOrphansNoneWhenTheStatesKnowAll: states that between them know every
// object leave nothing orphaned, whether the knowledge is in one state file,
// in terraform show -json on standard input (child modules included), or
// split between several.
func TestOrphansNoneWhenTheStatesKnowAll(t *testing.T) {
	location, lab := orphansLab(t)
	all := lab.everything()
	if got := orphansJSON(t, location, "", stateFile(t, all)); len(got) != 0 {
		t.Errorf("a state of the whole lab leaves orphans: %v", got)
	}
	out := mustRun(t, location, "", "orphans", stateFile(t, all))
	if !strings.Contains(out, "no orphans: the given states know every object here") {
		t.Errorf("orphans with a state of the whole lab:\n%s", out)
	}
	if got := orphansJSON(t, location, showJSON(t, all), "-"); len(got) != 0 {
		t.Errorf("terraform show -json of the whole lab leaves orphans: %v", got)
	}
	half := len(all) / 2
	if got := orphansJSON(t, location, showJSON(t, all[half:]), stateFile(t, all[:half]), "-"); len(got) != 0 {
		t.Errorf("two states that between them know the lab leave orphans: %v", got)
	}
	// Each half alone leaves the other half orphaned: the states are read,
	// not waved through.
	if got := orphansJSON(t, location, "", stateFile(t, all[:half])); len(got) == 0 {
		t.Error("half the lab's state leaves no orphans")
	}
}

// TestOrphansListedAndDeleted: what no state knows is listed, in deletion
// order and as a tree under what holds it, and --delete deletes exactly that,
// leaving a sound cloud and nothing orphaned.
func TestOrphansListedAndDeleted(t *testing.T) {
	location, lab := orphansLab(t)
	gone := []string{lab.route, lab.associations["private-b"], lab.subnets["private-b"], lab.tables["private-b"], lab.spareIGW, lab.spareEIP}
	state := stateFile(t, lab.everything().without(gone...))
	want := []string{"route " + lab.route, "route_table_association " + lab.associations["private-b"], "subnet " + lab.subnets["private-b"],
		"route_table " + lab.tables["private-b"], "internet_gateway " + lab.spareIGW, "eip " + lab.spareEIP}
	if got := orphansJSON(t, location, "", state); !reflect.DeepEqual(got, want) {
		t.Errorf("orphans -o json lists\n%v\nwant\n%v", got, want)
	}

	text := mustRun(t, location, "", "orphans", state)
	for _, line := range []string{
		"6 objects that no given state knows (what holds them is marked known):",
		"VPC " + lab.vpc + "  10.0.0.0/16  2001:db8:9e05:d500::/56  \"lab\"  (known)",
		"route table " + lab.mainTable + "  main  (known)",
		"route " + lab.route + "  198.51.100.0/24 -> " + lab.igw,
		"subnet " + lab.subnets["private-b"] + "  10.0.12.0/24  us-east-1b",
		"route table " + lab.tables["private-b"] + "  \"private-b\"",
		"route table association " + lab.associations["private-b"] + "  with " + lab.subnets["private-b"],
		"internet gateways attached to no VPC",
		lab.spareIGW + "  \"spare\"",
		"elastic IPs",
		lab.spareEIP + "  203.0.113.251  unused",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("orphans output lacks %q:\n%s", line, text)
		}
	}
	// What the state knows is not listed: a known subnet, the known table
	// of the NAT route, the known gateway.
	for _, id := range []string{lab.subnets["private-a"], lab.tables["private-a"], lab.nat, lab.natEIP} {
		if strings.Contains(text, id) {
			t.Errorf("orphans output names the known %s:\n%s", id, text)
		}
	}

	before := cloudIDs(t, location)
	out := mustRun(t, location, "", "orphans", "--delete", state)
	var done []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Deleted ") || strings.HasPrefix(line, "Released ") {
			done = append(done, line)
		}
	}
	wantDone := []string{
		"Deleted route " + lab.route + " (198.51.100.0/24 in " + lab.mainTable + ").",
		"Deleted route table association " + lab.associations["private-b"] + ".",
		"Deleted subnet " + lab.subnets["private-b"] + ".",
		"Deleted route table " + lab.tables["private-b"] + ".",
		"Deleted internet gateway " + lab.spareIGW + ".",
		"Released elastic IP " + lab.spareEIP + ".",
	}
	if !reflect.DeepEqual(done, wantDone) {
		t.Errorf("orphans --delete did\n%s\nwant\n%s", strings.Join(done, "\n"), strings.Join(wantDone, "\n"))
	}
	// The blackhole route of the orphaned table went with it.
	checkDeleted(t, location, before, append(gone, cloud.RouteID(lab.tables["private-b"], "0.0.0.0/0"))...)
	if got := orphansJSON(t, location, "", state); len(got) != 0 {
		t.Errorf("after --delete, orphans still lists %v", got)
	}
}

// TestOrphansOfAWholeVPC: a VPC that no state knows is deleted with all that
// is in it, the main route table and its routes going with the VPC rather
// than on their own, and the elastic IP of its NAT gateway after the gateway.
func TestOrphansOfAWholeVPC(t *testing.T) {
	location, lab := orphansLab(t)
	state := stateFile(t, known(lab.spareIGW, lab.spareEIP))
	got := orphansJSON(t, location, "", state)
	want := []string{"nat_gateway " + lab.nat}
	for _, kind := range []struct {
		typ string
		ids map[string]string
	}{{"route_table_association", lab.associations}, {"subnet", lab.subnets}, {"route_table", lab.tables}} {
		var ids []string
		for _, id := range kind.ids {
			ids = append(ids, kind.typ+" "+id)
		}
		sort.Strings(ids)
		want = append(want, ids...)
	}
	want = append(want, "internet_gateway "+lab.igw, "egress_only_internet_gateway "+lab.eigw, "vpc "+lab.vpc, "eip "+lab.natEIP)
	// Within a type the order is the tree's; compare types in order and
	// the IDs of each type as sets.
	if !sameByType(got, want) {
		t.Errorf("orphans -o json lists\n%v\nwant\n%v", got, want)
	}

	before := cloudIDs(t, location)
	mustRun(t, location, "", "orphans", "--delete", state)
	var all []string
	for id := range before {
		if id != lab.spareIGW && id != lab.spareEIP {
			all = append(all, id)
		}
	}
	checkDeleted(t, location, before, all...)
}

// sameByType says whether got and want list the same types in the same
// order, and the same IDs of each type.
func sameByType(got, want []string) bool {
	group := func(list []string) ([]string, map[string][]string) {
		var order []string
		ids := map[string][]string{}
		for _, o := range list {
			typ, id, _ := strings.Cut(o, " ")
			if len(order) == 0 || order[len(order)-1] != typ {
				order = append(order, typ)
			}
			ids[typ] = append(ids[typ], id)
		}
		for _, l := range ids {
			sort.Strings(l)
		}
		return order, ids
	}
	gotOrder, gotIDs := group(got)
	wantOrder, wantIDs := group(want)
	return reflect.DeepEqual(gotOrder, wantOrder) && reflect.DeepEqual(gotIDs, wantIDs)
}

// TestOrphansRefusedDeletionKeepsTheRest: an orphan the engine refuses to
// delete (a subnet that a known NAT gateway is in) is reported with AWS's
// error, the command exits 1, and the other orphans are deleted all the same.
func TestOrphansRefusedDeletionKeepsTheRest(t *testing.T) {
	location, lab := orphansLab(t)
	subnet, association := lab.subnets["public-a"], lab.associations["public-a"]
	state := stateFile(t, lab.everything().without(subnet, association, lab.spareEIP))
	before := cloudIDs(t, location)

	r := run(t, location, "", "orphans", "--delete", state)
	if r.code != 1 || !strings.Contains(r.stderr, "deleted 2 of 3 orphans") ||
		!strings.Contains(r.stderr, "Not deleted: subnet "+subnet) || !strings.Contains(r.stderr, "DependencyViolation") {
		t.Errorf("orphans --delete of a subnet with a NAT gateway: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	checkDeleted(t, location, before, association, lab.spareEIP)

	r = run(t, location, "", "orphans", "--delete", "-o", "json", state)
	var report struct {
		Orphans []struct {
			ID      string `json:"id"`
			Deleted *bool  `json:"deleted"`
			Error   *struct {
				Code    string   `json:"code"`
				Objects []string `json:"objects"`
			} `json:"error"`
		} `json:"orphans"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("orphans --delete -o json: %v\n%s", err, r.stdout)
	}
	if r.code != 1 || len(report.Orphans) != 1 {
		t.Fatalf("orphans --delete -o json: exit %d, %s", r.code, r.stdout)
	}
	o := report.Orphans[0]
	if o.ID != subnet || o.Deleted == nil || *o.Deleted || o.Error == nil || o.Error.Code != "DependencyViolation" {
		t.Errorf("orphans --delete -o json reports %s", r.stdout)
	}
	if strings.Contains(r.stdout, "Deleted ") {
		t.Errorf("orphans --delete -o json mixes progress into the JSON:\n%s", r.stdout)
	}
}

// TestOrphansAttachmentOfAKnownGateway: a known gateway that no state
// attaches to its VPC is detached, not deleted.
func TestOrphansAttachmentOfAKnownGateway(t *testing.T) {
	location, lab := orphansLab(t)
	state := stateFile(t, append(lab.everything().without(lab.igw), known(lab.igw)...))
	attachment := cloud.InternetGatewayAttachmentID(lab.igw, lab.vpc)
	if got, want := orphansJSON(t, location, "", state), []string{"internet_gateway_attachment " + attachment}; !reflect.DeepEqual(got, want) {
		t.Errorf("orphans lists %v, want %v", got, want)
	}
	// An attachment resource's ID is knowledge of the attachment.
	withAttachment := stateFile(t, append(lab.everything().without(lab.igw), known(lab.igw, attachment)...))
	if got := orphansJSON(t, location, "", withAttachment); len(got) != 0 {
		t.Errorf("a state with the attachment's ID lists %v", got)
	}
	before := cloudIDs(t, location)
	out := mustRun(t, location, "", "orphans", "--delete", state)
	if !strings.Contains(out, "Detached internet gateway "+lab.igw+" from "+lab.vpc+".") || strings.Contains(out, "Deleted internet gateway") {
		t.Errorf("orphans --delete of an attachment:\n%s", out)
	}
	// The routes to it stay, as blackholes.
	checkDeleted(t, location, before, attachment)
}

// TestOrphansReferencesAreKnowledge: an object that a state refers to, by
// attribute, inside a nested block, in an ARN, or in a legacy
// attributes_flat, counts as known, so that nothing a configuration expects
// is deleted.
func TestOrphansReferencesAreKnowledge(t *testing.T) {
	location, lab := orphansLab(t)
	state := writeJSONFile(t, map[string]any{"version": 4, "resources": []any{
		map[string]any{"instances": []any{map[string]any{"attributes": map[string]any{
			"id": lab.nat, "subnet_id": lab.subnets["public-a"], "allocation_id": lab.natEIP,
			"route": []any{map[string]any{"gateway_id": lab.eigw}},
			"arn":   "arn:aws:ec2:us-east-1:123456789012:vpc/" + lab.vpc,
		}}}},
		map[string]any{"instances": []any{map[string]any{"attributes_flat": map[string]any{
			"id": lab.igw, "attachments.0.vpc_id": lab.vpc,
		}}}},
	}})
	got := strings.Join(orphansJSON(t, location, "", state), "\n")
	for _, id := range []string{lab.nat, lab.subnets["public-a"], lab.natEIP, lab.eigw, lab.vpc, lab.igw} {
		if strings.Contains(got, id) {
			t.Errorf("%s, referred to by the state, is listed as orphaned:\n%s", id, got)
		}
	}
	for _, id := range []string{lab.subnets["public-b"], lab.spareIGW, lab.tables["public"]} {
		if !strings.Contains(got, id) {
			t.Errorf("%s, unknown to the state, is not listed:\n%s", id, got)
		}
	}
}

// TestOrphansInputErrors: what is not a state is refused before the cloud
// is touched, with a message that says what the command reads; a state with
// no resources is read but warned about.
func TestOrphansInputErrors(t *testing.T) {
	location, lab := orphansLab(t)
	before := mustRun(t, location, "", "export")
	write := func(content string) string {
		path := filepath.Join(t.TempDir(), "state")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	full := stateFile(t, lab.everything())
	usage := []struct {
		args []string
		want string
	}{
		{[]string{"orphans"}, "orphans needs at least one Terraform state"},
		{[]string{"orphans", "--delete"}, "orphans needs at least one Terraform state"},
		{[]string{"orphans", "-", "-"}, "- (standard input) can be given once, got it 2 times"},
		{[]string{"orphans", "-o", "yaml", full}, `unknown output format "yaml"`},
	}
	for _, tc := range usage {
		r := run(t, location, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("simcloud %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
	refused := []struct {
		name, state, want string
	}{
		{"missing file", filepath.Join(t.TempDir(), "nope.tfstate"), "reading the state"},
		{"empty file", write("  \n"), "it is empty: not a Terraform state"},
		{"not JSON", write("resource \"simcloud_vpc\" \"x\" {}"), "not a Terraform state"},
		{"two documents", write(`{"version": 4} {"version": 4}`), "more than one JSON document"},
		{"a list", write(`[]`), "not a Terraform state"},
		{"old format", write(`{"version": 3, "modules": []}`), "state format version 3; simcloud reads version 4"},
		{"a plan", write(`{"format_version": "1.2", "planned_values": {}, "resource_changes": []}`), "this is the JSON of a plan"},
		{"resources not a list", write(`{"version": 4, "resources": {}}`), "resources is not a list"},
		{"instance without attributes", write(`{"version": 4, "resources": [{"instances": [{"schema_version": 0}]}]}`), "resources[0].instances[0] has no attributes"},
		{"show -json resource without values", write(`{"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "x"}]}}}`), "root_module.resources[0] has no values"},
	}
	for _, tc := range refused {
		// The good state first: a bad one anywhere refuses the whole run,
		// with --delete too.
		r := run(t, location, "", "orphans", "--delete", full, tc.state)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	if after := mustRun(t, location, "", "export"); after != before {
		t.Error("refused runs of orphans changed the cloud")
	}

	// terraform show -json prints no values for an empty state: every
	// object counts as orphaned, and the command says so.
	r := run(t, location, `{"format_version": "1.0"}`, "orphans", "-o", "json", "-")
	if r.code != 0 || !strings.Contains(r.stderr, "the given states hold no resources") || len(listed(t, r.stdout)) == 0 {
		t.Errorf("orphans of an empty state: exit %d, stderr %q, stdout %s", r.code, r.stderr, r.stdout)
	}
}

// TestOrphansSecurityGroupsAndACLs: a group and an ACL that no state knows
// are orphans, found through the index as any kind in a VPC, and deleted;
// the VPC's default group and ACL go with it and are never listed.
func TestOrphansSecurityGroupsAndACLs(t *testing.T) {
	location, lab := orphansLab(t)
	var sgID, aclID string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		sg, err := c.CreateSecurityGroup(ctx, cloud.SecurityGroupInput{VPCID: lab.vpc, GroupName: "web", Description: "web"})
		if err != nil {
			t.Fatal(err)
		}
		acl, err := c.CreateNetworkACL(ctx, cloud.NetworkACLInput{VPCID: lab.vpc})
		if err != nil {
			t.Fatal(err)
		}
		sgID, aclID = sg.ID, acl.ID
	})
	state := stateFile(t, lab.everything())
	got := orphansJSON(t, location, "", state)
	if want := []string{"security_group " + sgID, "network_acl " + aclID}; !sameByType(got, want) {
		t.Errorf("orphans -o json lists\n%v\nwant\n%v", got, want)
	}
	before := cloudIDs(t, location)
	mustRun(t, location, "", "orphans", "--delete", state)
	checkDeleted(t, location, before, sgID, aclID)

	// Without the VPC in the state, its default group and ACL are no
	// orphans of their own: deleting the VPC takes them.
	for _, o := range orphansJSON(t, location, "", stateFile(t, known(lab.spareIGW))) {
		if strings.HasPrefix(o, "security_group ") || strings.HasPrefix(o, "network_acl ") {
			t.Errorf("orphans lists %s, which goes with its VPC", o)
		}
	}
}

// TestOrphansVPNGateways: an orphaned virtual private gateway attached to a
// known VPC is detached, then deleted, since AWS deletes only a detached
// one; an orphaned detached one and a customer gateway are deleted.
func TestOrphansVPNGateways(t *testing.T) {
	location, lab := orphansLab(t)
	var vgwID, detachedID, cgwID string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		vgw, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{VPCID: lab.vpc})
		if err != nil {
			t.Fatal(err)
		}
		detached, err := c.CreateVPNGateway(ctx, cloud.VPNGatewayInput{})
		if err != nil {
			t.Fatal(err)
		}
		detachedID = detached.ID
		cgw, err := c.CreateCustomerGateway(ctx, cloud.CustomerGatewayInput{BGPASN: "65000", IPAddress: "203.0.113.12", Type: cloud.CustomerGatewayType})
		if err != nil {
			t.Fatal(err)
		}
		vgwID, cgwID = vgw.ID, cgw.ID
	})
	state := stateFile(t, lab.everything())
	got := orphansJSON(t, location, "", state)
	if want := []string{"vpn_gateway " + vgwID, "vpn_gateway " + detachedID, "customer_gateway " + cgwID}; !sameByType(got, want) {
		t.Errorf("orphans -o json lists\n%v\nwant\n%v", got, want)
	}
	before := cloudIDs(t, location)
	mustRun(t, location, "", "orphans", "--delete", state)
	checkDeleted(t, location, before, vgwID, detachedID, cgwID)
}

// TestOrphansDefaultVPC: a known default VPC's gateway and default subnets
// are AWS's, made with it, and never orphans; a subnet added to it is.
func TestOrphansDefaultVPC(t *testing.T) {
	location := storetest.Location(t)
	var vpcID, extraID string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		vpc, err := c.CreateDefaultVPC(ctx)
		if err != nil {
			t.Fatal(err)
		}
		extra, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: "172.31.200.0/24"})
		if err != nil {
			t.Fatal(err)
		}
		vpcID, extraID = vpc.ID, extra.ID
	})
	// The region's default DHCP options set is another story.
	got := slices.DeleteFunc(orphansJSON(t, location, "", stateFile(t, known(vpcID))), func(o string) bool {
		return strings.HasPrefix(o, "vpc_dhcp_options ")
	})
	if want := []string{"subnet " + extraID}; !sameByType(got, want) {
		t.Errorf("orphans -o json lists\n%v\nwant\n%v", got, want)
	}
}

// TestOrphansUnknownDefaultVPC: the default VPC a region's first use made
// is AWS's, with its gateway, default subnets and DHCP options set: no
// orphans though no state knows it, and orphans --delete leaves it.
func TestOrphansUnknownDefaultVPC(t *testing.T) {
	location := storetest.Location(t)
	var vpcID, otherID string
	withClient(t, location, func(c *cloud.Client, _ *world) {
		ctx := context.Background()
		if made, err := c.UseScope(ctx); err != nil || !made {
			t.Fatalf("first use made no default VPC: %v", err)
		}
		other, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true})
		if err != nil {
			t.Fatal(err)
		}
		otherID = other.ID
		yes := true
		vpcs, err := c.FindVPCs(ctx, cloud.VPCFilter{Default: &yes})
		if err != nil || len(vpcs) != 1 {
			t.Fatalf("default VPCs %v %v", vpcs, err)
		}
		vpcID = vpcs[0].ID
	})
	state := stateFile(t, known("vpc-00000000000000000"))
	if got := orphansJSON(t, location, "", state); !sameByType(got, []string{"vpc " + otherID}) {
		t.Errorf("orphans -o json lists %v, want only %s", got, otherID)
	}
	mustRun(t, location, "", "orphans", "--delete", state)
	if out := mustRun(t, location, "", "ls"); !strings.Contains(out, vpcID) || !strings.Contains(out, "default") || strings.Contains(out, otherID) {
		t.Errorf("after orphans --delete, ls shows:\n%s", out)
	}
}
