package cloud_test

// Benchmarks of the engine's hot operations on clouds of different sizes:
// creating a subnet, creating a route, and the plan-time checks of both and
// of a security group's rules.
// Each runs on a cloud that already holds 0, 10,000 or 100,000 objects, so
// that the cost of an operation can be compared with the size of the cloud
// around it (the target: at most 1.2x the empty cloud's at 100k objects).
//
//	go test -run '^$' -bench . -benchmem ./internal/cloud/
//
// The big clouds are built once per test binary (about a second per 10,000
// objects), straight through the store's write transactions, not the
// client, so that building them does not itself cost O(n^2).

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
)

// benchSizes are the numbers of objects (VPCs, route tables, subnets,
// security groups and their rules, network ACLs) the cloud holds before a
// benchmark starts.
var benchSizes = []int{0, 10_000, 100_000}

// Each filler VPC holds a main route table, benchSubnetsPerVPC subnets, its
// default security group (2 rules) and network ACL, and a web group
// (benchWebRules rules): benchObjectsPerVPC objects.
const (
	benchSubnetsPerVPC = 8
	benchWebRules      = 3
	benchObjectsPerVPC = benchSubnetsPerVPC + 2 + 3 + 2 + benchWebRules
	benchVPCsPerTx     = 200
	// benchBatch is how many objects a benchmark creates before it deletes
	// them again, with the timer stopped, so that the cloud and the target
	// VPC stay the same size however long the benchmark runs.
	benchBatch = 50
)

// benchCloud is a cloud of a given size, with a target VPC of ordinary
// size in which the benchmarks work: 8 subnets, an attached internet
// gateway, a second route table with no routes but its local one, and a
// security group with rules, one of which refers to the default group.
type benchCloud struct {
	store   cloud.Store
	client  *cloud.Client
	vpc     cloud.VPC
	igw     cloud.InternetGateway
	table   cloud.RouteTable
	group   cloud.SecurityGroupInput
	groupID string
	built   time.Duration
	err     error
}

