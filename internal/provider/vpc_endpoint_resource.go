package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type vpcEndpointModel struct {
	taggedObject
	ARN                      types.String `tfsdk:"arn"`
	VPCID                    types.String `tfsdk:"vpc_id"`
	ServiceName              types.String `tfsdk:"service_name"`
	ServiceRegion            types.String `tfsdk:"service_region"`
	VPCEndpointType          types.String `tfsdk:"vpc_endpoint_type"`
	AutoAccept               types.Bool   `tfsdk:"auto_accept"`
	Policy                   types.String `tfsdk:"policy"`
	PrivateDNSEnabled        types.Bool   `tfsdk:"private_dns_enabled"`
	IPAddressType            types.String `tfsdk:"ip_address_type"`
	RouteTableIDs            types.Set    `tfsdk:"route_table_ids"`
	SubnetIDs                types.Set    `tfsdk:"subnet_ids"`
	SecurityGroupIDs         types.Set    `tfsdk:"security_group_ids"`
	SubnetConfiguration      types.Set    `tfsdk:"subnet_configuration"`
	DNSOptions               types.List   `tfsdk:"dns_options"`
	ResourceConfigurationARN types.String `tfsdk:"resource_configuration_arn"`
	ServiceNetworkARN        types.String `tfsdk:"service_network_arn"`
	CIDRBlocks               types.List   `tfsdk:"cidr_blocks"`
	DNSEntry                 types.List   `tfsdk:"dns_entry"`
	NetworkInterfaceIDs      types.Set    `tfsdk:"network_interface_ids"`
	OwnerID                  types.String `tfsdk:"owner_id"`
	PrefixListID             types.String `tfsdk:"prefix_list_id"`
	RequesterManaged         types.Bool   `tfsdk:"requester_managed"`
	State                    types.String `tfsdk:"state"`
}

type endpointSubnetConfigurationModel struct {
	IPv4     types.String `tfsdk:"ipv4"`
	IPv6     types.String `tfsdk:"ipv6"`
	SubnetID types.String `tfsdk:"subnet_id"`
}

type endpointDNSOptionsModel struct {
	DNSRecordIPType          types.String `tfsdk:"dns_record_ip_type"`
	PrivateDNSOnlyForInbound types.Bool   `tfsdk:"private_dns_only_for_inbound_resolver_endpoint"`
}

var (
	endpointSubnetConfigurationType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"ipv4": types.StringType, "ipv6": types.StringType, "subnet_id": types.StringType}}
	endpointDNSOptionsType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"dns_record_ip_type": types.StringType, "private_dns_only_for_inbound_resolver_endpoint": types.BoolType}}
	dnsEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{"dns_name": types.StringType, "hosted_zone_id": types.StringType}}
)

// plannedIDSet reads a set of IDs as the cloud's rules take it: a set left
// out of the configuration and not known yet is none (the cloud's choice),
// one known only after apply is one Unknown ID of kind.
func plannedIDSet(ctx context.Context, config tfsdk.Config, name string, set types.Set, kind cloud.Kind, diags *diag.Diagnostics) []string {
	if set.IsUnknown() {
		if configuredValue[types.Set](ctx, config, name, diags).IsNull() {
			return nil
		}
		return []string{cloud.UnknownID(kind)}
	}
	var ids []string
	for _, e := range set.Elements() {
		if s, ok := e.(types.String); ok {
			ids = append(ids, plannedID(s, kind))
		}
	}
	return ids
}

