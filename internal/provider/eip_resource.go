package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type eipModel struct {
	taggedObject
	eipAttributes
	// The association with an instance or interface that the resource
	// itself makes, as aws_eip does.
	Instance               types.String `tfsdk:"instance"`
	NetworkInterface       types.String `tfsdk:"network_interface"`
	AssociateWithPrivateIP types.String `tfsdk:"associate_with_private_ip"`
	eipAddresses
	// Where the address comes from: Amazon's pool of the region's own
	// network border group, the only source the cloud has; the other
	// sources are accepted left out only.
	NetworkBorderGroup    types.String `tfsdk:"network_border_group"`
	IPAMPoolID            types.String `tfsdk:"ipam_pool_id"`
	Address               types.String `tfsdk:"address"`
	CustomerOwnedIPv4Pool types.String `tfsdk:"customer_owned_ipv4_pool"`
	// VPC is the AWS provider 5's vpc, which its version 6 replaced with
	// domain: kept so that older configurations port.
	VPC types.Bool `tfsdk:"vpc"`
}

// association is the association the configuration asks for; ok is false
// where it asks for none.
func (m *eipModel) association(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (in cloud.AddressAssociationInput, ok bool) {
	in = cloud.AddressAssociationInput{AllocationID: plannedID(m.ID, cloud.KindElasticIP),
		InstanceID:         configuredOrKnownID(ctx, config, "instance", m.Instance, cloud.KindInstance, diags),
		NetworkInterfaceID: configuredOrKnownID(ctx, config, "network_interface", m.NetworkInterface, cloud.KindNetworkInterface, diags),
		PrivateIPAddress:   known(m.AssociateWithPrivateIP)}
	instanceSet := !configuredValue[types.String](ctx, config, "instance", diags).IsNull()
	interfaceSet := !configuredValue[types.String](ctx, config, "network_interface", diags).IsNull()
	// The interface an instance's association lands on is read back, not
	// asked for.
	if instanceSet {
		in.NetworkInterfaceID = ""
	} else if !interfaceSet {
		return in, false
	}
	return in, true
}

// reassociate makes the address's association with an interface what the
// plan asks: the old one undone, the new one made.
func (m *eipModel) reassociate(ctx context.Context, d *providerData, config tfsdk.Config, diags *diag.Diagnostics) (cloud.ElasticIP, error) {
	id := m.ID.ValueString()
	eip, err := d.client.ElasticIP(ctx, id)
	if err != nil {
		return eip, err
	}
	in, wanted := m.association(ctx, config, diags)
	in.AllocationID = id
	if eip.InterfaceAssociationID != "" {
		same := wanted && (in.InstanceID == "" || in.InstanceID == eip.InstanceID) && (in.NetworkInterfaceID == "" || in.NetworkInterfaceID == eip.NetworkInterfaceID) &&
			(in.PrivateIPAddress == "" || in.PrivateIPAddress == eip.PrivateIPAddress)
		if same {
			return eip, nil
		}
		if err := d.client.DisassociateAddress(ctx, eip.InterfaceAssociationID); err != nil && !cloud.IsNotFound(err) {
			return eip, err
		}
	}
	if wanted {
		if _, err := d.client.AssociateAddress(ctx, in); err != nil {
			return eip, err
		}
	}
	return d.client.ElasticIP(ctx, id)
}

// eipAttributes are what the simcloud_eip resource and data source both
// read from an address.
type eipAttributes struct {
	AllocationID  types.String `tfsdk:"allocation_id"`
	Domain        types.String `tfsdk:"domain"`
	PublicIP      types.String `tfsdk:"public_ip"`
	AssociationID types.String `tfsdk:"association_id"`
	ARN           types.String `tfsdk:"arn"`
}

func (a *eipAttributes) read(eip cloud.ElasticIP) {
	a.AllocationID, a.PublicIP = types.StringValue(eip.AllocationID), types.StringValue(eip.PublicIP)
	a.AssociationID, a.Domain, a.ARN = types.StringValue(eip.AssociationID), types.StringValue("vpc"), types.StringValue(eip.ARN())
}

// eipAddresses are the addresses and names of an elastic IP that the
// simcloud_eip resource and data source both read: the private address it
// is associated with and the DNS names, and the sources the cloud does not
// have (Outposts, Wavelength Zones, reverse DNS), always empty.
type eipAddresses struct {
	PrivateIP       types.String `tfsdk:"private_ip"`
	PrivateDNS      types.String `tfsdk:"private_dns"`
	PublicDNS       types.String `tfsdk:"public_dns"`
	PublicIPv4Pool  types.String `tfsdk:"public_ipv4_pool"`
	CustomerOwnedIP types.String `tfsdk:"customer_owned_ip"`
	CarrierIP       types.String `tfsdk:"carrier_ip"`
	PTRRecord       types.String `tfsdk:"ptr_record"`
}

func (a *eipAddresses) read(eip cloud.ElasticIP) {
	a.PrivateIP = types.StringValue(eip.PrivateIPAddress)
	a.PrivateDNS = types.StringValue(cloud.PrivateDNSName(eip.Region, eip.PrivateIPAddress))
	a.PublicDNS = types.StringValue(cloud.PublicDNSName(eip.Region, eip.PublicIP))
	a.PublicIPv4Pool = types.StringValue(cloud.AmazonIPv4Pool)
	a.CustomerOwnedIP, a.CarrierIP, a.PTRRecord = types.StringValue(""), types.StringValue(""), types.StringValue("")
}

var eipKind = resourceKind[eipModel, cloud.ElasticIP]{
	kind: cloud.KindElasticIP,
	schema: schema.Schema{
		MarkdownDescription: "An elastic IP address, with the arguments and attributes of `aws_eip`: a public IPv4 address of the account's own, " +
			"which a public NAT gateway uses. Simulated addresses come from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).",
		Attributes: map[string]schema.Attribute{
			"id":             computedID("The allocation ID, `eipalloc-` followed by 17 hexadecimal digits."),
			"allocation_id":  computedID("The allocation ID, the same as `id`."),
			"domain":         defaultedReplacing("vpc", "Always `vpc`: EC2-Classic addresses are retired, as in AWS.", cloudCheck(validateEIPDomain)),
			"public_ip":      computedID("The public address."),
			"association_id": computedValue("The ID of the address's association with a NAT gateway or an interface, or an empty string. As of the last refresh."),
			"arn":            computedID("The address's ARN."),
			"instance": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{idCheck(cloud.KindInstance)},
				MarkdownDescription: "The instance whose primary address the elastic IP maps to. Changed in place. Conflicts with `network_interface`."},
			"network_interface": schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{idCheck(cloud.KindNetworkInterface)},
				MarkdownDescription: "The network interface the elastic IP maps to. Changed in place."},
			"associate_with_private_ip": optionalArgument("The private address of the instance or interface to map to; its primary one when left out.",
				cloudCheck(validIPv4)),
			"private_ip":  computedValue("The private address the elastic IP maps to, or an empty string."),
			"private_dns": computedValue("The private DNS name of that address, or an empty string."),
			"public_dns":  computedID("The public DNS name of the address."),
			"network_border_group": optionalComputedReplacing("Where the address is advertised: the region's own network border group, its name, " +
				"the only one the simulated cloud has (it has no Local or Wavelength Zones); another fails at plan with `InvalidParameterValue`. " +
				"Defaults to the region's. Changing it replaces the address."),
			"public_ipv4_pool": optionalComputedReplacing("The pool the address comes from: `amazon`, the only one the simulated cloud has; " +
				"another fails at plan with `InvalidParameterValue`. Defaults to `amazon`. Changing it replaces the address."),
			"ipam_pool_id":             optionalComputedReplacing("The IPAM pool the address would come from. " + noOwnAddresses + " Reads an empty string."),
			"address":                  optionalReplacing("An address of your own (BYOIP) to allocate. " + noOwnAddresses),
			"customer_owned_ipv4_pool": optionalArgument("The customer-owned pool of an Outpost to take an address from. " + noOwnAddresses),
			"customer_owned_ip":        computedID("The customer-owned address: always an empty string, as the simulated cloud has no Outposts."),
			"carrier_ip":               computedID("The carrier address of a Wavelength Zone: always an empty string, as the simulated cloud has no Wavelength Zones."),
			"ptr_record":               computedID("The reverse DNS record of the address: an empty string, as the simulated cloud sets none."),
			"vpc": schema.BoolAttribute{Optional: true, Computed: true, PlanModifiers: keepBoolStateReplaceOnChange,
				DeprecationMessage: "vpc is the AWS provider 5's argument, which its version 6 removed: use domain = \"vpc\" instead.",
				MarkdownDescription: "**Deprecated** (removed in the AWS provider 6): whether the address is for use in a VPC. Always `true`; " +
					"`false` (EC2-Classic) fails at plan with `InvalidParameterValue`. Use `domain` instead."},
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(false, "instance", "network_interface"),
	},
	check: func(ctx context.Context, d *providerData, p planStep[eipModel]) error {
		d.checkTags(ctx, p.plan.Tags, p.diags)
		if err := d.client.CheckAddressArguments(configuredArguments(ctx, p.config, p.diags,
			"address", "customer_owned_ipv4_pool", "ipam_pool_id", "public_ipv4_pool", "network_border_group", "vpc")); err != nil {
			return err
		}
		// What the cloud gives every address is known at plan.
		for v, value := range map[*types.String]string{&p.plan.NetworkBorderGroup: d.client.Scope().Region, &p.plan.PublicIPv4Pool: cloud.AmazonIPv4Pool,
			&p.plan.IPAMPoolID: "", &p.plan.CustomerOwnedIP: "", &p.plan.CarrierIP: "", &p.plan.PTRRecord: ""} {
			if v.IsUnknown() {
				*v = types.StringValue(value)
			}
		}
		if p.plan.VPC.IsUnknown() {
			p.plan.VPC = types.BoolValue(true)
		}
		in, wanted := p.plan.association(ctx, p.config, p.diags)
		if !wanted {
			return nil
		}
		// An address moved from one instance to another in place is its own
		// association's to give up.
		holder, self := p.holder, ""
		if p.state == nil {
			holder = d.plan.NewHolderNamed("the simcloud_eip planned in this configuration")
		} else {
			self = p.state.AssociationID.ValueString()
		}
		return d.client.CheckAddressAssociation(ctx, d.plan, holder, in, self)
	},
	create: func(d *providerData, ctx context.Context, a applyStep[eipModel]) (cloud.ElasticIP, error) {
		eip, err := d.client.AllocateAddress(ctx, a.tags)
		if err != nil {
			return eip, err
		}
		if _, wanted := a.plan.association(ctx, a.config, a.diags); !wanted {
			return eip, nil
		}
		a.plan.ID = types.StringValue(eip.AllocationID)
		associated, err := a.plan.reassociate(ctx, d, a.config, a.diags)
		if err != nil {
			// Nothing is left behind of a create that failed.
			_ = d.client.ReleaseAddress(ctx, eip.AllocationID)
		}
		return associated, err
	},
	update: func(d *providerData, ctx context.Context, a applyStep[eipModel]) (cloud.ElasticIP, error) {
		if _, err := d.client.UpdateElasticIP(ctx, a.plan.ID.ValueString(), a.tags); err != nil {
			return cloud.ElasticIP{}, err
		}
		return a.plan.reassociate(ctx, d, a.config, a.diags)
	},
	get: (*cloud.Client).ElasticIP,
	// As the AWS provider does, an associated address is disassociated
	// before it is released.
	removeByID: func(c *cloud.Client, ctx context.Context, id string) error {
		eip, err := c.ElasticIP(ctx, id)
		if err != nil {
			return err
		}
		if eip.InterfaceAssociationID != "" {
			if err := c.DisassociateAddress(ctx, eip.InterfaceAssociationID); err != nil && !cloud.IsNotFound(err) {
				return err
			}
		}
		return c.ReleaseAddress(ctx, id)
	},
	fill: func(m *eipModel, eip cloud.ElasticIP) {
		m.ID = types.StringValue(eip.AllocationID)
		m.eipAttributes.read(eip)
		m.eipAddresses.read(eip)
		m.Instance, m.NetworkInterface = types.StringValue(eip.InstanceID), types.StringValue(eip.NetworkInterfaceID)
		m.NetworkBorderGroup, m.IPAMPoolID, m.VPC = types.StringValue(eip.Region), types.StringValue(""), types.BoolValue(true)
		// The cloud refuses these, so an address has none.
		m.Address, m.CustomerOwnedIPv4Pool = types.StringNull(), types.StringNull()
		if eip.PrivateIPAddress == "" || m.AssociateWithPrivateIP.IsUnknown() {
			m.AssociateWithPrivateIP = optionalFromCloud(m.AssociateWithPrivateIP, "")
		}
	},
	tagsOf: func(eip cloud.ElasticIP) map[string]string { return eip.Tags },
}

// noOwnAddresses says, of each of aws_eip's arguments for addresses that
// are not Amazon's, what happens to it.
const noOwnAddresses = "The simulated cloud allocates from Amazon's pool only: set, it fails at plan with `UnsupportedOperation`."

func validateEIPDomain(domain string) error {
	if domain == "vpc" {
		return nil
	}
	return &cloud.Error{Code: "InvalidParameterValue", Message: "Value (" + domain + ") for parameter domain is invalid.",
		Fix: "Use vpc: with the retirement of EC2-Classic, standard addresses are no longer supported."}
}
