package provider

import (
	"context"
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewVPCEndpointServiceDataSource is simcloud_vpc_endpoint_service.
var NewVPCEndpointServiceDataSource = newComputedDataSource("_vpc_endpoint_service", readVPCEndpointService, schema.Schema{
	MarkdownDescription: "Finds one service that VPC endpoints reach, as the `aws_vpc_endpoint_service` data source does, among the AWS services the " +
		"simulated cloud offers in every region (S3 and DynamoDB with Gateway and Interface endpoints; EC2, ECS, ECR, RDS, SSM, CloudWatch, STS, KMS, " +
		"Secrets Manager, SNS, SQS, Lambda and more with Interface endpoints). Exactly one service must match.",
	Attributes: map[string]schema.Attribute{
		"id":           computedValue("A hash of the service name, as the AWS provider sets it."),
		"region":       lookupRegionArgument(),
		"service":      schema.StringAttribute{Optional: true, MarkdownDescription: "The service's short name, such as `s3`: the service `com.amazonaws.<region>.<service>`; conflicts with `service_name`."},
		"service_name": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "The service's name, `com.amazonaws.<region>.<service>`."},
		"service_type": schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "`Gateway` or `Interface`: a service with both matches one type only once this (or a `service-type` filter) is given.",
			Validators: []validator.String{cloudCheck(func(s string) error { return cloud.ValidateEndpointType(s, "service_type") })}},
		"service_regions": optionalStringSet("The regions the service may be in: the region searched, as the simulated cloud has no cross-region endpoints."),
		"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true, Computed: true,
			MarkdownDescription: "Tags the service must have; AWS's services have none."},
		"acceptance_required": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the service owner accepts each endpoint: false for AWS's services."},
		"arn":                 computedValue("The service's ARN."),
		"availability_zones": schema.SetAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The zones the service is in: every zone of the region."},
		"base_endpoint_dns_names": schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The service's DNS names."},
		"manages_vpc_endpoints":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the service manages its endpoints: false."},
		"owner":                   computedValue("`amazon`."),
		"private_dns_name":        computedValue("The private DNS name of the service's Interface endpoints; empty for a Gateway service."),
		"private_dns_names": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The service's private DNS names."},
		"service_id":     computedValue("The service's ID, `vpce-svc-` and 17 hexadecimal digits."),
		"service_region": computedValue("The region of the service."),
		"supported_ip_address_types": schema.SetAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "`ipv4`, and `ipv6` for the services that take dual-stack endpoints."},
		"vpc_endpoint_policy_supported": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the service takes endpoint policies."},
	},
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribeVpcEndpointServices", cloud.CheckEndpointServiceFilterName)},
})

type vpcEndpointServiceModel struct {
	ID                         types.String  `tfsdk:"id"`
	Region                     types.String  `tfsdk:"region"`
	Service                    types.String  `tfsdk:"service"`
	ServiceName                types.String  `tfsdk:"service_name"`
	ServiceType                types.String  `tfsdk:"service_type"`
	ServiceRegions             types.Set     `tfsdk:"service_regions"`
	Tags                       types.Map     `tfsdk:"tags"`
	Filters                    []filterModel `tfsdk:"filter"`
	AcceptanceRequired         types.Bool    `tfsdk:"acceptance_required"`
	ARN                        types.String  `tfsdk:"arn"`
	AvailabilityZones          types.Set     `tfsdk:"availability_zones"`
	BaseEndpointDNSNames       types.Set     `tfsdk:"base_endpoint_dns_names"`
	ManagesVPCEndpoints        types.Bool    `tfsdk:"manages_vpc_endpoints"`
	Owner                      types.String  `tfsdk:"owner"`
	PrivateDNSName             types.String  `tfsdk:"private_dns_name"`
	PrivateDNSNames            types.List    `tfsdk:"private_dns_names"`
	ServiceID                  types.String  `tfsdk:"service_id"`
	ServiceRegion              types.String  `tfsdk:"service_region"`
	SupportedIPAddressTypes    types.Set     `tfsdk:"supported_ip_address_types"`
	VPCEndpointPolicySupported types.Bool    `tfsdk:"vpc_endpoint_policy_supported"`
}

