package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func init() {
	register(command{
		name: "path", args: "<from> <to>",
		summary: "Follow the path from one end to another (internet, or " + cloud.PathEndKindsSentence() +
			") through routes, gateways, network ACLs and security groups, and say where it breaks and what would fix it.",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			output := outputFlag(fs)
			protocol := fs.String("protocol", "tcp", "tcp, udp, icmp or -1 (all traffic)")
			port := fs.Int("port", 22, "destination port, for tcp and udp")
			ipVersion := fs.String("ip-version", cloud.IPv4, "ipv4 or ipv6")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 2 {
					return usagef("path takes two ends (internet or an ID), got %d arguments", len(args))
				}
				if err := checkOutput(*output); err != nil {
					return err
				}
				portGiven := false
				fs.Visit(func(f *flag.Flag) { portGiven = portGiven || f.Name == "port" })
				q := cloud.PathQuestion{Source: args[0], Destination: args[1], Protocol: *protocol, Port: *port, IPVersion: *ipVersion}
				// The port's default goes with tcp and udp only; given
				// with another protocol, it is refused as the data source
				// refuses it.
				if portGiven && !slices.Contains([]string{"tcp", "udp", "6", "17"}, strings.ToLower(*protocol)) {
					return usagef("--port applies to tcp and udp only, not to protocol %s", *protocol)
				}
				c, err := e.client()
				if err != nil {
					return err
				}
				p, err := c.NetworkPathBetween(ctx, q)
				if err != nil {
					return err
				}
				if *output == "json" {
					return writeJSON(e.Stdout, answerView(p))
				}
				return writePath(e.Stdout, q, p)
			}
		},
	})
}

type hopView struct {
	Kind   string `json:"kind"`
	ID     string `json:"id,omitempty"`
	Detail string `json:"detail,omitempty"`
}

type pathJSON struct {
	Reachable bool      `json:"reachable"`
	Hops      []hopView `json:"hops"`
	BreaksAt  string    `json:"breaks_at"`
	Fix       string    `json:"fix"`
}

func answerView(p cloud.Path) pathJSON {
	v := pathJSON{Reachable: p.Reachable, Hops: []hopView{}, BreaksAt: p.Break, Fix: p.Fix}
	for _, h := range p.Hops {
		v.Hops = append(v.Hops, hopView(h))
	}
	return v
}

// writePath prints the hops one a line, then the verdict, and where the
// path breaks what would fix it.
func writePath(w io.Writer, q cloud.PathQuestion, p cloud.Path) error {
	var b strings.Builder
	for _, h := range p.Hops {
		line := strings.TrimSpace(h.Kind + " " + h.ID)
		if h.Detail != "" {
			line += ": " + h.Detail
		}
		fmt.Fprintf(&b, "  %s\n", line)
	}
	if p.Reachable {
		fmt.Fprintf(&b, "reachable: %s from %s to %s gets through, and back\n", describeQuestion(q), q.Source, q.Destination)
	} else {
		fmt.Fprintf(&b, "not reachable: %s\nHow to fix: %s\n", p.Break, p.Fix)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describeQuestion(q cloud.PathQuestion) string {
	switch strings.ToLower(q.Protocol) {
	case "tcp", "6", "udp", "17":
		return fmt.Sprintf("%s %d over %s", strings.ToLower(q.Protocol), q.Port, q.IPVersion)
	}
	return q.Protocol + " over " + q.IPVersion
}
