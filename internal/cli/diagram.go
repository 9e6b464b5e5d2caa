package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
)

func init() {
	register(command{
		name: "diagram", args: "[<vpc-id>]", summary: "Draw a VPC (every VPC when none is named): subnets grouped by zone, route tables, gateways and the internet, as Mermaid (GitHub renders it), Graphviz DOT, or SVG (needs Graphviz's dot).",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			format := fs.String("format", "mermaid", "mermaid, dot or svg")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) > 1 {
					return usagef("diagram takes at most one VPC ID, got %d arguments", len(args))
				}
				switch *format {
				case "mermaid", "dot", "svg":
				default:
					return usagef("unknown diagram format %q: use mermaid, dot or svg", *format)
				}
				dot := ""
				if *format == "svg" {
					var err error
					if dot, err = exec.LookPath("dot"); err != nil {
						return errors.New("--format svg needs Graphviz's dot on PATH; install Graphviz, or write --format dot and render it elsewhere")
					}
				}
				c, w, err := e.world(ctx)
				if err != nil {
					return err
				}
				vpcs := w.VPCs
				if len(args) == 1 {
					vpcs = nil
					for _, v := range w.VPCs {
						if v.ID == args[0] {
							vpcs = []vpcView{v}
						}
					}
					if vpcs == nil {
						// The engine's lookup says what is wrong with the ID,
						// in AWS's words: malformed, or not found.
						if _, err := c.VPC(ctx, args[0]); err != nil {
							return err
						}
						return fmt.Errorf("%s appeared while simcloud was reading the cloud; run the command again", args[0])
					}
				}
				g := newGraph(vpcs)
				switch *format {
				case "mermaid":
					g.mermaid(e.Stdout)
				case "dot":
					g.dot(e.Stdout)
				case "svg":
					var src bytes.Buffer
					g.dot(&src)
					cmd := exec.CommandContext(ctx, dot, "-Tsvg")
					cmd.Stdin, cmd.Stdout = &src, e.Stdout
					var stderr bytes.Buffer
					cmd.Stderr = &stderr
					if err := cmd.Run(); err != nil {
						return fmt.Errorf("dot -Tsvg: %v: %s", err, strings.TrimSpace(stderr.String()))
					}
				}
				return nil
			}
		},
	})
}

// graph is a picture of VPCs in terms that both Mermaid and DOT can draw.
type graph struct {
	vpcs []vpcGroup
	// gone are route targets that no longer exist: drawn, so that a
	// blackhole route points somewhere.
	gone  []string
	edges []edge
	// internet says whether anything leads to the internet.
	internet bool
}

type vpcGroup struct {
	id, label string
	zones     []zoneGroup
	// nodes outside the zones: tables and gateways.
	nodes []gnode
}

type zoneGroup struct {
	name  string
	nodes []gnode
}

type gnode struct {
	id, label string
	shape     shape
}

type edge struct {
	from, to, label string
	broken          bool
	// twoWay draws traffic in both directions (an internet gateway).
	twoWay bool
}

// shape is how Mermaid and DOT draw one kind of node.
type shape struct {
	mermaidOpen, mermaidClose string
	dotShape, dotStyle        string
}

// Node shapes.
var (
	shapeSubnet  = shape{mermaidOpen: "[", mermaidClose: "]", dotShape: "box"}
	shapeTable   = shape{mermaidOpen: "[/", mermaidClose: "/]", dotShape: "note"}
	shapeGateway = shape{mermaidOpen: "{{", mermaidClose: "}}", dotShape: "hexagon"}
	shapeNAT     = shape{mermaidOpen: "([", mermaidClose: "])", dotShape: "octagon"}
	shapeFilter  = shape{mermaidOpen: "[[", mermaidClose: "]]", dotShape: "component"}
	// shapeHost is an instance or a network interface of its own.
	shapeHost = shape{mermaidOpen: "(", mermaidClose: ")", dotShape: "ellipse"}
	// shapeGone is a route target that no longer exists.
	shapeGone = shape{mermaidOpen: "[", mermaidClose: "]", dotShape: "box", dotStyle: `, style=dashed, color="red"`}
)

