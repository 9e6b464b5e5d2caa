package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type defaultNetworkACLModel struct {
	networkACLModel
	DefaultNetworkACLID types.String `tfsdk:"default_network_acl_id"`
}

const defaultACLRulesLeftOut = "Left out, as with the AWS provider, the ACL has no such rules but the `*` ones."

// Destroying the resource only forgets the ACL: a VPC's default ACL goes
// with the VPC.
var defaultNetworkACLKind = resourceKind[defaultNetworkACLModel, cloud.NetworkACL]{
	typeName: "_default_network_acl",
	kind:     cloud.KindNetworkACL,
	schema: schema.Schema{
		MarkdownDescription: "Adopts a VPC's default network ACL, as `aws_default_network_acl` does: its rules become exactly the configured ones " +
			"(none in a direction left out), and the subnets listed are associated with it; destroying it only forgets the ACL, which lives as long as its VPC.",
		Attributes: map[string]schema.Attribute{
			"id":                     computedID("The ACL's ID."),
			"default_network_acl_id": replacingReference(cloud.KindNetworkACL, "The ID of the VPC's default ACL: the VPC's `default_network_acl_id`. Changing it replaces the resource."),
			"arn":                    computedID("The ACL's ARN."),
			"owner_id":               computedID("The ID of the account that owns the ACL."),
			"vpc_id":                 computedID("The VPC of the ACL."),
			"subnet_ids": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				MarkdownDescription: "Subnets of the VPC to associate with the ACL, taking them from the ACL they are associated with. Every subnet that no " +
					"other ACL takes is associated with the default ACL, and, as with the AWS provider, taking a subnet out of the list does not take it " +
					"away: associate it with another ACL (or destroy it), or the next plan shows it again. Leave it out to read the associations without managing them.",
				PlanModifiers: keepSetState,
			},
			"ingress": aclEntriesAttribute("ingress", defaultACLRulesLeftOut),
			"egress":  aclEntriesAttribute("egress", defaultACLRulesLeftOut),
		},
	},
	createOp:    "ReplaceNetworkAclEntry",
	describeOp:  "DescribeNetworkAcls",
	updateOp:    "ReplaceNetworkAclEntry",
	errorFields: map[string]string{"tags_all": "tags_all", "subnet_ids": "subnet_ids", "ingress": "ingress", "egress": "egress", "default_network_acl_id": "default_network_acl_id"},
	create:      adoptDefaultNetworkACL,
	get:         cloud.Describe[cloud.NetworkACL],
	update:      adoptDefaultNetworkACL,
	check: func(ctx context.Context, d *providerData, p planStep[defaultNetworkACLModel]) error {
		// The default ACL's rules are always managed: a direction left out
		// has none.
		p.plan.noneWhereNotConfigured(ctx, p.config, p.diags, "ingress", "egress")
		in := networkACLInput(ctx, &p.plan.networkACLModel, p.config, p.tags, p.diags)
		allProtocolsWithPorts(in.Entries, p.diags, func(spec cloud.NetworkACLEntrySpec) path.Path { return path.Root(direction(spec.Egress)) })
		aclID, holder := plannedID(p.plan.DefaultNetworkACLID, cloud.KindNetworkACL), p.holder
		if cloud.IsKnown(aclID) {
			holder = cloud.ExistingHolder(aclID)
			if in.ManageSubnets {
				warnSubnetsStaying(ctx, d, aclID, in.SubnetIDs, p.diags)
			}
		}
		return d.client.CheckDefaultNetworkACL(ctx, d.plan, holder, aclID, in)
	},
	fillReporting: func(m *defaultNetworkACLModel, acl cloud.NetworkACL, diags *diag.Diagnostics) {
		networkACLKind.fillReporting(&m.networkACLModel, acl, diags)
		m.DefaultNetworkACLID = types.StringValue(acl.ID)
	},
	tagsOf: networkACLKind.tagsOf,
	advise: networkACLKind.advise,
	// Only a default ACL is imported, as the AWS provider does.
	importState: func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
		importDefault(ctx, req, resp, "DescribeNetworkAcls", "Cannot import a network ACL that is not a default one",
			func(id string) (cloud.NetworkACL, error) { return cloud.Describe[cloud.NetworkACL](d.client, ctx, id) },
			func(acl cloud.NetworkACL) string {
				return unlessDefault(acl.Default, fmt.Sprintf("%s is not the default network ACL of %s: manage it with simcloud_network_acl.", acl.ID, acl.VPCID))
			},
			func(acl cloud.NetworkACL) map[string]string {
				return map[string]string{"id": acl.ID, "default_network_acl_id": acl.ID}
			})
	},
}

func adoptDefaultNetworkACL(d *providerData, ctx context.Context, a applyStep[defaultNetworkACLModel]) (cloud.NetworkACL, error) {
	in := networkACLInput(ctx, &a.plan.networkACLModel, a.config, a.tags, a.diags)
	acl, err := d.client.AdoptDefaultNetworkACL(ctx, a.plan.DefaultNetworkACLID.ValueString(), in)
	if err == nil && in.ManageSubnets {
		// A subnet left out of the list stays (see warnSubnetsStaying); the
		// apply records the list as planned, and the next refresh finds it.
		acl.Associations = slices.DeleteFunc(acl.Associations, func(a cloud.NetworkACLAssociation) bool {
			return !slices.Contains(in.SubnetIDs, a.SubnetID)
		})
	}
	return acl, err
}

// warnSubnetsStaying warns that the subnets of the default ACL that the
// configuration leaves out stay with it: AWS has no call that takes a subnet
// from its ACL other than giving it another, and the AWS provider does
// nothing for them either, so they show in every plan until another ACL
// takes them.
func warnSubnetsStaying(ctx context.Context, d *providerData, aclID string, listed []string, diags *diag.Diagnostics) {
	acl, err := cloud.Describe[cloud.NetworkACL](d.client, ctx, aclID)
	if err != nil {
		// The check that follows reports it.
		return
	}
	for _, a := range acl.Associations {
		if !slices.Contains(listed, a.SubnetID) {
			diags.AddAttributeWarning(path.Root("subnet_ids"), "A subnet stays with the default network ACL",
				fmt.Sprintf("%s is associated with %s, the default ACL of %s, but is not in subnet_ids. A subnet is taken from the default ACL only by "+
					"associating it with another ACL (simcloud_network_acl's subnet_ids or simcloud_network_acl_association): unless this configuration "+
					"does so, %s stays, and the next plan shows it again. List it, associate it elsewhere, or add lifecycle { ignore_changes = [subnet_ids] }.",
					a.SubnetID, aclID, acl.VPCID, a.SubnetID))
		}
	}
}