var (
	benchDirOnce sync.Once
	benchDir     string
	benchClouds  = map[int]*benchCloud{}
	benchOnce    = map[int]*sync.Once{}
	benchMu      sync.Mutex
	benchIDs     atomic.Uint64
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		for _, c := range benchClouds {
			if c.store != nil {
				_ = c.store.Close()
			}
		}
		_ = os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchID returns a new ID of the kind with the given prefix, of the form
// the cloud's own IDs take (17 lowercase hex digits).
func benchID(prefix string) string {
	return fmt.Sprintf("%s-%017x", prefix, 0xbe000000000000+benchIDs.Add(1))
}

// getBenchCloud returns the cloud of the given size, building it on first
// use.
func getBenchCloud(b *testing.B, size int) *benchCloud {
	b.Helper()
	benchMu.Lock()
	once, ok := benchOnce[size]
	if !ok {
		once = &sync.Once{}
		benchOnce[size] = once
	}
	benchMu.Unlock()
	once.Do(func() {
		c := buildBenchCloud(size)
		benchMu.Lock()
		benchClouds[size] = c
		benchMu.Unlock()
		if c.err == nil && size > 0 {
			fmt.Fprintf(os.Stderr, "bench: built a cloud of %d objects in %v\n", size, c.built.Round(time.Millisecond))
		}
	})
	benchMu.Lock()
	c := benchClouds[size]
	benchMu.Unlock()
	if c.err != nil {
		b.Fatalf("build a cloud of %d objects: %v", size, c.err)
	}
	return c
}

func buildBenchCloud(size int) *benchCloud {
	out := &benchCloud{}
	benchDirOnce.Do(func() {
		dir, err := os.MkdirTemp("", "simcloud-bench-")
		if err != nil {
			panic(err)
		}
		benchDir = dir
	})
	start := time.Now()
	st, err := store.Open(filepath.Join(benchDir, fmt.Sprintf("cloud-%d.db", size)))
	if err != nil {
		out.err = err
		return out
	}
	out.store = st
	ctx := context.Background()
	vpcs := size / benchObjectsPerVPC
	for first := 0; first < vpcs; first += benchVPCsPerTx {
		err := st.Write(ctx, func(tx cloud.Tx) error {
			for i := first; i < min(first+benchVPCsPerTx, vpcs); i++ {
				if err := insertFillerVPC(tx, i); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			out.err = err
			return out
		}
	}
	out.client, err = cloud.NewClient(st, defaultScope, nil)
	if err != nil {
		out.err = err
		return out
	}
	c := out.client
	if out.vpc, err = c.CreateVPC(ctx, cloud.VPCInput{CIDRBlock: "10.0.0.0/16", InstanceTenancy: cloud.TenancyDefault,
		EnableDNSSupport: true, Tags: map[string]string{"Name": "target"}}); err != nil {
		out.err = err
		return out
	}
	if out.igw, err = c.CreateInternetGateway(ctx, out.vpc.ID, nil); err != nil {
		out.err = err
		return out
	}
	if out.table, err = c.CreateRouteTable(ctx, cloud.RouteTableInput{VPCID: out.vpc.ID}); err != nil {
		out.err = err
		return out
	}
	for i := range benchSubnetsPerVPC {
		if _, err := c.CreateSubnet(ctx, cloud.SubnetInput{VPCID: out.vpc.ID, CIDRBlock: fmt.Sprintf("10.0.%d.0/24", i),
			Tags: map[string]string{"Name": fmt.Sprintf("target-%d", i)}}); err != nil {
			out.err = err
			return out
		}
	}
	out.group = benchGroupInput(out.vpc)
	g, err := c.CreateSecurityGroup(ctx, out.group)
	if err != nil {
		out.err = err
		return out
	}
	out.groupID = g.ID
	out.built = time.Since(start)
	return out
}

// benchGroupInput is a web server's group: HTTP and HTTPS from anywhere,
// SSH from an office, everything from the VPC's default group, everything
// out.
func benchGroupInput(vpc cloud.VPC) cloud.SecurityGroupInput {
	tcp := func(port int, cidr string) cloud.SecurityGroupRule {
		return cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: port, ToPort: port, CIDRIPv4: cidr}
	}
	return cloud.SecurityGroupInput{VPCID: vpc.ID, GroupName: "web", Description: "web servers", ManageIngress: true, ManageEgress: true,
		Ingress: []cloud.SecurityGroupRule{tcp(80, "0.0.0.0/0"), tcp(443, "0.0.0.0/0"), tcp(22, "198.51.100.0/24"),
			{IPProtocol: "-1", ReferencedGroupID: vpc.DefaultSecurityGroupID}},
		Egress: []cloud.SecurityGroupRule{{IPProtocol: "-1", CIDRIPv4: "0.0.0.0/0"}},
		Tags:   map[string]string{"Name": "web"}}
}

// insertFillerVPC stores what CreateVPC and benchSubnetsPerVPC calls of
// CreateSubnet would: a VPC with its main route table, its local route, and
// its subnets, each with a Name tag.
func insertFillerVPC(tx cloud.Tx, i int) error {
	scope := defaultScope
	cidr := fmt.Sprintf("10.%d.%d.0/24", (i/256)%256, i%256)
	vpc := cloud.VPC{ID: benchID("vpc"), OwnerID: scope.AccountID, Region: scope.Region, CIDRBlock: cidr,
		InstanceTenancy: cloud.TenancyDefault, EnableDNSSupport: true}
	if err := tx.Insert(vpc); err != nil {
		return err
	}
	if err := tx.SetTags(vpc.ID, map[string]string{"Name": fmt.Sprintf("filler-%d", i)}); err != nil {
		return err
	}
	table := cloud.RouteTable{ID: benchID("rtb"), VPCID: vpc.ID, OwnerID: scope.AccountID, Region: scope.Region}
	if err := tx.Insert(table); err != nil {
		return err
	}
	if err := tx.PutRoute(cloud.Route{RouteTableID: table.ID, Destination: cidr, Target: cloud.TargetLocal,
		Origin: cloud.OriginCreateRouteTable}); err != nil {
		return err
	}
	if err := tx.Insert(cloud.Association{ID: benchID("rtbassoc"), RouteTableID: table.ID, VPCID: vpc.ID, Main: true}); err != nil {
		return err
	}
	for j := range benchSubnetsPerVPC {
		s := cloud.Subnet{ID: benchID("subnet"), OwnerID: scope.AccountID, Region: scope.Region, VPCID: vpc.ID,
			CIDRBlock: fmt.Sprintf("10.%d.%d.%d/28", (i/256)%256, i%256, 16*j), AvailabilityZone: scope.Region + "a"}
		if err := tx.Insert(s); err != nil {
			return err
		}
		if err := tx.SetTags(s.ID, map[string]string{"Name": fmt.Sprintf("filler-%d-%d", i, j)}); err != nil {
			return err
		}
	}
	if err := cloud.CreateVPCDefaults(tx, vpc); err != nil {
		return err
	}
	web := cloud.SecurityGroup{ID: benchID("sg"), OwnerID: scope.AccountID, Region: scope.Region, VPCID: vpc.ID,
		GroupName: "web", Description: "filler"}
	if err := tx.Insert(web); err != nil {
		return err
	}
	for k := range benchWebRules {
		if err := tx.PutSecurityGroupRule(cloud.SecurityGroupRule{ID: benchID("sgr"), GroupID: web.ID, IPProtocol: "tcp",
			FromPort: 8000 + k, ToPort: 8000 + k, CIDRIPv4: cidr}); err != nil {
			return err
		}
	}
	return nil
}

// benchEachSize runs fn as a sub-benchmark on the cloud of each size.
func benchEachSize(b *testing.B, fn func(b *testing.B, c *benchCloud)) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("objects=%d", size), func(b *testing.B) {
			c := getBenchCloud(b, size)
			b.ReportAllocs()
			b.ResetTimer()
			fn(b, c)
		})
	}
}