func newGraph(vpcs []vpcView) *graph {
	g := &graph{}
	known := map[string]bool{}
	for _, v := range vpcs {
		vg := vpcGroup{id: v.ID, label: label(v.ID, v.CIDRBlock, name(v.Tags))}
		zoneIndex := map[string]int{}
		for _, s := range v.Subnets {
			i, ok := zoneIndex[s.AvailabilityZone]
			if !ok {
				i = len(vg.zones)
				zoneIndex[s.AvailabilityZone] = i
				vg.zones = append(vg.zones, zoneGroup{name: s.AvailabilityZone})
			}
			kind := "private"
			if s.IsPublic {
				kind = "public"
			}
			vg.zones[i].nodes = append(vg.zones[i].nodes, gnode{id: s.ID, shape: shapeSubnet,
				label: joinLines(nameOr(s.Tags, s.ID), s.CIDRBlock, kind)})
			known[s.ID] = true
			g.edges = append(g.edges, edge{from: s.ID, to: s.RouteTableID})
		}
		for _, n := range v.NATGateways {
			i, ok := -1, false
			for _, s := range v.Subnets {
				if s.ID == n.SubnetID {
					i, ok = zoneIndex[s.AvailabilityZone]
				}
			}
			node := gnode{id: n.ID, shape: shapeNAT, label: joinLines(nameOr(n.Tags, n.ID), "NAT gateway", n.PublicIP)}
			if ok {
				vg.zones[i].nodes = append(vg.zones[i].nodes, node)
			} else {
				vg.nodes = append(vg.nodes, node)
			}
			known[n.ID] = true
			g.edges = append(g.edges, edge{from: n.ID, to: n.SubnetID, label: "in"})
		}
		// Instances and interfaces of their own sit in their subnets' zones,
		// each with the groups that guard it.
		place := func(id, subnetID string, node gnode, groups []string) {
			zone := -1
			for _, s := range v.Subnets {
				if s.ID == subnetID {
					zone = zoneIndex[s.AvailabilityZone]
				}
			}
			if zone >= 0 {
				vg.zones[zone].nodes = append(vg.zones[zone].nodes, node)
			} else {
				vg.nodes = append(vg.nodes, node)
			}
			known[id] = true
			g.edges = append(g.edges, edge{from: id, to: subnetID, label: "in"})
			for _, sg := range groups {
				g.edges = append(g.edges, edge{from: sg, to: id, label: "guards"})
			}
		}
		for _, i := range v.Instances {
			place(i.ID, i.SubnetID, gnode{id: i.ID, shape: shapeHost, label: joinLines(nameOr(i.Tags, i.ID), "instance "+i.InstanceType,
				strings.Join(nonEmptyStrings(i.PrivateIP, i.PublicIP), ", "))}, i.SecurityGroupIDs)
		}
		for _, e := range v.NetworkInterfaces {
			place(e.ID, e.SubnetID, gnode{id: e.ID, shape: shapeHost, label: joinLines(nameOr(e.Tags, e.ID), "network interface",
				strings.Join(e.PrivateIPs, ", "))}, e.SecurityGroupIDs)
		}
		for _, rt := range v.RouteTables {
			what := "route table"
			if rt.Main {
				what = "main route table"
			}
			vg.nodes = append(vg.nodes, gnode{id: rt.ID, shape: shapeTable, label: joinLines(nameOr(rt.Tags, rt.ID), what)})
			known[rt.ID] = true
			for _, r := range rt.Routes {
				if r.Target == "local" {
					continue
				}
				l := r.Destination
				if r.State == "blackhole" {
					l += " blackhole"
				}
				g.edges = append(g.edges, edge{from: rt.ID, to: r.Target, label: l, broken: r.State == "blackhole"})
			}
		}
		if igw := v.InternetGateway; igw != nil {
			vg.nodes = append(vg.nodes, gnode{id: igw.ID, shape: shapeGateway, label: joinLines(nameOr(igw.Tags, igw.ID), "internet gateway")})
			known[igw.ID] = true
			g.edges = append(g.edges, edge{from: igw.ID, to: "internet", twoWay: true})
			g.internet = true
		}
		for _, e := range v.EgressOnly {
			vg.nodes = append(vg.nodes, gnode{id: e.ID, shape: shapeGateway, label: joinLines(nameOr(e.Tags, e.ID), "egress-only gateway")})
			known[e.ID] = true
			g.edges = append(g.edges, edge{from: e.ID, to: "internet"})
			g.internet = true
		}
		if vgw := v.VPNGateway; vgw != nil {
			vg.nodes = append(vg.nodes, gnode{id: vgw.ID, shape: shapeGateway, label: joinLines(nameOr(vgw.Tags, vgw.ID), "virtual private gateway")})
			known[vgw.ID] = true
		}
		// An endpoint is reached by its routes (Gateway) or sits in its
		// subnets (Interface).
		for _, e := range v.Endpoints {
			vg.nodes = append(vg.nodes, gnode{id: e.ID, shape: shapeGateway, label: joinLines(nameOr(e.Tags, e.ID), "VPC endpoint", e.ServiceName)})
			known[e.ID] = true
			for _, subnet := range e.SubnetIDs {
				g.edges = append(g.edges, edge{from: e.ID, to: subnet, label: "in"})
			}
		}
		for _, sg := range v.SecurityGroups {
			vg.nodes = append(vg.nodes, gnode{id: sg.ID, shape: shapeFilter, label: joinLines(append([]string{nameOr(sg.Tags, sg.ID), "security group " + sg.Name}, nodeLines(securityGroupNode(sg))...)...)})
			known[sg.ID] = true
			for _, r := range append(slices.Clone(sg.Ingress), sg.Egress...) {
				if peer := r.ReferencedSecurityGroupID; peer != "" && peer != sg.ID {
					g.edges = append(g.edges, edge{from: sg.ID, to: peer, label: "allows"})
				}
			}
		}
		for _, a := range v.NetworkACLs {
			vg.nodes = append(vg.nodes, gnode{id: a.ID, shape: shapeFilter, label: joinLines(append([]string{nameOr(a.Tags, a.ID), aclNoun(a)}, nodeLines(networkACLNode(a))...)...)})
			known[a.ID] = true
			for _, subnet := range a.SubnetIDs {
				g.edges = append(g.edges, edge{from: a.ID, to: subnet, label: "filters"})
			}
		}
		g.vpcs = append(g.vpcs, vg)
	}
	for _, e := range g.edges {
		if e.to != "internet" && !known[e.to] {
			known[e.to] = true
			g.gone = append(g.gone, e.to)
		}
	}
	return g
}

