package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type networkInterfaceDataSourceModel struct {
	searchCriteria
	ARN              types.String `tfsdk:"arn"`
	Association      types.List   `tfsdk:"association"`
	Attachment       types.List   `tfsdk:"attachment"`
	AvailabilityZone types.String `tfsdk:"availability_zone"`
	Description      types.String `tfsdk:"description"`
	InterfaceType    types.String `tfsdk:"interface_type"`
	IPv6Addresses    types.Set    `tfsdk:"ipv6_addresses"`
	MACAddress       types.String `tfsdk:"mac_address"`
	OutpostARN       types.String `tfsdk:"outpost_arn"`
	OwnerID          types.String `tfsdk:"owner_id"`
	PrivateDNSName   types.String `tfsdk:"private_dns_name"`
	PrivateIP        types.String `tfsdk:"private_ip"`
	PrivateIPs       types.List   `tfsdk:"private_ips"`
	RequesterID      types.String `tfsdk:"requester_id"`
	SecurityGroups   types.Set    `tfsdk:"security_groups"`
	SubnetID         types.String `tfsdk:"subnet_id"`
	VPCID            types.String `tfsdk:"vpc_id"`
}

// The shapes of association and attachment, as the aws_network_interface
// data source has them.
var (
	interfaceAssociationType = types.ObjectType{AttrTypes: map[string]attr.Type{"allocation_id": types.StringType, "association_id": types.StringType,
		"carrier_ip": types.StringType, "customer_owned_ip": types.StringType, "ip_owner_id": types.StringType, "public_dns_name": types.StringType,
		"public_ip": types.StringType}}
	foundInterfaceAttachmentType = types.ObjectType{AttrTypes: map[string]attr.Type{"attachment_id": types.StringType, "device_index": types.Int64Type,
		"instance_id": types.StringType, "instance_owner_id": types.StringType, "network_card_index": types.Int64Type}}
)

// describedInterface is an interface with the ID of its elastic IP's
// association, which the association attribute names.
type describedInterface struct {
	cloud.NetworkInterface
	AssociationID string
}

func findDescribedInterfaces(c *cloud.Client, ctx context.Context, filter cloud.NetworkInterfaceFilter) ([]describedInterface, error) {
	enis, err := c.FindNetworkInterfaces(ctx, filter)
	out := make([]describedInterface, 0, len(enis))
	for _, n := range enis {
		if err != nil {
			break
		}
		d := describedInterface{NetworkInterface: n}
		if n.AllocationID != "" {
			var associations []cloud.AddressAssociation
			associations, err = cloud.Find[cloud.AddressAssociation](c, ctx, cloud.AddressAssociationFilter{NetworkInterfaceID: n.ID})
			for _, a := range associations {
				if a.PrivateIPAddress == n.PrivateIP {
					d.AssociationID = a.ID
				}
			}
		}
		out = append(out, d)
	}
	return out, err
}

// filteredInterfaces keeps the interfaces that pass AWS's filters.
func filteredInterfaces(found []describedInterface, filters []cloud.NamedFilter) ([]describedInterface, error) {
	enis := make([]cloud.NetworkInterface, len(found))
	byID := make(map[string]describedInterface, len(found))
	for i, d := range found {
		enis[i], byID[d.ID] = d.NetworkInterface, d
	}
	kept, err := cloud.Filtered(enis, filters)
	out := make([]describedInterface, 0, len(kept))
	for _, n := range kept {
		out = append(out, byID[n.ID])
	}
	return out, err
}