func readVPCEndpointService(ctx context.Context, data *providerData, m *vpcEndpointServiceModel, diags *diag.Diagnostics) {
	var regions []string
	diags.Append(m.ServiceRegions.ElementsAs(ctx, &regions, false)...)
	tags := configuredTags(ctx, m.Tags, diags)
	if diags.HasError() {
		return
	}
	if err := cloud.CheckEndpointServiceArguments(map[string]string{"service": m.Service.ValueString(), "service_name": m.ServiceName.ValueString()}); err != nil {
		addCloudError(diags, "plan", err)
		return
	}
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	region := data.client.Scope().Region
	filter := cloud.EndpointServiceFilter{Filters: namedFilters(m.Filters)}
	var given []string
	if name := m.ServiceName.ValueString(); name != "" {
		filter.ServiceNames, given = []string{name}, append(given, fmt.Sprintf("service_name = %q", name))
	} else if short := m.Service.ValueString(); short != "" {
		filter.ServiceNames, given = []string{cloud.EndpointServiceName(region, short)}, append(given, fmt.Sprintf("service = %q", short))
	}
	if t := m.ServiceType.ValueString(); t != "" {
		filter.Filters, given = append(filter.Filters, cloud.NamedFilter{Name: "service-type", Values: []string{t}}), append(given, fmt.Sprintf("service_type = %q", t))
	}
	if len(regions) > 0 {
		filter.Filters, given = append(filter.Filters, cloud.NamedFilter{Name: "service-region", Values: regions}), append(given, fmt.Sprintf("service_regions = %q", regions))
	}
	for _, f := range m.Filters {
		given = append(given, fmt.Sprintf("filter %s = %q", f.Name.ValueString(), f.Values))
	}
	found, err := data.client.FindEndpointServices(filter)
	if cloud.ErrorCode(err) == "InvalidServiceName" {
		found, err = nil, nil
	}
	if err != nil {
		addCloudError(diags, "DescribeVpcEndpointServices", err)
		return
	}
	if len(tags) > 0 {
		found = nil // AWS's services carry no tags.
	}
	switch len(found) {
	case 0:
		diags.AddError("no matching EC2 VPC Endpoint Service found",
			fmt.Sprintf("No endpoint service of %s matches %s. The services are com.amazonaws.%s.<service> for %s.", region, strings.Join(append(given, "the tags"), ", "),
				region, strings.Join(shortServiceNames(region), ", ")))
		return
	case 1:
	default:
		diags.AddError("multiple EC2 VPC Endpoint Services matched; use additional constraints to reduce matches to a single EC2 VPC Endpoint Service",
			fmt.Sprintf("%s match %d services (%s has a Gateway and an Interface service): add service_type, or a filter on service-type.",
				strings.Join(given, ", "), len(found), found[0].ServiceName))
		return
	}
	s := found[0]
	m.ID = types.StringValue(strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(s.ServiceName))), 10))
	m.ServiceName, m.ServiceType, m.ServiceID, m.ServiceRegion = types.StringValue(s.ServiceName), types.StringValue(s.ServiceType), types.StringValue(s.ServiceID), types.StringValue(s.ServiceRegion)
	m.ARN = types.StringValue(fmt.Sprintf("arn:%s:ec2:%s:%s:vpc-endpoint-service/%s", cloud.PartitionOf(region).ID, region, data.client.Scope().AccountID, s.ServiceID))
	m.AcceptanceRequired, m.ManagesVPCEndpoints, m.VPCEndpointPolicySupported = types.BoolValue(s.AcceptanceRequired), types.BoolValue(s.ManagesVPCEndpoints), types.BoolValue(s.VPCEndpointPolicySupported)
	m.Owner, m.PrivateDNSName = types.StringValue(s.Owner), types.StringValue(s.PrivateDNSName)
	m.AvailabilityZones, m.BaseEndpointDNSNames = setOfStrings(s.AvailabilityZones, diags), setOfStrings(s.BaseEndpointDNSNames, diags)
	m.SupportedIPAddressTypes = setOfStrings(s.SupportedIPAddressTypes, diags)
	var private []string
	if s.PrivateDNSName != "" {
		private = []string{s.PrivateDNSName}
	}
	m.PrivateDNSNames = listOfStrings(ctx, private, diags)
	m.Tags = mapValue(ctx, nil, diags)
}

// shortServiceNames are the short names of the services of a region, once
// each, for messages.
func shortServiceNames(region string) []string {
	var names []string
	for _, s := range cloud.EndpointServices(region) {
		short := strings.TrimPrefix(s.ServiceName, "com.amazonaws."+region+".")
		if !slices.Contains(names, short) {
			names = append(names, short)
		}
	}
	return names
}