// nodeLines are the lines below a node of ls's tree that describe rules,
// for a diagram's label; what ls lists of associations the diagram draws.
func nodeLines(n node) []string {
	var lines []string
	for _, c := range n.children {
		if !strings.HasPrefix(c.text, "associated with") {
			lines = append(lines, c.text)
		}
	}
	return lines
}

func nameOr(tags map[string]string, id string) string {
	if n := name(tags); n != "" {
		return n + " " + id
	}
	return id
}

// joinLines joins the lines of a node's label; "\n" is rewritten for each
// format.
func joinLines(lines ...string) string {
	var kept []string
	for _, l := range lines {
		if l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// writeNodes writes the nodes grouped by VPC and zone, then the gone
// targets, as both formats nest them: node writes a node, openVPC and
// openZone start a group, end closes one at the given indent.
func (g *graph) writeNodes(node func(indent string, n gnode), openVPC func(vpcGroup), openZone func(vpcGroup, zoneGroup), end func(indent string)) {
	for _, v := range g.vpcs {
		openVPC(v)
		for _, z := range v.zones {
			openZone(v, z)
			for _, n := range z.nodes {
				node("      ", n)
			}
			end("    ")
		}
		for _, n := range v.nodes {
			node("    ", n)
		}
		end("  ")
	}
	for _, id := range g.gone {
		node("  ", gnode{id: id, shape: shapeGone, label: id + "\n(gone)"})
	}
}

// mermaidID turns an object ID into a Mermaid node ID, which may not hold
// dashes in every renderer.
func mermaidID(id string) string { return strings.ReplaceAll(id, "-", "_") }

// mermaidText makes a label safe inside Mermaid's double quotes.
func mermaidText(s string) string {
	s = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
	return strings.ReplaceAll(s, "\n", "<br/>")
}

func (g *graph) mermaid(w io.Writer) {
	outln(w, "flowchart TB")
	if g.internet {
		outln(w, `  internet(("internet"))`)
	}
	node := func(indent string, n gnode) {
		outf(w, "%s%s%s\"%s\"%s\n", indent, mermaidID(n.id), n.shape.mermaidOpen, mermaidText(n.label), n.shape.mermaidClose)
	}
	g.writeNodes(node, func(v vpcGroup) {
		outf(w, "  subgraph %s[\"VPC %s\"]\n", mermaidID(v.id), mermaidText(v.label))
	}, func(v vpcGroup, z zoneGroup) {
		outf(w, "    subgraph %s[\"%s\"]\n", mermaidID(v.id+"_"+z.name), z.name)
	}, func(indent string) { outln(w, indent+"end") })
	for _, e := range g.edges {
		arrow := "-->"
		switch {
		case e.broken:
			arrow = "-.->"
		case e.twoWay:
			arrow = "<-->"
		}
		if e.label == "" {
			outf(w, "  %s %s %s\n", mermaidID(e.from), arrow, mermaidID(e.to))
		} else if e.broken {
			outf(w, "  %s -. \"%s\" .-> %s\n", mermaidID(e.from), mermaidText(e.label), mermaidID(e.to))
		} else {
			outf(w, "  %s -- \"%s\" %s %s\n", mermaidID(e.from), mermaidText(e.label), arrow, mermaidID(e.to))
		}
	}
	for _, id := range g.gone {
		outf(w, "  style %s stroke-dasharray: 5 5\n", mermaidID(id))
	}
}

// dotText quotes a DOT string.
func dotText(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
	return `"` + strings.ReplaceAll(s, "\n", `\n`) + `"`
}

func (g *graph) dot(w io.Writer) {
	outln(w, "digraph simcloud {")
	outln(w, "  rankdir=TB;")
	outln(w, `  node [fontname="Helvetica", fontsize=10];`)
	outln(w, `  edge [fontname="Helvetica", fontsize=9];`)
	outln(w, "  compound=true;")
	if g.internet {
		outln(w, `  "internet" [shape=doublecircle, label="internet"];`)
	}
	node := func(indent string, n gnode) {
		outf(w, "%s%s [shape=%s, label=%s%s];\n", indent, dotText(n.id), n.shape.dotShape, dotText(n.label), n.shape.dotStyle)
	}
	g.writeNodes(node, func(v vpcGroup) {
		outf(w, "  subgraph %s {\n", dotText("cluster_"+v.id))
		outf(w, "    label=%s;\n", dotText("VPC "+v.label))
	}, func(v vpcGroup, z zoneGroup) {
		outf(w, "    subgraph %s {\n", dotText("cluster_"+v.id+"_"+z.name))
		outf(w, "      label=%s; style=dashed;\n", dotText(z.name))
	}, func(indent string) { outln(w, indent+"}") })
	for _, e := range g.edges {
		var attrs []string
		if e.label != "" {
			attrs = append(attrs, "label="+dotText(e.label))
		}
		if e.broken {
			attrs = append(attrs, "style=dashed", `color="red"`)
		}
		if e.twoWay {
			attrs = append(attrs, "dir=both")
		}
		a := ""
		if len(attrs) > 0 {
			a = " [" + strings.Join(attrs, ", ") + "]"
		}
		outf(w, "  %s -> %s%s;\n", dotText(e.from), dotText(e.to), a)
	}
	outln(w, "}")
}

func aclNoun(a networkACLView) string {
	if a.Default {
		return "default network ACL"
	}
	return "network ACL"
}