func (m *vpcEndpointModel) input(ctx context.Context, config tfsdk.Config, tags map[string]string, diags *diag.Diagnostics) cloud.VPCEndpointInput {
	in := cloud.VPCEndpointInput{VPCID: plannedID(m.VPCID, cloud.KindVPC), ServiceName: planned(m.ServiceName), Type: planned(m.VPCEndpointType),
		Policy: planned(m.Policy), ResourceConfigurationARN: m.ResourceConfigurationARN.ValueString(), ServiceNetworkARN: m.ServiceNetworkARN.ValueString(), Tags: tags,
		EndpointOptions: cloud.EndpointOptions{PrivateDNSEnabled: m.PrivateDNSEnabled.ValueBool(), IPAddressType: known(m.IPAddressType),
			SubnetIDs:        plannedIDSet(ctx, config, "subnet_ids", m.SubnetIDs, cloud.KindSubnet, diags),
			SecurityGroupIDs: plannedIDSet(ctx, config, "security_group_ids", m.SecurityGroupIDs, cloud.KindSecurityGroup, diags)},
		RouteTableIDs: plannedIDSet(ctx, config, "route_table_ids", m.RouteTableIDs, cloud.KindRouteTable, diags)}
	if !m.ServiceRegion.IsUnknown() {
		in.ServiceRegion = m.ServiceRegion.ValueString()
	}
	// A policy left out is AWS's default one.
	if m.Policy.IsUnknown() && configuredValue[types.String](ctx, config, "policy", diags).IsNull() {
		in.Policy = ""
	}
	if !m.SubnetConfiguration.IsUnknown() {
		var configs []endpointSubnetConfigurationModel
		diags.Append(m.SubnetConfiguration.ElementsAs(ctx, &configs, false)...)
		for _, c := range configs {
			in.SubnetConfigurations = append(in.SubnetConfigurations, cloud.EndpointSubnetConfiguration{
				SubnetID: plannedID(c.SubnetID, cloud.KindSubnet), IPv4: known(c.IPv4), IPv6: known(c.IPv6)})
		}
	}
	if !m.DNSOptions.IsUnknown() {
		var options []endpointDNSOptionsModel
		diags.Append(m.DNSOptions.ElementsAs(ctx, &options, false)...)
		for _, o := range options {
			in.DNSRecordIPType, in.PrivateDNSOnlyForInbound = known(o.DNSRecordIPType), o.PrivateDNSOnlyForInbound.ValueBool()
		}
	}
	return in
}

// known is a string argument's value, "" when left out or not known yet
// (the cloud then chooses).
func known(v types.String) string {
	if v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}

func computedSet(description string) schema.SetAttribute {
	return schema.SetAttribute{ElementType: types.StringType, Optional: true, Computed: true, MarkdownDescription: description,
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()}}
}

