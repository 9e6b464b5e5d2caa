package provider

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// guideExample is the base configuration of the guide "Why can't I reach
// my instance?", which the guide shows as it is.
const guideExample = "../../examples/guides/why-cant-i-reach-my-instance/main.tf"

// edited is config with old replaced by replacement, failing the test where old
// is not in it: a break the guide's file no longer has must not pass
// unnoticed.
func edited(t *testing.T, config, old, replacement string) string {
	t.Helper()
	if !strings.Contains(config, old) {
		t.Fatalf("the guide's example lacks %q", old)
	}
	return strings.Replace(config, old, replacement, 1)
}

// stateAttributes reads the attributes of the resources (and data sources)
// at addresses from state.
func stateAttributes(s *terraformState, addresses ...string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	for _, a := range addresses {
		r, ok := s.RootModule().Resources[a]
		if !ok || r.Primary == nil {
			return nil, fmt.Errorf("%s is not in state", a)
		}
		out[a] = r.Primary.Attributes
	}
	return out, nil
}

// pathHops words the hops of a network path in state as "kind id: detail".
func pathHops(attributes map[string]string) []string {
	var hops []string
	for i := 0; attributes[fmt.Sprintf("hops.%d.kind", i)] != ""; i++ {
		h := func(name string) string { return attributes[fmt.Sprintf("hops.%d.%s", i, name)] }
		hops = append(hops, strings.TrimSpace(h("kind")+" "+h("id"))+": "+h("detail"))
	}
	return hops
}

