package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
)

func init() {
	register(command{
		name: "ls", args: "", summary: "List the cloud as a tree: VPCs, subnets (public or private, internet access), route tables and routes, gateways, NAT gateways, security groups and network ACLs with their rules, elastic IPs.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			output := outputFlag(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) > 0 {
					return usagef("ls takes no arguments, got %q", strings.Join(args, " "))
				}
				if err := checkOutput(*output); err != nil {
					return err
				}
				_, w, err := e.world(ctx)
				if err != nil {
					return err
				}
				if *output == "json" {
					return writeJSON(e.Stdout, w)
				}
				writeTree(e.Stdout, w)
				return nil
			}
		},
	})
}

func outputFlag(fs *flag.FlagSet) *string {
	o := "text"
	fs.StringVar(&o, "o", "text", "output format: text or json")
	fs.StringVar(&o, "output", "text", "output format: text or json")
	return &o
}

func checkOutput(o string) error {
	if o != "text" && o != "json" {
		return usagef("unknown output format %q: use text or json", o)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tree writes an indented tree with box-drawing branches.
type tree struct {
	w io.Writer
}

// node is one line of a tree and the lines below it.
type node struct {
	text     string
	children []node
}

func (t tree) write(n node, prefix string, last, root bool) {
	switch {
	case root:
		outln(t.w, n.text)
	case last:
		outln(t.w, prefix+"└── "+n.text)
		prefix += "    "
	default:
		outln(t.w, prefix+"├── "+n.text)
		prefix += "│   "
	}
	for i, c := range n.children {
		t.write(c, prefix, i == len(n.children)-1, false)
	}
}

// label joins an object's ID, details and Name tag.
func label(id string, details ...string) string {
	parts := []string{id}
	for _, d := range details {
		if d != "" {
			parts = append(parts, d)
		}
	}
	return strings.Join(parts, "  ")
}

func quotedName(tags map[string]string) string {
	if n := name(tags); n != "" {
		return fmt.Sprintf("%q", n)
	}
	return ""
}

func writeTree(out io.Writer, w *world) {
	t := tree{w: out}
	outf(out, "account %s, region %s\n", w.Account, w.Region)
	if len(w.VPCs) == 0 && len(w.Detached) == 0 && len(w.ElasticIPs) == 0 && len(w.IPAMs) == 0 && len(w.PrefixLists) == 0 && len(w.KeyPairs) == 0 {
		outln(out, "(the cloud is empty here)")
		return
	}
	for _, v := range w.VPCs {
		outln(out)
		t.write(vpcNode(v), "", true, true)
	}
	if len(w.Detached) > 0 {
		outln(out)
		n := node{text: "internet gateways attached to no VPC"}
		for _, g := range w.Detached {
			n.children = append(n.children, node{text: label(g.ID, quotedName(g.Tags))})
		}
		t.write(n, "", true, true)
	}
	if len(w.ElasticIPs) > 0 {
		outln(out)
		n := node{text: "elastic IPs"}
		for _, e := range w.ElasticIPs {
			use := "unused"
			if e.NATGatewayID != "" {
				use = "used by " + e.NATGatewayID
			}
			n.children = append(n.children, node{text: label(e.AllocationID, e.PublicIP, use, quotedName(e.Tags))})
		}
		t.write(n, "", true, true)
	}
	for _, i := range w.IPAMs {
		outln(out)
		t.write(ipamNode(i), "", true, true)
	}
	for _, l := range w.PrefixLists {
		outln(out)
		n := node{text: label("prefix list "+l.ID, quotedName(map[string]string{"Name": l.Name}), l.AddressFamily,
			fmt.Sprintf("version %d, %d of %d entries", l.Version, len(l.Entries), l.MaxEntries))}
		for _, cidr := range l.Entries {
			n.children = append(n.children, node{text: cidr})
		}
		t.write(n, "", true, true)
	}
	for _, k := range w.KeyPairs {
		outln(out)
		t.write(node{text: label("key pair "+k.ID, quotedName(map[string]string{"Name": k.Name}), k.KeyType, k.Fingerprint)}, "", true, true)
	}
}

// ipamNode is an IPAM with its pools, their CIDRs and what took blocks of
// them.
func ipamNode(i ipamView) node {
	n := node{text: label("IPAM "+i.ID, "operating in "+strings.Join(i.OperatingRegions, ", "), quotedName(i.Tags))}
	for _, p := range i.Pools {
		pool := node{text: label("pool "+p.ID, p.ScopeType, p.AddressFamily, p.Locale, quotedName(p.Tags))}
		for _, c := range p.CIDRs {
			pool.children = append(pool.children, node{text: "CIDR " + c})
		}
		for _, cidr := range slices.Sorted(maps.Keys(p.Allocations)) {
			pool.children = append(pool.children, node{text: cidr + " -> " + p.Allocations[cidr]})
		}
		n.children = append(n.children, pool)
	}
	return n
}

func vpcNode(v vpcView) node {
	isDefault := ""
	if v.Default {
		isDefault = "default"
	}
	n := node{text: label("VPC "+v.ID, v.CIDRBlock, v.IPv6CIDRBlock, isDefault, quotedName(v.Tags))}
	for _, a := range v.CIDRBlockAssociations {
		n.children = append(n.children, node{text: label("CIDR block "+a.CIDRBlock, a.AssociationID)})
	}
	if v.DHCPOptionsID != "" {
		n.children = append(n.children, node{text: "DHCP options " + v.DHCPOptionsID})
	}
	if g := v.InternetGateway; g != nil {
		n.children = append(n.children, node{text: label("internet gateway "+g.ID, quotedName(g.Tags))})
	} else {
		n.children = append(n.children, node{text: "no internet gateway"})
	}
	for _, g := range v.EgressOnly {
		n.children = append(n.children, node{text: label("egress-only internet gateway "+g.ID, quotedName(g.Tags))})
	}
	if g := v.VPNGateway; g != nil {
		n.children = append(n.children, node{text: label("virtual private gateway "+g.ID, quotedName(g.Tags))})
	}
	for _, s := range v.Subnets {
		sn := subnetNode(s)
		for _, i := range v.Instances {
			if i.SubnetID == s.ID {
				sn.children = append(sn.children, instanceNode(i))
			}
		}
		for _, e := range v.NetworkInterfaces {
			if e.SubnetID == s.ID {
				sn.children = append(sn.children, interfaceNode(e))
			}
		}
		n.children = append(n.children, sn)
	}
	for _, rt := range v.RouteTables {
		n.children = append(n.children, routeTableNode(rt))
	}
	for _, g := range v.NATGateways {
		n.children = append(n.children, natNode(g))
	}
	for _, e := range v.Endpoints {
		n.children = append(n.children, endpointNode(e))
	}
	for _, p := range v.Peerings {
		n.children = append(n.children, node{text: label("peering connection "+p.ID, "with "+p.PeerVPCID+" of "+p.PeerOwnerID+" in "+p.PeerRegion, p.Status, quotedName(p.Tags))})
	}
	for _, g := range v.SecurityGroups {
		n.children = append(n.children, securityGroupNode(g))
	}
	for _, a := range v.NetworkACLs {
		n.children = append(n.children, networkACLNode(a))
	}
	return n
}

func endpointNode(e endpointView) node {
	n := node{text: label("VPC endpoint "+e.ID, e.ServiceName, e.Type, e.State, quotedName(e.Tags))}
	if len(e.RouteTableIDs) > 0 {
		n.children = append(n.children, node{text: "routes in " + strings.Join(e.RouteTableIDs, ", ")})
	}
	if len(e.SubnetIDs) > 0 {
		n.children = append(n.children, node{text: "in " + strings.Join(e.SubnetIDs, ", ")})
	}
	return n
}

func subnetNode(s subnetView) node {
	kind := "private"
	if s.IsPublic {
		kind = "public"
	}
	n := node{text: label("subnet "+s.ID, s.CIDRBlock, s.IPv6CIDRBlock, s.AvailabilityZone, kind, quotedName(s.Tags))}
	n.children = append(n.children, node{text: "route table " + s.RouteTableID})
	a := s.InternetAccess
	n.children = append(n.children, node{text: "IPv4 to internet: " + pathText(a.IPv4Outbound) + "; from internet: " + pathText(a.IPv4Inbound)})
	if s.IPv6CIDRBlock != "" {
		n.children = append(n.children, node{text: "IPv6 to internet: " + pathText(a.IPv6Outbound) + "; from internet: " + pathText(a.IPv6Inbound)})
	}
	return n
}

func pathText(p pathView) string {
	if p.Reachable {
		return "yes, " + p.Reason
	}
	return "no (" + strings.TrimSuffix(p.Reason, ".") + ")"
}

func routeTableNode(rt routeTableView) node {
	main := ""
	if rt.Main {
		main = "main"
	}
	n := node{text: label("route table "+rt.ID, main, quotedName(rt.Tags))}
	for _, r := range rt.Routes {
		state := ""
		if r.State == "blackhole" {
			state = "BLACKHOLE"
		}
		n.children = append(n.children, node{text: label(r.Destination+" -> "+r.Target, state)})
	}
	var subnets []string
	for _, a := range rt.Subnets {
		if a.SubnetID != "" {
			subnets = append(subnets, a.SubnetID)
		}
	}
	sort.Strings(subnets)
	if len(subnets) > 0 {
		n.children = append(n.children, node{text: "associated with " + strings.Join(subnets, ", ")})
	}
	return n
}

// instanceNode is an instance in its subnet: type, addresses and groups.
func instanceNode(i instanceView) node {
	return node{text: label("instance "+i.ID, i.InstanceType, strings.Join(nonEmptyStrings(i.PrivateIP, i.PublicIP), ", "),
		"groups "+strings.Join(i.SecurityGroupIDs, ", "), quotedName(i.Tags))}
}

// interfaceNode is a network interface of its own in its subnet.
func interfaceNode(e interfaceView) node {
	attached := ""
	if e.InstanceID != "" {
		attached = "attached to " + e.InstanceID
	}
	return node{text: label("network interface "+e.ID, strings.Join(append(slices.Clone(e.PrivateIPs), nonEmptyStrings(e.PublicIP)...), ", "),
		"groups "+strings.Join(e.SecurityGroupIDs, ", "), attached, quotedName(e.Tags))}
}

func nonEmptyStrings(values ...string) []string {
	var out []string
	for _, v := range values {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func natNode(g natView) node {
	addr := g.PrivateIP
	if g.PublicIP != "" {
		addr = g.PublicIP + " (" + g.AllocationID + "), " + g.PrivateIP
	}
	return node{text: label("NAT gateway "+g.ID, g.ConnectivityType, "in "+g.SubnetID, addr, quotedName(g.Tags))}
}
