package cloud_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store/storetest"
)

// The helper process of TestLoadKeepsInvariants: started with these
// variables set, the test binary runs a load worker instead of testing.
const (
	envLoadDatabase = "SIMCLOUD_TEST_LOAD_DATABASE"
	envLoadShared   = "SIMCLOUD_TEST_LOAD_SHARED"
	envLoadWorker   = "SIMCLOUD_TEST_LOAD_WORKER"
)

// loadRounds is how often each worker builds and tears down its network.
const loadRounds = 6

// loadShared is what the workers race on: VPCs, each with an egress-only
// gateway and its main route table.
type loadShared struct {
	vpcs, eigws, tables []string
}

func (s loadShared) encode() string {
	return strings.Join([]string{strings.Join(s.vpcs, ","), strings.Join(s.eigws, ","), strings.Join(s.tables, ",")}, ";")
}

func decodeLoadShared(v string) loadShared {
	parts := strings.Split(v, ";")
	return loadShared{vpcs: strings.Split(parts[0], ","), eigws: strings.Split(parts[1], ","), tables: strings.Split(parts[2], ",")}
}

// loadWorker builds a network of its own and tears it down, loadRounds
// times, and between whiles races the other workers for the shared VPCs: a
// gateway for each (one wins), subnets in overlapping blocks, routes to
// the same destinations. It reports every outcome as a line: "ok <op> <id>",
// "<AWS code> <op>", or "error <op> <message>" for anything else.
func loadWorker(c *cloud.Client, worker int, shared loadShared, report func(string)) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(uint64(worker), 42))
	outcome := func(op, id string, err error) bool {
		switch {
		case err == nil:
			report("ok " + op + " " + id)
			return true
		case cloud.ErrorCode(err) != "":
			report(cloud.ErrorCode(err) + " " + op)
		default:
			report("error " + op + " " + strings.ReplaceAll(err.Error(), "\n", " "))
		}
		return false
	}
	for round := range loadRounds {
		// A network of its own.
		vpc, err := c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: fmt.Sprintf("10.%d.0.0/16", worker), InstanceTenancy: "default"})
		if !outcome("own-vpc", vpc.ID, err) {
			continue
		}
		igw, err := c.CreateInternetGateway(ctx, vpc.ID, nil)
		outcome("own-igw", igw.ID, err)
		table, err := c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: vpc.ID, ManageRoutes: true,
			Routes: []cloud.RouteSpec{{Destination: "0.0.0.0/0", Target: igw.ID}}})
		outcome("own-table", table.ID, err)
		var subnets []string
		for i := range 3 {
			s, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: vpc.ID, CIDRBlock: fmt.Sprintf("10.%d.%d.0/24", worker, i)})
			if outcome("own-subnet", s.ID, err) {
				subnets = append(subnets, s.ID)
				a, err := c.Associate(ctx, s.ID, table.ID)
				outcome("own-association", a.ID, err)
			}
		}
		// The race on the shared VPCs.
		i := rng.IntN(len(shared.vpcs))
		g, err := c.CreateInternetGateway(ctx, shared.vpcs[i], nil)
		outcome("shared-igw", g.ID, err)
		s, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: shared.vpcs[i], CIDRBlock: fmt.Sprintf("10.255.%d.0/%d", 2*rng.IntN(4), 23+rng.IntN(2))})
		outcome("shared-subnet", s.ID, err)
		r, err := c.CreateRoute(ctx, shared.tables[i], cloud.RouteSpec{Destination: fmt.Sprintf("2600:%x::/32", rng.IntN(6)), Target: shared.eigws[i]})
		outcome("shared-route", r.Destination, err)

		// Tear the own network down, in the order Terraform would.
		for _, a := range associationsOf(ctx, c, subnets) {
			outcome("own-disassociate", a, c.Disassociate(ctx, a))
		}
		for _, id := range subnets {
			outcome("own-delete-subnet", id, c.DeleteSubnet(ctx, id))
		}
		outcome("own-delete-table", table.ID, c.DeleteRouteTable(ctx, table.ID))
		outcome("own-delete-igw", igw.ID, c.DetachAndDeleteInternetGateway(ctx, igw.ID))
		outcome("own-delete-vpc", vpc.ID+" "+strconv.Itoa(round), c.DeleteVPC(ctx, vpc.ID))
	}
}

