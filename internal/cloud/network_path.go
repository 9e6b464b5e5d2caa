package cloud

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Internet names the internet as one end of a network path.
const Internet = "internet"

// PathQuestion asks whether traffic of one protocol (and port) gets from
// one end to another, over one IP version, and back where the protocol
// needs a reply.
type PathQuestion struct {
	// Source and Destination are Internet or the ID of an object whose
	// kind can be an end (see objectKind.endpoint).
	Source, Destination string
	// Protocol is tcp, udp, icmp or -1 (all traffic); 6, 17, 1 and all are
	// taken for them, as AWS takes them. Port is the destination port, for
	// tcp and udp only.
	Protocol  string
	Port      int
	IPVersion string
}

// pathProtocols are the protocols a question takes, by every spelling AWS
// takes, and the name the question is normalised to.
var pathProtocols = map[string]string{"tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp", "icmp": "icmp", "1": "icmp", AllProtocols: AllProtocols, "all": AllProtocols}

// portProtocol says that a protocol's traffic goes to a port.
func portProtocol(protocol string) bool { return protocol == "tcp" || protocol == "udp" }

// CheckPathArguments refuses a network path's arguments that do not make
// one question, from the configuration alone: set holds the arguments
// given a value (the port in decimal), each possibly Unknown. There are
// two forms: subnet_id with direction (a subnet and the internet), and
// source with destination, protocol and, for tcp and udp, port.
func CheckPathArguments(set map[string]string) error {
	has := func(name string) bool { _, ok := set[name]; return ok }
	known := func(name string) (string, bool) { v, ok := set[name]; return v, ok && IsKnown(v) }
	conflict := func(name, with string) error {
		return &Error{Code: "InvalidParameterCombination", Message: fmt.Sprintf("%s cannot be combined with %s.", name, with), Field: name,
			Fix: "Ask either with subnet_id and direction (a subnet and the internet), or with source, destination, protocol and port."}
	}
	missing := func(name, why string) error {
		return &Error{Code: "MissingParameter", Message: fmt.Sprintf("The request must contain the parameter %s.", name), Field: name, Fix: why}
	}
	if has("subnet_id") {
		for _, name := range []string{"source", "destination", "protocol", "port"} {
			if has(name) {
				return conflict(name, "subnet_id")
			}
		}
		if !has("direction") {
			return missing("direction", "Say outbound (from the subnet to the internet) or inbound (from the internet to the subnet).")
		}
		return nil
	}
	if has("direction") {
		return conflict("direction", "source and destination")
	}
	for _, name := range []string{"source", "destination", "protocol"} {
		if !has(name) {
			return missing(name, "Give subnet_id and direction, or source, destination and protocol (with port for tcp and udp).")
		}
	}
	for _, name := range []string{"source", "destination"} {
		if v, ok := known(name); ok {
			if err := ValidatePathEnd(v, name); err != nil {
				return err
			}
		}
	}
	if src, ok := known("source"); ok && src == Internet {
		if dst, ok := known("destination"); ok && dst == Internet {
			return invalidValue(dst, "destination", "destination", "One end of the path must be in a VPC: name a subnet (or another object that can be an end) as source or destination.")
		}
	}
	protocol, ok := known("protocol")
	if !ok {
		return nil
	}
	port, portKnown := known("port")
	if !portKnown {
		port = ""
	}
	if _, err := checkPathTraffic(protocol, port, has("port") && !portKnown); err != nil {
		return err
	}
	return nil
}

// checkPathTraffic checks a question's protocol and port (in decimal, ""
// when not given; portUnknown when given but not known yet) and returns the
// protocol's name.
func checkPathTraffic(protocol, port string, portUnknown bool) (string, error) {
	name, ok := pathProtocols[strings.ToLower(protocol)]
	if !ok {
		return "", invalidValue(protocol, "protocol", "protocol", "Use tcp, udp, icmp or -1 (all traffic), or their numbers 6, 17 and 1.")
	}
	switch {
	case portProtocol(name) && port == "" && !portUnknown:
		return "", &Error{Code: "MissingParameter", Message: fmt.Sprintf("The request must contain the parameter port for protocol %s.", name), Field: "port",
			Fix: "Give the destination port, such as 22 for SSH or 443 for HTTPS."}
	case !portProtocol(name) && (port != "" || portUnknown):
		return "", &Error{Code: "InvalidParameterCombination", Message: fmt.Sprintf("port applies to tcp and udp only, not to protocol %s.", protocol), Field: "port",
			Fix: "Leave port out, or ask about tcp or udp."}
	case port != "":
		if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
			return "", invalidValue(port, "port", "port", "A port is from 0 to 65535.")
		}
	}
	return name, nil
}

// endpointKind keeps the kinds whose objects can be an end of a path.
func endpointKind(k objectKind) bool { return k.endpoint != nil }