// BenchmarkCreateSubnet creates subnets in the target VPC, deleting each
// batch of benchBatch again with the timer stopped.
func BenchmarkCreateSubnet(b *testing.B) {
	benchEachSize(b, func(b *testing.B, c *benchCloud) {
		ctx := context.Background()
		var made []string
		for i := 0; i < b.N; i++ {
			k := i % benchBatch
			s, err := c.client.CreateSubnet(ctx, cloud.SubnetInput{VPCID: c.vpc.ID,
				CIDRBlock: fmt.Sprintf("10.0.%d.%d/28", 100+k/16, 16*(k%16)), Tags: map[string]string{"Name": "bench"}})
			if err != nil {
				b.Fatal(err)
			}
			made = append(made, s.ID)
			if len(made) == benchBatch || i == b.N-1 {
				b.StopTimer()
				deleteSubnets(b, c, made)
				made = made[:0]
				b.StartTimer()
			}
		}
	})
}

func deleteSubnets(b *testing.B, c *benchCloud, ids []string) {
	err := c.store.Write(context.Background(), func(tx cloud.Tx) error {
		for _, id := range ids {
			if err := tx.SetTags(id, nil); err != nil {
				return err
			}
			if err := tx.Delete(cloud.KindSubnet, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// benchDestination returns the k-th of benchBatch distinct destinations
// outside the target VPC.
func benchDestination(k int) string {
	return fmt.Sprintf("172.16.%d.0/24", k)
}

// BenchmarkCreateRoute adds routes to the internet gateway to the target
// VPC's second table, deleting each batch again with the timer stopped.
func BenchmarkCreateRoute(b *testing.B) {
	benchEachSize(b, func(b *testing.B, c *benchCloud) {
		ctx := context.Background()
		var made []string
		for i := 0; i < b.N; i++ {
			dest := benchDestination(i % benchBatch)
			if _, err := c.client.CreateRoute(ctx, c.table.ID, cloud.RouteSpec{Destination: dest, Target: c.igw.ID}); err != nil {
				b.Fatal(err)
			}
			made = append(made, dest)
			if len(made) == benchBatch || i == b.N-1 {
				b.StopTimer()
				err := c.store.Write(ctx, func(tx cloud.Tx) error {
					for _, d := range made {
						if err := tx.DeleteRoute(c.table.ID, d); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				made = made[:0]
				b.StartTimer()
			}
		}
	})
}

// BenchmarkCheckSubnet runs the plan-time check of a new subnet in the
// target VPC, each in a plan of its own.
func BenchmarkCheckSubnet(b *testing.B) {
	benchEachSize(b, func(b *testing.B, c *benchCloud) {
		ctx := context.Background()
		in := cloud.SubnetInput{VPCID: c.vpc.ID, CIDRBlock: "10.0.200.0/24", Tags: map[string]string{"Name": "bench"}}
		for i := 0; i < b.N; i++ {
			p := cloud.NewPlan()
			if err := c.client.CheckSubnet(ctx, p, p.NewHolder(), in, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheckRoute runs the plan-time check of a new default route to
// the internet gateway in the target VPC's second table.
func BenchmarkCheckRoute(b *testing.B) {
	benchEachSize(b, func(b *testing.B, c *benchCloud) {
		ctx := context.Background()
		spec := cloud.RouteSpec{Destination: "0.0.0.0/0", Target: c.igw.ID}
		for i := 0; i < b.N; i++ {
			p := cloud.NewPlan()
			if err := c.client.CheckRoute(ctx, p, p.NewHolder(), c.table.ID, spec, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheckSecurityGroup runs the plan-time check of a change to the
// target VPC's web group, each in a plan of its own: its name free in the
// VPC, its rules, and the group one of them refers to.
func BenchmarkCheckSecurityGroup(b *testing.B) {
	benchEachSize(b, func(b *testing.B, c *benchCloud) {
		ctx := context.Background()
		in := c.group
		in.Ingress = append(slices.Clone(in.Ingress), cloud.SecurityGroupRule{IPProtocol: "tcp", FromPort: 8080, ToPort: 8080, CIDRIPv4: "10.0.0.0/16"})
		for i := 0; i < b.N; i++ {
			p := cloud.NewPlan()
			if err := c.client.CheckSecurityGroup(ctx, p, p.NewHolder(), in, c.groupID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