func associationsOf(ctx context.Context, c *cloud.Client, subnets []string) []string {
	var ids []string
	for _, id := range subnets {
		s, err := c.Subnet(ctx, id)
		if err != nil {
			continue
		}
		if a, err := c.SubnetAssociation(ctx, id, s.RouteTableID); err == nil {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func TestLoadWorkerHelper(t *testing.T) {
	location := os.Getenv(envLoadDatabase)
	if location == "" {
		t.Skip("only runs as a helper process of TestLoadKeepsInvariants")
	}
	worker, _ := strconv.Atoi(os.Getenv(envLoadWorker))
	c := newClient(t, reopen(t, location), defaultScope)
	loadWorker(c, worker, decodeLoadShared(os.Getenv(envLoadShared)), func(line string) { fmt.Println(line) })
}

// TestLoadKeepsInvariants has OS processes and goroutines, each its own
// client as separate terraform runs are, build and tear down networks while
// racing on shared VPCs. Afterwards every invariant of the cloud holds,
// every success any worker saw is in the cloud, and no worker saw a
// database error (locking, serialization) instead of an answer.
func TestLoadKeepsInvariants(t *testing.T) {
	ctx := context.Background()
	st, location := openStore(t)
	c := newClient(t, st, defaultScope)
	var shared loadShared
	for range 3 {
		vpc := mustCreateVPC(t, c, ipv6VPCInput("10.255.0.0/16"))
		eigw := must(c.CreateEgressOnlyInternetGateway(ctx, vpc.ID, nil))(t)
		shared.vpcs, shared.eigws, shared.tables = append(shared.vpcs, vpc.ID), append(shared.eigws, eigw.ID), append(shared.tables, vpc.MainRouteTableID)
	}

	const processes, goroutines = 4, 4
	clients := make([]*cloud.Client, goroutines)
	for g := range clients {
		clients[g] = newClient(t, reopen(t, location), defaultScope)
	}
	outcomes := race(t, "TestLoadWorkerHelper", processes,
		func(p int) []string {
			return []string{envLoadDatabase + "=" + location, envLoadShared + "=" + shared.encode(), envLoadWorker + "=" + strconv.Itoa(p+1)}
		},
		func(line string) bool {
			fields := strings.Fields(line)
			return len(fields) >= 2 && (fields[0] == "ok" || fields[0] == "error" || strings.Contains(fields[0], ".") || fields[0] == "RouteAlreadyExists" || fields[0] == "DependencyViolation")
		},
		goroutines, func(g int, report func(string)) { loadWorker(clients[g], 100+g, shared, report) })

	// Refusals the rules may give when workers race; anything else is a bug.
	expected := map[string]bool{"InvalidParameterValue shared-igw": true, "InvalidSubnet.Conflict shared-subnet": true, "RouteAlreadyExists shared-route": true}
	counts := map[string]int{}
	for _, o := range outcomes {
		fields := strings.Fields(o)
		counts[fields[0]+" "+fields[1]]++
		if fields[0] != "ok" && !expected[fields[0]+" "+fields[1]] {
			t.Errorf("a worker saw: %s", o)
		}
	}
	t.Logf("outcomes: %v", counts)
	if counts["ok own-delete-vpc"] != (processes+goroutines)*loadRounds {
		t.Errorf("%d own networks torn down, want %d", counts["ok own-delete-vpc"], (processes+goroutines)*loadRounds)
	}
	broken, err := storetest.Invariants(location)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("invariant broken: %s", b)
	}
	// Every success is in the cloud.
	for _, o := range outcomes {
		fields := strings.Fields(o)
		if fields[0] != "ok" {
			continue
		}
		var err error
		switch fields[1] {
		case "shared-igw":
			_, err = c.InternetGateway(ctx, fields[2])
		case "shared-subnet":
			_, err = c.Subnet(ctx, fields[2])
		}
		if err != nil {
			t.Errorf("%s succeeded but is not in the cloud: %v", o, err)
		}
	}
	for _, vpcID := range shared.vpcs {
		if gws, _ := c.FindInternetGateways(ctx, cloud.InternetGatewayFilter{VPCID: vpcID}); len(gws) > 1 {
			t.Errorf("%s has %d gateways", vpcID, len(gws))
		}
	}
	if vpcs, _ := c.FindVPCs(ctx, cloud.VPCFilter{}); len(vpcs) != len(shared.vpcs) {
		t.Errorf("%d VPCs left, want only the %d shared ones", len(vpcs), len(shared.vpcs))
	}
}
