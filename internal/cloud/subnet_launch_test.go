package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// ipv6OnlyInput is an IPv6-only subnet of vpcID on block, as AWS takes it.
func ipv6OnlyInput(vpcID, block string) cloud.SubnetInput {
	return cloud.SubnetInput{VPCID: vpcID, IPv6CIDRBlock: block, IPv6Native: true, AssignIPv6AddressOnCreation: true}
}

func TestSubnetLaunchRules(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, v6a, v6b := ipv6VPC(t, c)
	with := func(change func(*cloud.SubnetInput), base cloud.SubnetInput) cloud.SubnetInput {
		change(&base)
		return base
	}
	v4 := subnetInput(vpc.ID, "10.0.1.0/24")
	v6 := ipv6OnlyInput(vpc.ID, v6a)
	cases := []struct {
		name  string
		in    cloud.SubnetInput
		code  string
		field string
	}{
		{"DNS64 without an IPv6 block", with(func(in *cloud.SubnetInput) { in.EnableDNS64 = true }, v4), "InvalidParameterValue", "enable_dns64"},
		{"AAAA records without an IPv6 block", with(func(in *cloud.SubnetInput) { in.EnableResourceNameDNSAAAARecord = true }, v4),
			"InvalidParameterValue", "enable_resource_name_dns_aaaa_record_on_launch"},
		{"an unknown hostname type", with(func(in *cloud.SubnetInput) { in.PrivateDNSHostnameType = "dns-name" }, v4),
			"InvalidParameterValue", "private_dns_hostname_type_on_launch"},
		{"a local interface at device 0", with(func(in *cloud.SubnetInput) { in.EnableLNIAtDeviceIndex = -1 }, v4),
			"InvalidParameterValue", "enable_lni_at_device_index"},
		{"no block at all", cloud.SubnetInput{VPCID: vpc.ID}, "MissingParameter", "cidr_block"},
		{"IPv6-only with an IPv4 block", with(func(in *cloud.SubnetInput) { in.CIDRBlock = "10.0.2.0/24" }, v6), "InvalidParameterCombination", "cidr_block"},
		{"IPv6-only without an IPv6 block", with(func(in *cloud.SubnetInput) { in.IPv6CIDRBlock = "" }, v6), "MissingParameter", "ipv6_cidr_block"},
		{"IPv6-only not assigning IPv6 addresses", with(func(in *cloud.SubnetInput) { in.AssignIPv6AddressOnCreation = false }, v6),
			"InvalidParameterValue", "assign_ipv6_address_on_creation"},
		{"IPv6-only mapping public IPv4", with(func(in *cloud.SubnetInput) { in.MapPublicIPOnLaunch = true }, v6), "InvalidParameterValue", "map_public_ip_on_launch"},
		{"IPv6-only with A records", with(func(in *cloud.SubnetInput) { in.EnableResourceNameDNSARecord = true }, v6),
			"InvalidParameterValue", "enable_resource_name_dns_a_record_on_launch"},
		{"IPv6-only named by IP", with(func(in *cloud.SubnetInput) { in.PrivateDNSHostnameType = cloud.HostnameTypeIPName }, v6),
			"InvalidParameterValue", "private_dns_hostname_type_on_launch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The plan-time check and the apply refuse alike.
			plan := cloud.NewPlan()
			wantCode(t, c.CheckSubnet(ctx, plan, plan.NewHolder(), tc.in, ""), tc.code)
			_, err := c.CreateSubnet(ctx, tc.in)
			wantCode(t, err, tc.code)
			if f := asCloudError(t, err).Field; f != tc.field {
				t.Errorf("field %q, want %q", f, tc.field)
			}
		})
	}

	// An IPv6-only subnet: no IPv4 block, named by resource by default.
	only := mustCreateSubnet(t, c, with(func(in *cloud.SubnetInput) { in.EnableDNS64, in.EnableResourceNameDNSAAAARecord = true, true }, v6))
	got := must(c.Subnet(ctx, only.ID))(t)
	if got.CIDRBlock != "" || !got.IPv6Native || got.IPv6CIDRBlock != v6a || got.PrivateDNSHostnameType != cloud.HostnameTypeResourceName ||
		!got.EnableDNS64 || !got.EnableResourceNameDNSAAAARecord {
		t.Errorf("IPv6-only subnet %+v", got)
	}
	// A VPC holds several, though none has an IPv4 block to tell it apart.
	if second := mustCreateSubnet(t, c, ipv6OnlyInput(vpc.ID, v6b)); second.CIDRBlock != "" {
		t.Errorf("second IPv6-only subnet has the IPv4 block %q", second.CIDRBlock)
	}
	// It is no place for a NAT gateway, which needs an IPv4 address.
	_, err := c.CreateNATGateway(ctx, cloud.NATGatewayInput{SubnetID: only.ID, ConnectivityType: "private"})
	wantCode(t, err, "InvalidSubnet")
	// Whether a subnet is IPv6-only is fixed when it is made.
	_, err = c.UpdateSubnet(ctx, only.ID, with(func(in *cloud.SubnetInput) { in.IPv6Native = false; in.CIDRBlock = "10.0.3.0/24" }, v6))
	wantCode(t, err, "OperationNotPermitted")
	// Its IPv4 neighbours still get IPv4 blocks.
	if s := mustCreateSubnet(t, c, v4); s.PrivateDNSHostnameType != cloud.HostnameTypeIPName {
		t.Errorf("an IPv4 subnet's hostname type %q, want ip-name", s.PrivateDNSHostnameType)
	}
}