// TestAccWhyCantIReachMyInstance applies the classic tutorial (a VPC, a
// public subnet, an instance whose group lets 22 and 80 in, an elastic IP)
// from the guide's own file, asks for SSH from the internet, and then
// breaks the chain one link at a time: each break names, in breaks_at,
// the very object that stops the traffic.
func TestAccWhyCantIReachMyInstance(t *testing.T) {
	example, err := os.ReadFile(guideExample)
	if err != nil {
		t.Fatal(err)
	}
	c := newTestCloud(t)
	// The guide's output goes: it is made of the path read before the
	// apply that breaks the chain, and the plan after that apply would
	// change it.
	base := string(example)
	base = base[:strings.Index(base, "\noutput \"ssh\"")]
	// More questions of the same instance: HTTP, which the group lets in,
	// and PostgreSQL, which it does not.
	questions := pathBetween("http", `"internet"`, tfID("instance", "web"), `protocol = "tcp"`, "port = 80", `ip_version = "ipv4"`,
		"depends_on = [simcloud_route_table_association.public, simcloud_eip.web]") +
		pathBetween("postgres", `"internet"`, tfID("instance", "web"), `protocol = "tcp"`, "port = 5432", `ip_version = "ipv4"`,
			"depends_on = [simcloud_route_table_association.public, simcloud_eip.web]")

	const (
		ssh      = "data.simcloud_network_path.ssh"
		http     = "data.simcloud_network_path.http"
		postgres = "data.simcloud_network_path.postgres"
		vpc      = "simcloud_vpc.main"
		igw      = "simcloud_internet_gateway.main"
		table    = "simcloud_route_table.public"
		group    = "simcloud_security_group.web"
		instance = "simcloud_instance.web"
	)
	// breaksAt checks that the SSH path is unreachable and that breaks_at
	// and fix are exactly the sentences want makes of the objects'
	// attributes (the guide quotes them).
	breaksAt := func(want func(a map[string]map[string]string) (string, string)) resource.TestCheckFunc {
		return func(s *terraformState) error {
			a, err := stateAttributes(s, ssh, vpc, igw, table, group, instance)
			if err != nil {
				return err
			}
			if a[ssh]["reachable"] != "false" {
				return fmt.Errorf("SSH is reachable, want it broken; hops:\n%s", strings.Join(pathHops(a[ssh]), "\n"))
			}
			breaks, fix := want(a)
			if got := a[ssh]["breaks_at"]; got != breaks {
				return fmt.Errorf("breaks_at = %q, want %q", got, breaks)
			}
			if got := a[ssh]["fix"]; got != fix {
				return fmt.Errorf("fix = %q, want %q", got, fix)
			}
			return nil
		}
	}
	// broken applies config, then reads the path again: a data source
	// that depends on nothing that changes is read at plan, before the
	// apply that breaks the chain, and the second step reads what the
	// first made.
	broken := func(config string, check resource.TestCheckFunc) []resource.TestStep {
		return []resource.TestStep{{Config: c.config(config)}, {Config: c.config(config), Check: check}}
	}

	steps := []resource.TestStep{{
		Config: c.config(base + questions),
		Check: func(s *terraformState) error {
			a, err := stateAttributes(s, ssh, http, postgres, vpc, igw, table, group, instance)
			if err != nil {
				return err
			}
			if a[ssh]["reachable"] != "true" || a[ssh]["breaks_at"] != "" {
				return fmt.Errorf("SSH: reachable %s, breaks at %q", a[ssh]["reachable"], a[ssh]["breaks_at"])
			}
			hops := strings.Join(pathHops(a[ssh]), "\n")
			for _, want := range []string{
				"internet: 8.8.8.8, standing for any internet address",
				"route_table " + a[table]["id"] + ": ",
				"route r-" + a[table]["id"],
				": 0.0.0.0/0 -> " + a[igw]["id"] + " (active)",
				"internet_gateway " + a[igw]["id"] + ": ",
				"network_acl " + a[vpc]["default_network_acl_id"] + ": rule 100 allows all traffic from 0.0.0.0/0 inbound",
				"security_group " + a[group]["id"] + ": rule sgr-",
				"allows tcp 22 from 0.0.0.0/0 inbound",
				"instance " + a[instance]["id"] + ": " + a[instance]["private_ip"] + "\nsubnet " + a[instance]["subnet_id"] + ": ",
				"network_acl " + a[vpc]["default_network_acl_id"] + ": the reply to tcp 22: rule 100 allows all traffic to 0.0.0.0/0 outbound",
			} {
				if !strings.Contains(hops, want) {
					return fmt.Errorf("SSH hops lack %q:\n%s", want, hops)
				}
			}
			if a[http]["reachable"] != "true" || !strings.Contains(strings.Join(pathHops(a[http]), "\n"), "allows tcp 80 from 0.0.0.0/0 inbound") {
				return fmt.Errorf("HTTP: reachable %s, breaks at %q", a[http]["reachable"], a[http]["breaks_at"])
			}
			if w := a[group]["id"] + " allows no tcp 5432 from 8.8.8.8 inbound"; a[postgres]["reachable"] != "false" || a[postgres]["breaks_at"] != w {
				return fmt.Errorf("PostgreSQL: reachable %s, breaks at %q, want %q", a[postgres]["reachable"], a[postgres]["breaks_at"], w)
			}
			return nil
		},
	}}
	// (1) The route: the public table without its route to the gateway.
	noRoute := edited(t, base, `
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
`, `
  # As in AWS, leaving the route blocks out keeps the routes; an empty
  # list removes them.
  route = []
`)
	steps = append(steps, broken(noRoute, breaksAt(func(a map[string]map[string]string) (string, string) {
		return a[table]["id"] + " has no route for internet addresses", "Add a route for 0.0.0.0/0 to an internet gateway attached to the VPC."
	}))...)
	// (2) The public address: no elastic IP.
	noEIP := edited(t, edited(t, base, `
resource "simcloud_eip" "web" {
  instance = simcloud_instance.web.id
  domain   = "vpc"
}
`, ""), "simcloud_route_table_association.public, simcloud_eip.web]", "simcloud_route_table_association.public]")
	steps = append(steps, broken(noEIP, breaksAt(func(a map[string]map[string]string) (string, string) {
		return a[instance]["id"] + " has no public IPv4 address, which " + a[igw]["id"] + " needs to translate",
			"Give it a public IPv4 address: map_public_ip_on_launch = true on its subnet, or an elastic IP (simcloud_eip with instance); " +
				"for outbound traffic only, route through a NAT gateway in a public subnet instead."
	}))...)
	// (3) The network ACL: a deny for SSH numbered before the default
	// ACL's allow-all rule 100.
	aclDeny := base + `
resource "simcloud_network_acl_rule" "no_ssh" {
  network_acl_id = simcloud_vpc.main.default_network_acl_id
  rule_number    = 90
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
`
	steps = append(steps, broken(aclDeny, breaksAt(func(a map[string]map[string]string) (string, string) {
		acl := a[vpc]["default_network_acl_id"]
		return acl + " rule 90 denies tcp 22 inbound",
			"Add an inbound rule to " + acl + " that allows tcp 22 from 0.0.0.0/0 (the internet), numbered below 90, or remove rule 90."
	}))...)
	// (4) The security group: without the rule for 22.
	noSSHRule := edited(t, base, `
  ingress {
    description = "SSH"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
`, "")
	steps = append(steps, broken(noSSHRule, breaksAt(func(a map[string]map[string]string) (string, string) {
		return a[group]["id"] + " allows no tcp 22 from 8.8.8.8 inbound",
			"Add an inbound rule (simcloud_vpc_security_group_ingress_rule) to a group of " + a[instance]["id"] + " that allows tcp 22 from 0.0.0.0/0 (the internet)."
	}))...)
	// (5) The guide's own network ACL for the subnet, whole, lets SSH in
	// and its replies out; without its last rule the replies stop.
	guide, err := os.ReadFile("../../templates/guides/why-cant-i-reach-my-instance.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(guide), `resource "simcloud_network_acl" "public"`)
	if start < 0 {
		t.Fatal("the guide shows no simcloud_network_acl.public")
	}
	customACL := string(guide)[start:]
	customACL = customACL[:strings.Index(customACL, "```")]
	withoutReplies := edited(t, customACL, customACL[strings.Index(customACL, "  # Without this rule"):], "}\n")
	reachable := func(s *terraformState) error {
		a, err := stateAttributes(s, ssh)
		if err != nil {
			return err
		}
		if a[ssh]["reachable"] != "true" {
			return fmt.Errorf("SSH: breaks at %q", a[ssh]["breaks_at"])
		}
		return nil
	}
	steps = append(steps, broken(base+customACL, reachable)...)
	steps = append(steps, broken(base+withoutReplies, func(s *terraformState) error {
		a, err := stateAttributes(s, ssh, "simcloud_network_acl.public")
		if err != nil {
			return err
		}
		acl := a["simcloud_network_acl.public"]["id"]
		breaks := "the reply to tcp 22: " + acl + " rule * denies tcp 1024-65535 outbound (network ACLs are stateless: the reply goes back to ephemeral ports 1024-65535)"
		fix := "Add an outbound rule to " + acl + " that allows tcp 1024-65535 to 0.0.0.0/0 (the internet)."
		if a[ssh]["breaks_at"] != breaks || a[ssh]["fix"] != fix {
			return fmt.Errorf("breaks_at %q, fix %q; want %q, %q", a[ssh]["breaks_at"], a[ssh]["fix"], breaks, fix)
		}
		return nil
	})...)
	// Whole again: reachable.
	steps = append(steps, broken(base, reachable)...)
	unitTest(t, steps...)
}
