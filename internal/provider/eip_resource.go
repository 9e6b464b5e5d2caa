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
	PrivateIP              types.String `tfsdk:"private_ip"`
	PrivateDNS             types.String `tfsdk:"private_dns"`
	PublicDNS              types.String `tfsdk:"public_dns"`
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
		},
	},
	configValidators: []resource.ConfigValidator{
		argumentChoice(false, "instance", "network_interface"),
	},
	check: func(ctx context.Context, d *providerData, p planStep[eipModel]) error {
		d.checkTags(ctx, p.plan.Tags, p.diags)
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
		m.read(eip)
		m.Instance, m.NetworkInterface = types.StringValue(eip.InstanceID), types.StringValue(eip.NetworkInterfaceID)
		m.PrivateIP = types.StringValue(eip.PrivateIPAddress)
		m.PrivateDNS = types.StringValue(cloud.PrivateDNSName(eip.Region, eip.PrivateIPAddress))
		m.PublicDNS = types.StringValue(cloud.PublicDNSName(eip.Region, eip.PublicIP))
		if eip.PrivateIPAddress == "" || m.AssociateWithPrivateIP.IsUnknown() {
			m.AssociateWithPrivateIP = optionalFromCloud(m.AssociateWithPrivateIP, "")
		}
	},
	tagsOf: func(eip cloud.ElasticIP) map[string]string { return eip.Tags },
}

func validateEIPDomain(domain string) error {
	if domain == "vpc" {
		return nil
	}
	return &cloud.Error{Code: "InvalidParameterValue", Message: "Value (" + domain + ") for parameter domain is invalid.",
		Fix: "Use vpc: with the retirement of EC2-Classic, standard addresses are no longer supported."}
}
