package cloud_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestDHCPOptionsRules(t *testing.T) {
	c := freshClient(t)
	four := []string{"10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"}
	for _, tc := range []struct {
		name  string
		in    cloud.DHCPOptionsInput
		field string
	}{
		{"nothing set", cloud.DHCPOptionsInput{}, ""},
		{"four name servers", cloud.DHCPOptionsInput{DomainNameServers: four}, ""},
		{"Amazon's resolver", cloud.DHCPOptionsInput{DomainNameServers: []string{cloud.AmazonProvidedDNS, "10.0.0.2"}}, ""},
		{"five name servers", cloud.DHCPOptionsInput{DomainNameServers: append(four, "10.0.0.6")}, "domain_name_servers"},
		{"a name server that is no address", cloud.DHCPOptionsInput{DomainNameServers: []string{"dns.example"}}, "domain_name_servers"},
		{"four NTP servers of each family", cloud.DHCPOptionsInput{NTPServers: append(four, "fd00::1", "fd00::2", "fd00::3", "fd00::4")}, ""},
		{"five IPv6 NTP servers", cloud.DHCPOptionsInput{NTPServers: []string{"fd00::1", "fd00::2", "fd00::3", "fd00::4", "fd00::5"}}, "ntp_servers"},
		{"an IPv6 NetBIOS server", cloud.DHCPOptionsInput{NetbiosNameServers: []string{"fd00::1"}}, "netbios_name_servers"},
		{"Amazon's resolver for NTP", cloud.DHCPOptionsInput{NTPServers: []string{cloud.AmazonProvidedDNS}}, "ntp_servers"},
		{"node type 2", cloud.DHCPOptionsInput{NetbiosNodeType: "2"}, ""},
		{"node type 3", cloud.DHCPOptionsInput{NetbiosNodeType: "3"}, "netbios_node_type"},
		{"lease time 140", cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "140"}, ""},
		{"lease time 2147483647", cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "2147483647"}, ""},
		{"lease time 139", cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "139"}, "ipv6_address_preferred_lease_time"},
		{"lease time 2147483648", cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "2147483648"}, "ipv6_address_preferred_lease_time"},
		{"lease time in words", cloud.DHCPOptionsInput{IPv6AddressPreferredLeaseTime: "a day"}, "ipv6_address_preferred_lease_time"},
		{"unknown values at plan", cloud.DHCPOptionsInput{NetbiosNodeType: cloud.Unknown, DomainNameServers: []string{cloud.Unknown}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := cloud.NewPlan()
			err := c.CheckDHCPOptions(context.Background(), p, p.NewHolder(), tc.in)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			wantCode(t, err, "InvalidParameterValue")
			if f := fieldOf(err); f != tc.field {
				t.Errorf("the refusal points at %q, want %q", f, tc.field)
			}
		})
	}
}

// TestDefaultDHCPOptions: each region has one default set, named after the
// region, that new VPCs get; associating another set, or none, changes a
// VPC's, and a set in use cannot be deleted.
func TestDefaultDHCPOptions(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	east := newClient(t, st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: "us-east-1"})
	west, err := east.InRegion("eu-west-1")
	if err != nil {
		t.Fatal(err)
	}
	a, b := mustCreateVPC(t, east, vpcInput("10.0.0.0/16")), mustCreateVPC(t, east, vpcInput("10.1.0.0/16"))
	def, err := east.DefaultDHCPOptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.DHCPOptionsID != def.ID || b.DHCPOptionsID != def.ID || !def.Default {
		t.Fatalf("VPCs have sets %s and %s, the default is %+v", a.DHCPOptionsID, b.DHCPOptionsID, def)
	}
	if def.DomainName != "ec2.internal" || !slices.Equal(def.DomainNameServers, []string{"AmazonProvidedDNS"}) {
		t.Errorf("default set of us-east-1: %+v", def)
	}
	westDefault, err := west.DefaultDHCPOptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if westDefault.ID == def.ID || westDefault.DomainName != "eu-west-1.compute.internal" {
		t.Errorf("default set of eu-west-1: %+v", westDefault)
	}

	corp, err := east.CreateDHCPOptions(ctx, cloud.DHCPOptionsInput{DomainName: "corp.example", NTPServers: []string{"10.0.0.9", "fd00::9"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := east.AssociateDHCPOptions(ctx, corp.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := east.AssociateDHCPOptions(ctx, cloud.NoDHCPOptions, b.ID); err != nil {
		t.Fatal(err)
	}
	for vpcID, want := range map[string]string{a.ID: corp.ID, b.ID: "default"} {
		vpc, err := east.VPC(ctx, vpcID)
		if err != nil {
			t.Fatal(err)
		}
		if got := cloud.DHCPOptionsOf(vpc); got != want {
			t.Errorf("%s has set %s, want %s", vpcID, got, want)
		}
	}
	read, err := cloud.Describe[cloud.DHCPOptions](east, ctx, corp.ID)
	if err != nil || !slices.Equal(read.NTPServers, corp.NTPServers) || read.DomainNameServers != nil {
		t.Errorf("read back %+v (%v), want the servers given", read, err)
	}
	wantCode(t, east.DeleteObject(ctx, corp.ID), "DependencyViolation")
	if err := east.AssociateDHCPOptions(ctx, def.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := east.DeleteObject(ctx, corp.ID); err != nil {
		t.Errorf("deleting the set no VPC uses: %v", err)
	}
	// Another region's set is unknown here.
	wantCode(t, east.AssociateDHCPOptions(ctx, westDefault.ID, a.ID), "InvalidDhcpOptionID.NotFound")
}

// fieldOf is the argument a refusal points at.
func fieldOf(err error) string {
	var ce *cloud.Error
	if errors.As(err, &ce) {
		return ce.Field
	}
	return ""
}