func TestUpdateSubnetLaunchSettings(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	vpc, v6a, _ := ipv6VPC(t, c)
	in := subnetInput(vpc.ID, "10.0.1.0/24")
	s := mustCreateSubnet(t, c, in)
	in.IPv6CIDRBlock = v6a
	in.SubnetLaunchSettings = cloud.SubnetLaunchSettings{EnableDNS64: true, EnableLNIAtDeviceIndex: 1, EnableResourceNameDNSAAAARecord: true,
		EnableResourceNameDNSARecord: true, PrivateDNSHostnameType: cloud.HostnameTypeResourceName}
	must(c.UpdateSubnet(ctx, s.ID, in))(t)
	if got := must(c.Subnet(ctx, s.ID))(t); got.SubnetLaunchSettings != in.SubnetLaunchSettings {
		t.Errorf("settings %+v, want %+v", got.SubnetLaunchSettings, in.SubnetLaunchSettings)
	}
	// Giving up the IPv6 block while DNS64 needs it is refused.
	in.IPv6CIDRBlock = ""
	_, err := c.UpdateSubnet(ctx, s.ID, in)
	wantCode(t, err, "InvalidParameterValue")
	in.SubnetLaunchSettings = cloud.SubnetLaunchSettings{}
	if got := must(c.UpdateSubnet(ctx, s.ID, in))(t); got.PrivateDNSHostnameType != cloud.HostnameTypeIPName || got.EnableDNS64 {
		t.Errorf("settings after turning them off %+v", got.SubnetLaunchSettings)
	}
}

func TestSubnetPoolArguments(t *testing.T) {
	c := freshClient(t)
	if err := c.CheckSubnetPoolArguments(map[string]string{}); err != nil {
		t.Fatalf("no pool arguments: %v", err)
	}
	for _, field := range []string{"ipv4_ipam_pool_id", "ipv6_netmask_length", "outpost_arn", "customer_owned_ipv4_pool", "map_customer_owned_ip_on_launch"} {
		err := c.CheckSubnetPoolArguments(map[string]string{field: "false"})
		wantCode(t, err, "UnsupportedOperation")
		if f := asCloudError(t, err).Field; f != field {
			t.Errorf("field %q, want %q", f, field)
		}
	}
}