var vpcEndpointKind = resourceKind[vpcEndpointModel, cloud.VPCEndpoint]{
	kind:     cloud.KindVPCEndpoint,
	updateOp: "ModifyVpcEndpoint",
	errorFields: map[string]string{"vpc_id": "vpc_id", "service_name": "service_name", "service_region": "service_region", "vpc_endpoint_type": "vpc_endpoint_type",
		"subnet_ids": "subnet_ids", "security_group_ids": "security_group_ids", "route_table_ids": "route_table_ids", "policy": "policy",
		"private_dns_enabled": "private_dns_enabled", "ip_address_type": "ip_address_type", "dns_options": "dns_options",
		"subnet_configuration": "subnet_configuration", "tags_all": "tags_all"},
	schema: schema.Schema{
		MarkdownDescription: "A VPC endpoint, with the arguments and attributes of `aws_vpc_endpoint`: a Gateway endpoint (S3, DynamoDB) adds a route to the " +
			"service's prefix list to each of its route tables; an Interface endpoint sits in one subnet per zone. The services are those of " +
			"the `simcloud_vpc_endpoint_service` data source. The simulated cloud has no network interfaces, so `network_interface_ids` is always empty.",
		Attributes: map[string]schema.Attribute{
			"arn":               computedID("The endpoint's ARN."),
			"vpc_id":            replacingReference(cloud.KindVPC, "The VPC the endpoint serves. Changing it replaces the endpoint."),
			"service_name":      optionalReplacing("The service, `com.amazonaws.<region>.<service>`. Changing it replaces the endpoint."),
			"service_region":    optionalComputedReplacing("The region of the service: the endpoint's own (the simulated cloud has no cross-region endpoints)."),
			"vpc_endpoint_type": defaultedReplacing(cloud.EndpointTypeGateway, "`Gateway` (the default), `Interface` or `GatewayLoadBalancer`. Changing it replaces the endpoint."),
			"auto_accept":       schema.BoolAttribute{Optional: true, MarkdownDescription: "Accept the endpoint, for a service of the same account; AWS services accept every endpoint."},
			"policy": schema.StringAttribute{Optional: true, Computed: true,
				MarkdownDescription: "The endpoint's policy, as JSON; AWS's full-access policy when left out. Documents that read alike make no change. Changed in place.",
				Validators:          []validator.String{cloudCheck(func(s string) error { return cloud.ValidatePolicy(s, "policy") })},
				PlanModifiers:       append(keepState, equivalentPolicy{"keeps the prior document when the configured one is equivalent"})},
			"private_dns_enabled": schema.BoolAttribute{Optional: true, Computed: true,
				MarkdownDescription: "Whether the service's private DNS name resolves to an Interface endpoint in the VPC; the VPC needs DNS support and hostnames. Changed in place.",
				PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}},
			"ip_address_type":            optionalComputed("`ipv4` (the default), `dualstack` or `ipv6`. Changed in place."),
			"route_table_ids":            computedSet("A Gateway endpoint's route tables: each gets a route to the service's prefix list through the endpoint. Changed in place."),
			"subnet_ids":                 computedSet("An Interface endpoint's subnets, one per availability zone, in the endpoint's VPC. Changed in place."),
			"security_group_ids":         computedSet("An Interface endpoint's security groups; the VPC's default group when left out. Changed in place."),
			"resource_configuration_arn": optionalReplacing("A VPC Lattice resource configuration; the simulated cloud has none, so it is refused."),
			"service_network_arn":        optionalReplacing("A VPC Lattice service network; the simulated cloud has none, so it is refused."),
			"cidr_blocks": schema.ListAttribute{ElementType: types.StringType, Computed: true,
				MarkdownDescription: "The blocks of the service's prefix list (S3, DynamoDB)."},
			"dns_entry": schema.ListAttribute{ElementType: dnsEntryType, Computed: true,
				MarkdownDescription: "An Interface endpoint's DNS names (`dns_name`, `hosted_zone_id`): `vpce-<id>-<suffix>.<service>.<region>.vpce.amazonaws.com`, one per zone, and the service's private name when private DNS is on."},
			"network_interface_ids": schema.SetAttribute{ElementType: types.StringType, Computed: true,
				MarkdownDescription: "Always empty: the simulated cloud has no network interfaces."},
			"owner_id":          computedID("The account that owns the endpoint."),
			"prefix_list_id":    computedValue("The prefix list of the service (S3, DynamoDB), as in the AWS provider."),
			"requester_managed": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a service manages the endpoint: false."},
			"state":             computedValue("`available`."),
		},
		Blocks: map[string]schema.Block{
			"subnet_configuration": schema.SetNestedBlock{
				MarkdownDescription: "The addresses of an Interface endpoint in one of its subnets: `ipv4` and `ipv6` inside the subnet's blocks, and not reserved.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"ipv4":      schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The IPv4 address."},
					"ipv6":      schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The IPv6 address."},
					"subnet_id": schema.StringAttribute{Optional: true, MarkdownDescription: "The subnet, one of `subnet_ids`."},
				}},
			},
			"dns_options": schema.ListNestedBlock{
				MarkdownDescription: "An Interface endpoint's DNS options.",
				Validators:          []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"dns_record_ip_type": schema.StringAttribute{Optional: true, Computed: true,
						MarkdownDescription: "`ipv4`, `dualstack`, `ipv6` or `service-defined`; the endpoint's address type when left out."},
					"private_dns_only_for_inbound_resolver_endpoint": schema.BoolAttribute{Optional: true, Computed: true,
						MarkdownDescription: "Private DNS only for inbound Resolver endpoints (S3 and DynamoDB); needs a Gateway endpoint for the service in the VPC."},
				}},
			},
		},
	},
	create: func(d *providerData, ctx context.Context, a applyStep[vpcEndpointModel]) (cloud.VPCEndpoint, error) {
		return d.client.CreateVPCEndpoint(ctx, a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	update: func(d *providerData, ctx context.Context, a applyStep[vpcEndpointModel]) (cloud.VPCEndpoint, error) {
		return d.client.ModifyVPCEndpoint(ctx, a.plan.ID.ValueString(), a.plan.input(ctx, a.config, a.tags, a.diags))
	},
	get:        cloud.Describe[cloud.VPCEndpoint],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[vpcEndpointModel]) error {
		id := ""
		if p.state != nil {
			id = p.state.ID.ValueString()
		}
		in := p.plan.input(ctx, p.config, p.tags, p.diags)
		if p.state != nil {
			in.VPCID, in.ServiceName, in.Type = p.state.VPCID.ValueString(), p.state.ServiceName.ValueString(), p.state.VPCEndpointType.ValueString()
			if !p.plan.VPCID.Equal(p.state.VPCID) || !p.plan.ServiceName.Equal(p.state.ServiceName) || !p.plan.VPCEndpointType.Equal(p.state.VPCEndpointType) {
				id, in = "", p.plan.input(ctx, p.config, p.tags, p.diags)
			}
		}
		return d.client.CheckVPCEndpoint(ctx, d.plan, p.holder, id, in)
	},
	fillReporting: func(m *vpcEndpointModel, e cloud.VPCEndpoint, diags *diag.Diagnostics) {
		m.ID, m.ARN, m.OwnerID = types.StringValue(e.ID), types.StringValue(e.ARN()), types.StringValue(e.OwnerID)
		m.VPCID, m.ServiceName, m.ServiceRegion = types.StringValue(e.VPCID), types.StringValue(e.ServiceName), types.StringValue(e.ServiceRegion)
		m.VPCEndpointType, m.State, m.RequesterManaged = types.StringValue(e.Type), types.StringValue(e.State), types.BoolValue(e.RequesterManaged)
		m.Policy = policyFromCloud(m.Policy, e.Policy)
		m.PrivateDNSEnabled, m.IPAddressType = types.BoolValue(e.PrivateDNSEnabled), types.StringValue(e.IPAddressType)
		m.RouteTableIDs = setOfStrings(e.RouteTableIDs, diags)
		m.SubnetIDs = setOfStrings(e.SubnetIDs, diags)
		m.SecurityGroupIDs = setOfStrings(e.SecurityGroupIDs, diags)
		m.NetworkInterfaceIDs = setOfStrings(nil, diags)
		m.ResourceConfigurationARN = optionalString(m.ResourceConfigurationARN, e.ResourceConfigurationARN)
		m.ServiceNetworkARN = optionalString(m.ServiceNetworkARN, e.ServiceNetworkARN)
		var configs []attr.Value
		for _, c := range e.Configurations() {
			obj, ds := types.ObjectValue(endpointSubnetConfigurationType.AttrTypes, map[string]attr.Value{
				"subnet_id": types.StringValue(c.SubnetID), "ipv4": optionalString(types.StringNull(), c.IPv4), "ipv6": optionalString(types.StringNull(), c.IPv6)})
			diags.Append(ds...)
			configs = append(configs, obj)
		}
		set, ds := types.SetValue(endpointSubnetConfigurationType, configs)
		diags.Append(ds...)
		m.SubnetConfiguration = set
		// dns_options is a block: shown only where the configuration (or
		// the state) has one, so that leaving it out makes no change.
		if len(m.DNSOptions.Elements()) > 0 && e.Type == cloud.EndpointTypeInterface {
			obj, ds := types.ObjectValue(endpointDNSOptionsType.AttrTypes, map[string]attr.Value{
				"dns_record_ip_type": types.StringValue(e.DNSRecordIPType), "private_dns_only_for_inbound_resolver_endpoint": types.BoolValue(e.PrivateDNSOnlyForInbound)})
			diags.Append(ds...)
			m.DNSOptions, ds = types.ListValue(endpointDNSOptionsType, []attr.Value{obj})
			diags.Append(ds...)
		} else {
			m.DNSOptions, _ = types.ListValue(endpointDNSOptionsType, nil)
		}
		m.PrefixListID, m.CIDRBlocks = types.StringNull(), listOfStrings(context.Background(), nil, diags)
		if pl, ok := cloud.EndpointPrefixList(e.Region, e.ServiceName); ok {
			m.PrefixListID, m.CIDRBlocks = types.StringValue(pl.ID), listOfStrings(context.Background(), pl.CIDRBlocks, diags)
		}
		m.DNSEntry = objectList(dnsEntryType, e.DNSEntries(), func(d cloud.DNSEntry) map[string]attr.Value {
			return map[string]attr.Value{"dns_name": types.StringValue(d.DNSName), "hosted_zone_id": types.StringValue(d.HostedZoneID)}
		}, diags)
	},
	tagsOf: func(e cloud.VPCEndpoint) map[string]string { return e.Tags },
}