var networkInterfaceLookup = lookupKind[networkInterfaceDataSourceModel, describedInterface, cloud.NetworkInterfaceFilter]{
	kind: cloud.KindNetworkInterface,
	description: "Looks up one network interface by ID, `filter` blocks (`vpc-id`, `subnet-id`, `attachment.instance-id`, `private-ip-address`, " +
		"`group-id`, `tag:Name`, ...) and tags, as the `aws_network_interface` data source does. Exactly one interface must match.",
	attributes: map[string]schema.Attribute{
		"arn": foundAttribute("The interface's ARN."),
		"association": schema.ListAttribute{ElementType: interfaceAssociationType, Computed: true,
			MarkdownDescription: "The interface's public address, as AWS reports it: empty, or one entry with `public_ip`, `public_dns_name`, `ip_owner_id` " +
				"(`amazon` for an address given at launch) and, for an elastic IP, `allocation_id` and `association_id`."},
		"attachment": schema.ListAttribute{ElementType: foundInterfaceAttachmentType, Computed: true,
			MarkdownDescription: "The interface's attachment: empty, or one entry with `attachment_id`, `device_index`, `instance_id`, `instance_owner_id` and `network_card_index`."},
		"availability_zone": foundAttribute("The interface's availability zone."),
		"description":       foundAttribute("The interface's description."),
		"interface_type":    foundAttribute("The interface's type, `interface` unless made otherwise."),
		"ipv6_addresses":    schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The interface's IPv6 addresses."},
		"mac_address":       foundAttribute("The interface's MAC address."),
		"outpost_arn":       foundAttribute("Always empty: the simulated cloud has no Outposts."),
		"owner_id":          foundAttribute("The ID of the account that owns the interface."),
		"private_dns_name":  foundAttribute("The private DNS name of the primary address."),
		"private_ip":        foundAttribute("The primary private IPv4 address."),
		"private_ips":       schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Every private IPv4 address, the primary first."},
		"requester_id":      foundAttribute("Always empty: AWS services do not make interfaces in the simulated cloud."),
		"security_groups":   schema.SetAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The IDs of the interface's security groups."},
		"subnet_id":         foundAttribute("The interface's subnet."),
		"vpc_id":            foundAttribute("The interface's VPC."),
	},
	filter: func(m *networkInterfaceDataSourceModel, tags map[string]string, _ *diag.Diagnostics) cloud.NetworkInterfaceFilter {
		return cloud.NetworkInterfaceFilter{ID: m.ID.ValueString(), Tags: tags}
	},
	find:    findDescribedInterfaces,
	filters: describeFilters[describedInterface]{keep: filteredInterfaces, checkName: cloud.CheckFilterName[cloud.NetworkInterface]},
	id:      func(d describedInterface) string { return d.ID },
	fill: func(m *networkInterfaceDataSourceModel, d describedInterface, diags *diag.Diagnostics) {
		n := d.NetworkInterface
		m.ARN, m.AvailabilityZone, m.Description, m.InterfaceType = types.StringValue(n.ARN()), types.StringValue(n.AvailabilityZone), types.StringValue(n.Description), types.StringValue(n.InterfaceType)
		m.MACAddress, m.OwnerID, m.SubnetID, m.VPCID = types.StringValue(n.MACAddress), types.StringValue(n.OwnerID), types.StringValue(n.SubnetID), types.StringValue(n.VPCID)
		m.OutpostARN, m.RequesterID = types.StringValue(""), types.StringValue("")
		m.PrivateIP, m.PrivateDNSName = types.StringValue(n.PrivateIP), types.StringValue(cloud.PrivateDNSName(n.Region, n.PrivateIP))
		m.PrivateIPs = listOfStrings(context.Background(), n.PrivateIPs, diags)
		m.IPv6Addresses, m.SecurityGroups = setOfStrings(n.IPv6Addresses, diags), setOfStrings(n.SecurityGroupIDs, diags)
		var public []describedInterface
		if n.PublicIP != "" {
			public = append(public, d)
		}
		m.Association = objectList(interfaceAssociationType, public, func(d describedInterface) map[string]attr.Value {
			owner := "amazon"
			if d.AllocationID != "" {
				owner = d.OwnerID
			}
			return map[string]attr.Value{"allocation_id": types.StringValue(d.AllocationID), "association_id": types.StringValue(d.AssociationID),
				"carrier_ip": types.StringValue(""), "customer_owned_ip": types.StringValue(""), "ip_owner_id": types.StringValue(owner),
				"public_dns_name": types.StringValue(cloud.PublicDNSName(d.Region, d.PublicIP)), "public_ip": types.StringValue(d.PublicIP)}
		}, diags)
		var attached []cloud.NetworkInterface
		if n.InstanceID != "" {
			attached = append(attached, n)
		}
		m.Attachment = objectList(foundInterfaceAttachmentType, attached, func(n cloud.NetworkInterface) map[string]attr.Value {
			return map[string]attr.Value{"attachment_id": types.StringValue(n.AttachmentID), "device_index": types.Int64Value(n.DeviceIndex),
				"instance_id": types.StringValue(n.InstanceID), "instance_owner_id": types.StringValue(n.OwnerID), "network_card_index": types.Int64Value(0)}
		}, diags)
	},
	tagsOf: func(d describedInterface) map[string]string { return d.Tags },
}

var networkInterfacesListing = idsKind[idsSearch, cloud.NetworkInterface, cloud.NetworkInterfaceFilter]{
	kind: cloud.KindNetworkInterface,
	filter: func(_ *idsSearch, tags map[string]string) cloud.NetworkInterfaceFilter {
		return cloud.NetworkInterfaceFilter{Tags: tags}
	},
	find: (*cloud.Client).FindNetworkInterfaces,
	id:   func(n cloud.NetworkInterface) string { return n.ID },
}
