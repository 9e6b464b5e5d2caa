package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"reflect"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type securityGroupModel struct {
	taggedObject
	securityGroupAttributes
	NamePrefix          types.String `tfsdk:"name_prefix"`
	Ingress             types.Set    `tfsdk:"ingress"`
	Egress              types.Set    `tfsdk:"egress"`
	RevokeRulesOnDelete types.Bool   `tfsdk:"revoke_rules_on_delete"`
}

// securityGroupAttributes are what the simcloud_security_group resource and
// data source both read from a group.
type securityGroupAttributes struct {
	vpcObject
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

func (a *securityGroupAttributes) read(g cloud.SecurityGroup) {
	a.readVPCObject(g.ARN(), g.OwnerID, g.VPCID)
	a.Name, a.Description = types.StringValue(g.GroupName), types.StringValue(g.Description)
}

// defaultGroupDescription is the AWS provider's description of a group that
// is given none.
const defaultGroupDescription = "Managed by Terraform"

// input reads the group as the cloud's rules take it; a direction is managed
// when the configuration sets it.
func (m *securityGroupModel) input(tags map[string]string, ingress, egress types.Set) cloud.SecurityGroupInput {
	return cloud.SecurityGroupInput{
		VPCID: plannedID(m.VPCID, cloud.KindVPC), GroupName: planned(m.Name), Description: planned(m.Description), Tags: tags,
		Ingress: sgRules(m.Ingress), Egress: sgRules(m.Egress), ManageIngress: !ingress.IsNull(), ManageEgress: !egress.IsNull(),
	}
}

// uniqueGroupName makes a name as the AWS provider does for a group given
// no name: the prefix ("terraform-" by default) and a 26-character suffix
// of the time and randomness, so that names never collide.
func uniqueGroupName(prefix string) string {
	if prefix == "" {
		prefix = "terraform-"
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("provider: no randomness: " + err.Error())
	}
	now := time.Now().UTC()
	return prefix + now.Format("20060102150405") + now.Format(".00")[1:] + hex.EncodeToString(b[:])[:10]
}

var securityGroupKind = resourceKind[securityGroupModel, cloud.SecurityGroup]{
	kind: cloud.KindSecurityGroup,
	schema: schema.Schema{
		MarkdownDescription: "A security group, with the arguments and attributes of `aws_security_group`: a stateful filter on the traffic of what is placed in it.",
		Attributes: map[string]schema.Attribute{
			"arn":      computedID("The group's ARN."),
			"owner_id": computedID("The ID of the account that owns the group."),
			"vpc_id": optionalComputedReplacing("The VPC of the group. Left out, the region's default VPC, as AWS does; where the region has none, "+
				"the plan fails with `VPCIdNotSpecified`. Changing it replaces the group.", idCheck(cloud.KindVPC)),
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				PlanModifiers: replaceOnChangeKeepState,
				MarkdownDescription: "The group's name, unique in its VPC, at most 255 characters, neither `default` nor starting with `sg-`. " +
					"Without it (or `name_prefix`) the name is `terraform-` and a unique suffix. Changing it replaces the group.",
			},
			"name_prefix": schema.StringAttribute{
				Optional: true, PlanModifiers: replaceOnChange,
				MarkdownDescription: "Makes a unique name that starts with this prefix. Conflicts with `name`. Changing it replaces the group.",
			},
			"description": defaultedReplacing(defaultGroupDescription,
				"The group's description, at most 255 characters; `Managed by Terraform` by default. Changing it replaces the group."),
			"ingress":                inlineSecurityGroupRulesAttribute("ingress"),
			"egress":                 inlineSecurityGroupRulesAttribute("egress"),
			"revoke_rules_on_delete": optionalBool(false, "Revoke the group's rules before deleting it, so that groups whose rules refer to each other can be deleted. Default `false`."),
		},
	},
	updateOp:    "AuthorizeSecurityGroupIngress",
	errorFields: map[string]string{"vpc_id": "vpc_id", "name": "name", "description": "description", "ingress": "ingress", "egress": "egress", "tags_all": "tags_all"},
	create: func(d *providerData, ctx context.Context, a applyStep[securityGroupModel]) (cloud.SecurityGroup, error) {
		if a.plan.Name.IsUnknown() || a.plan.Name.IsNull() {
			a.plan.Name = types.StringValue(uniqueGroupName(a.plan.NamePrefix.ValueString()))
		}
		in := a.plan.input(a.tags, a.plan.Ingress, a.plan.Egress)
		in.VPCID = configuredOrKnownID(ctx, a.config, "vpc_id", a.plan.VPCID, cloud.KindVPC, a.diags)
		// As the AWS provider does, a new group loses AWS's default
		// outbound rule unless the configuration has it.
		in.ManageIngress, in.ManageEgress = true, true
		return d.client.CreateSecurityGroup(ctx, in)
	},
	get: (*cloud.Client).SecurityGroup,
	update: func(d *providerData, ctx context.Context, a applyStep[securityGroupModel]) (cloud.SecurityGroup, error) {
		ingress, egress := configuredRules(ctx, a.config, a.diags)
		return d.client.UpdateSecurityGroup(ctx, a.plan.ID.ValueString(), a.plan.input(a.tags, ingress, egress))
	},
	remove: func(c *cloud.Client, ctx context.Context, state *securityGroupModel) error {
		if state.RevokeRulesOnDelete.ValueBool() {
			return c.RevokeAndDeleteSecurityGroup(ctx, state.ID.ValueString())
		}
		return c.DeleteSecurityGroup(ctx, state.ID.ValueString())
	},
	check: func(ctx context.Context, d *providerData, p planStep[securityGroupModel]) error {
		ingress, egress := configuredRules(ctx, p.config, p.diags)
		if p.state == nil {
			// A new group has exactly the configured rules: none in a
			// direction left out, AWS's default outbound rule included.
			empty := sgRulesFromCloud(cloud.SecurityGroup{}, false, types.SetNull(sgRuleObjectType()), p.diags)
			if ingress.IsNull() {
				p.plan.Ingress = empty
			}
			if egress.IsNull() {
				p.plan.Egress = empty
			}
		}
		in := p.plan.input(p.tags, ingress, egress)
		in.VPCID = configuredOrKnownID(ctx, p.config, "vpc_id", p.plan.VPCID, cloud.KindVPC, p.diags)
		stateID, change := "", unchanged
		if state := p.state; state != nil {
			stateID = state.ID.ValueString()
			replacing := !p.plan.VPCID.Equal(state.VPCID) || !p.plan.Name.Equal(state.Name) || !p.plan.Description.Equal(state.Description)
			change = changeOf(replacing, reflect.DeepEqual(in, state.input(p.tags, ingress, egress)) && p.plan.TagsAll.Equal(state.TagsAll))
		}
		key := strings.Join([]string{"simcloud_security_group", in.VPCID, in.GroupName}, "|")
		description := "the simcloud_security_group planned in this configuration with name " + in.GroupName + " in " + in.VPCID
		return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
			return d.client.CheckSecurityGroup(ctx, d.plan, holder, in, selfID)
		})
	},
	fillReporting: func(m *securityGroupModel, g cloud.SecurityGroup, diags *diag.Diagnostics) {
		m.ID = types.StringValue(g.ID)
		m.read(g)
		m.Ingress = sgRulesFromCloud(g, false, m.Ingress, diags)
		m.Egress = sgRulesFromCloud(g, true, m.Egress, diags)
		m.RevokeRulesOnDelete = providerFlag(m.RevokeRulesOnDelete)
	},
	tagsOf:           func(g cloud.SecurityGroup) map[string]string { return g.Tags },
	advise:           adviseOn(cloud.SecurityGroupAdvice),
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckNameArguments, "name", "name_prefix")},
}