// ValidatePathEnd checks one end of a path: internet, or an ID of a kind
// that can be an end. field names the argument.
func ValidatePathEnd(end, field string) error {
	if end == Internet {
		return nil
	}
	if _, ok := objectKindOf(end, endpointKind); ok {
		return nil
	}
	return invalidValue(end, field, field, "Use internet, or the ID of "+kindsSentence(endpointKind, true)+".")
}

// PathEndKindsSentence lists the kinds whose objects can be an end of a
// path, with their ID prefixes, for documentation.
func PathEndKindsSentence() string { return kindsSentence(endpointKind, true) }

// resolveEnd turns a path's end into an Endpoint through its kind's
// registry entry; field names the argument in refusals.
func (c *Client) resolveEnd(tx ReadTx, end, field string) (Endpoint, error) {
	if err := ValidatePathEnd(end, field); err != nil {
		return Endpoint{}, err
	}
	if end == Internet {
		return InternetEndpoint, nil
	}
	k, _ := objectKindOf(end, endpointKind)
	e, err := k.endpoint(c, tx, end)
	var cloudErr *Error
	if errors.As(err, &cloudErr) {
		cloudErr.Field = field
	}
	return e, err
}

// subnetPublicIPv4 stands for the public address an instance launched in a
// subnet that maps public addresses on launch gets: the simulated cloud
// assigns none, so a subnet end shows this address of the documentation
// range (RFC 5737), the same for every such subnet.
var subnetPublicIPv4 = netip.MustParseAddr("198.51.100.1")

// subnetEndpoint is a subnet as an end: a host in it, at the first address
// AWS does not reserve (the first four of each block are), with no
// interface and so no security groups.
func subnetEndpoint(c *Client, tx ReadTx, id string) (Endpoint, error) {
	s, err := c.findSubnet(tx, id, "subnet_id")
	if err != nil {
		return Endpoint{}, err
	}
	e := Endpoint{ID: s.ID, Kind: "subnet", VPCID: s.VPCID, SubnetID: s.ID}
	if p, err := netip.ParsePrefix(s.CIDRBlock); err == nil {
		e.PrivateIPv4 = firstHost(p)
		if s.MapPublicIPOnLaunch {
			e.PublicIPv4 = subnetPublicIPv4
		}
	}
	if p, err := netip.ParsePrefix(s.IPv6CIDRBlock); err == nil {
		e.IPv6 = []netip.Addr{firstHost(p)}
	}
	return e, nil
}

// firstHost is the first address of a subnet's block that AWS lets a host
// have: the fifth.
func firstHost(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr()
	for range 4 {
		a = a.Next()
	}
	return a
}

// PathEnd resolves one end of a path, internet or an ID, as a question
// would; field names the argument in refusals.
func (c *Client) PathEnd(ctx context.Context, end, field string) (Endpoint, error) {
	var e Endpoint
	err := c.read(ctx, "NetworkPath", map[string]string{field: end}, func(tx ReadTx) error {
		var err error
		e, err = c.resolveEnd(tx, end, field)
		return err
	})
	return e, err
}

// NetworkPathBetween follows the path of a question between two ends, both
// ways where the protocol has a reply.
func (c *Client) NetworkPathBetween(ctx context.Context, q PathQuestion) (Path, error) {
	set := map[string]string{"source": q.Source, "destination": q.Destination, "protocol": q.Protocol}
	if portProtocol(pathProtocols[strings.ToLower(q.Protocol)]) {
		set["port"] = strconv.Itoa(q.Port)
	}
	if err := CheckPathArguments(set); err != nil {
		return Path{}, err
	}
	var path Path
	err := c.read(ctx, "NetworkPath", map[string]string{"source": q.Source, "destination": q.Destination}, func(tx ReadTx) error {
		from, err := c.resolveEnd(tx, q.Source, "source")
		if err != nil {
			return err
		}
		to, err := c.resolveEnd(tx, q.Destination, "destination")
		if err != nil {
			return err
		}
		path, err = c.pathBetween(tx, from, to, q)
		return err
	})
	return path, err
}

// pathWalk is one path being followed: its question, its ends, and the
// path as far as it goes.
type pathWalk struct {
	c        *Client
	tx       ReadTx
	p        Path
	request  traffic
	from, to Endpoint
	// fromAddr and toAddr are the addresses the request goes from and to
	// as the filters of the VPCs see them.
	fromAddr, toAddr netip.Addr
	ipVersion        string
}

// errStopped ends a walk where the path breaks; the break is in the path.
var errStopped = errors.New("path stopped")

func (w *pathWalk) hop(kind, id, detail string) {
	w.p.Hops = append(w.p.Hops, Hop{Kind: kind, ID: id, Detail: detail})
}

// stop records where the path breaks and ends the walk.
func (w *pathWalk) stop(why, fix string) error {
	w.p.Break, w.p.Fix = why, fix
	return errStopped
}

// stopIf ends the walk on a break that a check found, or on its error.
func (w *pathWalk) stopIf(broken, fix string, err error) error {
	if err != nil || broken == "" {
		return err
	}
	return w.stop(broken, fix)
}

