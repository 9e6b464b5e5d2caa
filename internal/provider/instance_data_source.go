package provider

import (
	"context"
	"crypto/sha1" //nolint:gosec // the AWS provider's user_data is a SHA-1 hash, not a safeguard
	"encoding/base64"
	"encoding/hex"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type instanceDataSourceModel struct {
	searchCriteria
	InstanceID          types.String `tfsdk:"instance_id"`
	InstanceTags        types.Map    `tfsdk:"instance_tags"`
	GetUserData         types.Bool   `tfsdk:"get_user_data"`
	GetPasswordData     types.Bool   `tfsdk:"get_password_data"`
	PasswordData        types.String `tfsdk:"password_data"`
	AMI                 types.String `tfsdk:"ami"`
	ARN                 types.String `tfsdk:"arn"`
	AvailabilityZone    types.String `tfsdk:"availability_zone"`
	InstanceType        types.String `tfsdk:"instance_type"`
	InstanceState       types.String `tfsdk:"instance_state"`
	KeyName             types.String `tfsdk:"key_name"`
	SubnetID            types.String `tfsdk:"subnet_id"`
	PrivateIP           types.String `tfsdk:"private_ip"`
	PublicIP            types.String `tfsdk:"public_ip"`
	PrivateDNS          types.String `tfsdk:"private_dns"`
	PublicDNS           types.String `tfsdk:"public_dns"`
	NetworkInterfaceID  types.String `tfsdk:"network_interface_id"`
	VPCSecurityGroupIDs types.Set    `tfsdk:"vpc_security_group_ids"`
	SecurityGroups      types.Set    `tfsdk:"security_groups"`
	IPv6Addresses       types.Set    `tfsdk:"ipv6_addresses"`
	SourceDestCheck     types.Bool   `tfsdk:"source_dest_check"`
	UserData            types.String `tfsdk:"user_data"`
	UserDataBase64      types.String `tfsdk:"user_data_base64"`
	Tenancy             types.String `tfsdk:"tenancy"`
}

// searchTags are the tags an instance must carry: those of instance_tags,
// the AWS provider's argument, and of tags.
func (m *instanceDataSourceModel) searchTags(tags map[string]string) map[string]string {
	all := maps.Clone(tags)
	for k, v := range m.InstanceTags.Elements() {
		if s, ok := v.(types.String); ok {
			if all == nil {
				all = map[string]string{}
			}
			all[k] = s.ValueString()
		}
	}
	return all
}

// userDataBytes is what the instance was given as user data, decoded.
func userDataBytes(i cloud.Instance) []byte {
	if i.UserDataBase64 != "" {
		if b, err := base64.StdEncoding.DecodeString(i.UserDataBase64); err == nil {
			return b
		}
	}
	return []byte(i.UserData)
}

// findDescribedInstances finds instances, each read as DescribeInstances
// reads one, with its groups' names.
func findDescribedInstances(c *cloud.Client, ctx context.Context, filter cloud.InstanceFilter) ([]cloud.Instance, error) {
	found, err := c.FindInstances(ctx, filter)
	for i := range found {
		if err != nil {
			break
		}
		found[i], err = c.Instance(ctx, found[i].ID)
	}
	return found, err
}

var instanceLookup = lookupKind[instanceDataSourceModel, cloud.Instance, cloud.InstanceFilter]{
	kind: cloud.KindInstance,
	description: "Looks up one instance by ID, `filter` blocks (`vpc-id`, `subnet-id`, `instance-state-name`, `private-ip-address`, `tag:Name`, ...) " +
		"and tags, as the `aws_instance` data source does, and reads the network side of it. Exactly one instance must match.",
	attributes: map[string]schema.Attribute{
		"instance_id":   lookupCriterion(cloud.KindInstance, "The ID of the instance to find, under the name the `aws_instance` data source uses."),
		"instance_tags": searchTagsAttribute("Tags the instance to find must have, under the name the `aws_instance` data source uses."),
		"get_user_data": schema.BoolAttribute{Optional: true, MarkdownDescription: "Whether to read the user data into `user_data_base64`."},
		"get_password_data": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "Accepted as in the AWS provider; `password_data` stays empty, as no Windows instance runs."},
		"password_data":          foundAttribute("Always empty: no Windows instance runs in the simulated cloud."),
		"ami":                    foundAttribute("The instance's image ID."),
		"arn":                    foundAttribute("The instance's ARN."),
		"availability_zone":      foundAttribute("The instance's availability zone."),
		"instance_type":          foundAttribute("The instance's type."),
		"instance_state":         foundAttribute("The instance's state: `running`."),
		"key_name":               foundAttribute("The instance's key pair name, or an empty string."),
		"subnet_id":              foundAttribute("The subnet of the instance's primary interface."),
		"private_ip":             foundAttribute("The primary private IPv4 address."),
		"public_ip":              foundAttribute("The public IPv4 address (an elastic IP's where one is associated), or an empty string."),
		"private_dns":            foundAttribute("The private DNS name."),
		"public_dns":             foundAttribute("The public DNS name, or an empty string without a public address or the VPC's DNS hostnames."),
		"network_interface_id":   foundAttribute("The instance's primary network interface."),
		"vpc_security_group_ids": schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The IDs of the instance's security groups."},
		"security_groups":        schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The names of the instance's security groups."},
		"ipv6_addresses":         schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The IPv6 addresses of the primary interface."},
		"source_dest_check":      foundBool("Whether the primary interface checks the source and destination of its traffic."),
		"user_data":              foundAttribute("The SHA-1 hash, in hexadecimal, of the user data, as the AWS provider gives it; empty without user data."),
		"user_data_base64":       foundAttribute("The user data, base64-encoded, with `get_user_data = true`; else empty."),
		"tenancy":                foundAttribute("Always `default`."),
	},
	filter: func(m *instanceDataSourceModel, tags map[string]string, diags *diag.Diagnostics) cloud.InstanceFilter {
		return cloud.InstanceFilter{ID: eitherID(m.ID, m.InstanceID, "instance_id", "instance", diags), Tags: m.searchTags(tags)}
	},
	find:    findDescribedInstances,
	filters: filtersOf[cloud.Instance](),
	id:      func(i cloud.Instance) string { return i.ID },
	fill: func(m *instanceDataSourceModel, i cloud.Instance, diags *diag.Diagnostics) {
		m.InstanceID, m.AMI, m.ARN, m.AvailabilityZone = types.StringValue(i.ID), types.StringValue(i.AMI), types.StringValue(i.ARN()), types.StringValue(i.AvailabilityZone)
		m.InstanceType, m.InstanceState, m.KeyName = types.StringValue(i.InstanceType), types.StringValue(i.State), types.StringValue(i.KeyName)
		m.SubnetID, m.PrivateIP, m.PublicIP = types.StringValue(i.SubnetID), types.StringValue(i.PrivateIP), types.StringValue(i.PublicIP)
		m.PrivateDNS, m.PublicDNS = types.StringValue(i.PrivateDNS()), types.StringValue(i.PublicDNS())
		m.NetworkInterfaceID, m.SourceDestCheck = types.StringValue(i.PrimaryNetworkInterfaceID), types.BoolValue(i.SourceDestCheck)
		m.VPCSecurityGroupIDs, m.SecurityGroups = setOfStrings(i.SecurityGroupIDs, diags), setOfStrings(i.SecurityGroupNames, diags)
		m.IPv6Addresses = setOfStrings(i.IPv6Addresses, diags)
		m.PasswordData, m.Tenancy = types.StringValue(""), types.StringValue("default")
		data := userDataBytes(i)
		m.UserData, m.UserDataBase64 = types.StringValue(""), types.StringValue("")
		if len(data) > 0 {
			sum := sha1.Sum(data) //nolint:gosec // see the import
			m.UserData = types.StringValue(hex.EncodeToString(sum[:]))
			if m.GetUserData.ValueBool() {
				m.UserDataBase64 = types.StringValue(base64.StdEncoding.EncodeToString(data))
			}
		}
		// The lookup has set tags, as the provider shows them, before.
		m.InstanceTags = m.Tags
	},
	searchedTags: (*instanceDataSourceModel).searchTags,
	tagsOf:       func(i cloud.Instance) map[string]string { return i.Tags },
}