// pathBetween follows a request from one end to the other (routes,
// gateways, network ACLs, security groups, BPA) and its reply back
// through the stateless filters and the routes of the other side.
func (c *Client) pathBetween(tx ReadTx, from, to Endpoint, q PathQuestion) (Path, error) {
	protocol, err := checkPathTraffic(q.Protocol, portText(q), false)
	if err != nil {
		return Path{}, err
	}
	if err := ValidatePathQuestion(Outbound, q.IPVersion); err != nil {
		return Path{}, err
	}
	if from.Kind == Internet && to.Kind == Internet {
		return Path{}, invalidValue(Internet, "destination", "destination", "One end of the path must be in a VPC.")
	}
	w := &pathWalk{c: c, tx: tx, from: from, to: to, ipVersion: q.IPVersion, request: newTraffic(protocol, q.Port, q.IPVersion)}
	err = w.follow()
	if errors.Is(err, errStopped) {
		return w.p, nil
	}
	if err != nil {
		return Path{}, err
	}
	w.p.Reachable = true
	return w.p, nil
}

func portText(q PathQuestion) string {
	if portProtocol(pathProtocols[strings.ToLower(q.Protocol)]) {
		return strconv.Itoa(q.Port)
	}
	return ""
}

func (w *pathWalk) follow() error {
	var err error
	if w.fromAddr, err = w.address(w.from); err != nil {
		return err
	}
	if w.toAddr, err = w.address(w.to); err != nil {
		return err
	}
	sameSubnet := w.from.SubnetID != "" && w.from.SubnetID == w.to.SubnetID
	reply := w.request.reply()
	// The request, out of the source.
	w.endHops(w.from, w.fromAddr)
	if w.from.Kind != Internet {
		if err := w.stopIf(w.groups(w.from, true, w.to, w.toAddr)); err != nil {
			return err
		}
		if !sameSubnet {
			if err := w.stopIf(w.acl(w.from.SubnetID, true, w.request, w.toAddr)); err != nil {
				return err
			}
		}
	}
	// Across routes and gateways.
	switch {
	case w.to.Kind == Internet:
		if err := w.routeToInternet(w.from, Outbound); err != nil {
			return err
		}
	case w.from.Kind == Internet:
		if err := w.routeToInternet(w.to, Inbound); err != nil {
			return err
		}
	case !sameSubnet:
		if err := w.routeBetween(w.from, w.to, w.toAddr); err != nil {
			return err
		}
	}
	// Into the destination, then its reply back through the stateless
	// filters; security groups are stateful and let every reply out.
	if w.to.Kind == Internet {
		w.endHops(w.to, w.toAddr)
	} else {
		if !sameSubnet {
			if err := w.stopIf(w.acl(w.to.SubnetID, false, w.request, w.fromAddr)); err != nil {
				return err
			}
		}
		if err := w.stopIf(w.groups(w.to, false, w.from, w.fromAddr)); err != nil {
			return err
		}
		w.endHops(w.to, w.toAddr)
		if !sameSubnet {
			if err := w.stopIf(w.acl(w.to.SubnetID, true, reply, w.fromAddr)); err != nil {
				return err
			}
		}
	}
	if w.from.Kind != Internet && w.to.Kind != Internet && w.from.VPCID != w.to.VPCID {
		if err := w.routeBetween(w.to, w.from, w.fromAddr); err != nil {
			return err
		}
	}
	if w.from.Kind != Internet && !sameSubnet {
		return w.stopIf(w.acl(w.from.SubnetID, false, reply, w.toAddr))
	}
	return nil
}

// address is the address an end sends from and receives at over the
// question's IP version: a stand-in for the internet, else its private
// IPv4 or its (first) IPv6 address.
func (w *pathWalk) address(e Endpoint) (netip.Addr, error) {
	if e.Kind == Internet {
		return internetProbes[w.ipVersion], nil
	}
	if w.ipVersion == IPv6 {
		if len(e.IPv6) == 0 {
			return netip.Addr{}, w.stop(fmt.Sprintf("%s has no IPv6 address", e.ID),
				"Give its subnet an ipv6_cidr_block from the VPC's IPv6 block (and the end an IPv6 address).")
		}
		return e.IPv6[0], nil
	}
	if !e.PrivateIPv4.IsValid() {
		return netip.Addr{}, w.stop(fmt.Sprintf("%s has no IPv4 address", e.ID), "Ask over ipv6, or use an end in a subnet with an IPv4 block.")
	}
	return e.PrivateIPv4, nil
}

// endHops name an end: the object the user named, and its subnet when that
// is another object.
func (w *pathWalk) endHops(e Endpoint, addr netip.Addr) {
	if e.Kind == Internet {
		w.hop(Internet, "", addr.String()+", standing for any internet address")
		return
	}
	detail := addr.String()
	if e.InterfaceID == "" {
		detail += "; no security group filters it (only a network interface has security groups)"
	}
	w.hop(e.Kind, e.ID, detail)
	if e.SubnetID != e.ID {
		w.hop("subnet", e.SubnetID, "")
	}
}