type instancesDataSourceModel struct {
	idsSearch
	InstanceTags       types.Map  `tfsdk:"instance_tags"`
	InstanceStateNames types.Set  `tfsdk:"instance_state_names"`
	PrivateIPs         types.List `tfsdk:"private_ips"`
	PublicIPs          types.List `tfsdk:"public_ips"`
	IPv6Addresses      types.List `tfsdk:"ipv6_addresses"`
}

var instancesListing = idsKind[instancesDataSourceModel, cloud.Instance, cloud.InstanceFilter]{
	kind: cloud.KindInstance,
	attributes: map[string]schema.Attribute{
		"instance_tags": schema.MapAttribute{ElementType: types.StringType, Optional: true,
			MarkdownDescription: "Only the instances that carry each of these tags with its value, as the `aws_instances` data source takes them."},
		"instance_state_names": schema.SetAttribute{ElementType: types.StringType, Optional: true,
			MarkdownDescription: "Only the instances in one of these states (`pending`, `running`, `shutting-down`, `stopped`, `stopping`, `terminated`); " +
				"every instance of the simulated cloud is `running`."},
		"private_ips":    schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The instances' private IPv4 addresses, in the order of `ids`."},
		"public_ips":     schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The public IPv4 addresses of those instances that have one."},
		"ipv6_addresses": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The instances' IPv6 addresses."},
	},
	filter: func(m *instancesDataSourceModel, tags map[string]string) cloud.InstanceFilter {
		all := maps.Clone(tags)
		for k, v := range m.InstanceTags.Elements() {
			if s, ok := v.(types.String); ok {
				if all == nil {
					all = map[string]string{}
				}
				all[k] = s.ValueString()
			}
		}
		return cloud.InstanceFilter{Tags: all}
	},
	find: func(c *cloud.Client, ctx context.Context, filter cloud.InstanceFilter) ([]cloud.Instance, error) {
		return c.FindInstances(ctx, filter)
	},
	id: func(i cloud.Instance) string { return i.ID },
	narrow: func(m *instancesDataSourceModel, found []cloud.Instance) []cloud.Instance {
		if m.InstanceStateNames.IsNull() || m.InstanceStateNames.IsUnknown() {
			return found
		}
		states := map[string]bool{}
		for _, v := range m.InstanceStateNames.Elements() {
			if s, ok := v.(types.String); ok {
				states[s.ValueString()] = true
			}
		}
		var kept []cloud.Instance
		for _, i := range found {
			if states[i.State] {
				kept = append(kept, i)
			}
		}
		return kept
	},
	also: func(ctx context.Context, m *instancesDataSourceModel, found []cloud.Instance, diags *diag.Diagnostics) {
		private, public, ipv6 := []string{}, []string{}, []string{}
		for _, i := range found {
			private = append(private, i.PrivateIP)
			if i.PublicIP != "" {
				public = append(public, i.PublicIP)
			}
			ipv6 = append(ipv6, i.IPv6Addresses...)
		}
		m.PrivateIPs, m.PublicIPs, m.IPv6Addresses = listOfStrings(ctx, private, diags), listOfStrings(ctx, public, diags), listOfStrings(ctx, ipv6, diags)
	},
}
