package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// subnetGroupModel is what the subnet groups of RDS, ElastiCache and
// Redshift share; each service's model embeds it and adds its own.
type subnetGroupModel struct {
	taggedObject
	ARN         types.String `tfsdk:"arn"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	SubnetIDs   types.Set    `tfsdk:"subnet_ids"`
}

func (m *subnetGroupModel) group() *subnetGroupModel { return m }

// fillService sets the attributes that only some services' groups have;
// their models shadow it.
func (m *subnetGroupModel) fillService(cloud.SubnetGroup, *diag.Diagnostics) {}

// namePrefix is the configured name_prefix, null for a service without one.
func (m *subnetGroupModel) namePrefix() types.String { return types.StringNull() }

type subnetGroupModelOf[M any] interface {
	modelOf[M]
	group() *subnetGroupModel
	fillService(g cloud.SubnetGroup, diags *diag.Diagnostics)
	namePrefix() types.String
}

// subnetGroupService is what a service's resource says of itself; the rest
// of the three resources is subnetGroupResource, written once.
type subnetGroupService struct {
	kind cloud.Kind
	// about is the resource's summary; aws names the AWS provider's type.
	about, aws string
	// namePrefix says that the name is optional and may be made from
	// name_prefix, as for aws_db_subnet_group; else it is required.
	namePrefix bool
	// attributes are the service's own.
	attributes map[string]schema.Attribute
}

// defaultSubnetGroupDescription is the AWS provider's description of a
// group given none, for each of the three.
const defaultSubnetGroupDescription = "Managed by Terraform"

func subnetGroupResource[M any, P subnetGroupModelOf[M]](svc subnetGroupService) resourceKind[M, cloud.SubnetGroup] {
	kind := svc.kind
	names, _ := cloud.Naming(kind)
	nameAttribute := requiredReplacing("The group's name, unique among the account's "+names.Label+"s in the region; it is the group's ID. Changing it replaces the group.",
		cloudCheck(func(v string) error { return cloud.ValidateSubnetGroupName(kind, v, "name", false) }))
	attributes := map[string]schema.Attribute{
		"id":  computedID("The group's name."),
		"arn": computedID("The group's ARN."),
		"description": schema.StringAttribute{
			Optional: true, Computed: true, Default: stringdefault.StaticString(defaultSubnetGroupDescription),
			MarkdownDescription: "The group's description; `" + defaultSubnetGroupDescription + "` by default. Changed in place.",
		},
		"subnet_ids": schema.SetAttribute{
			ElementType: types.StringType, Required: true,
			MarkdownDescription: "The subnets of the group: at least one, all of one VPC. Changed in place; a subnet in a group cannot be deleted.",
			Validators:          []validator.Set{subnetIDsValidator{plainDescription: "at least one subnet ID, each of the form subnet-...", kind: kind}},
		},
	}
	if svc.namePrefix {
		nameAttribute.Required, nameAttribute.Optional, nameAttribute.Computed = false, true, true
		nameAttribute.PlanModifiers = replaceOnChangeKeepState
		nameAttribute.MarkdownDescription += " Without it (or `name_prefix`) the name is `terraform-` and a unique suffix."
		attributes["name_prefix"] = schema.StringAttribute{
			Optional: true, Computed: true,
			PlanModifiers:       replaceOnChangeKeepState,
			MarkdownDescription: "Makes a unique name that starts with this prefix. Conflicts with `name`. Changing it replaces the group.",
			Validators:          []validator.String{cloudCheck(func(v string) error { return cloud.ValidateSubnetGroupName(kind, v, "name_prefix", true) })},
		}
	}
	attributes["name"] = nameAttribute
	for name, a := range svc.attributes {
		attributes[name] = a
	}
	k := resourceKind[M, cloud.SubnetGroup]{
		kind: kind,
		schema: schema.Schema{
			MarkdownDescription: svc.about + ", with the arguments and attributes of `" + svc.aws + "`. Import it by its name.",
			Attributes:          attributes,
		},
		errorFields: map[string]string{"name": "name", "name_prefix": "name_prefix", "subnet_ids": "subnet_ids", "tags_all": "tags_all"},
		create: func(d *providerData, ctx context.Context, a applyStep[M]) (cloud.SubnetGroup, error) {
			g := P(a.plan).group()
			if g.Name.IsUnknown() || g.Name.IsNull() {
				g.Name = types.StringValue(uniqueGroupName(P(a.plan).namePrefix().ValueString()))
			}
			return d.client.CreateSubnetGroup(ctx, kind, subnetGroupInput(g, a.tags))
		},
		get: func(c *cloud.Client, ctx context.Context, name string) (cloud.SubnetGroup, error) {
			return c.SubnetGroup(ctx, kind, name)
		},
		update: func(d *providerData, ctx context.Context, a applyStep[M]) (cloud.SubnetGroup, error) {
			g := P(a.plan).group()
			return d.client.UpdateSubnetGroup(ctx, kind, g.ID.ValueString(), subnetGroupInput(g, a.tags))
		},
		removeByID: func(c *cloud.Client, ctx context.Context, name string) error {
			return c.DeleteSubnetGroup(ctx, kind, name)
		},
		check: func(ctx context.Context, d *providerData, p planStep[M]) error {
			plan := P(p.plan).group()
			in := subnetGroupInput(plan, p.tags)
			stateID, change := "", unchanged
			if p.state != nil {
				state := P(p.state).group()
				stateID = state.ID.ValueString()
				change = changeOf(!plan.Name.Equal(state.Name), plan.Description.Equal(state.Description) &&
					plan.SubnetIDs.Equal(state.SubnetIDs) && plan.TagsAll.Equal(state.TagsAll))
			}
			key := strings.Join([]string{names.TypeName, in.Name}, "|")
			description := "the simcloud_" + names.TypeName + " planned in this configuration with name " + in.Name
			return d.checkPlanned(key, description, stateID, change, func(holder cloud.Holder, selfID string) error {
				return d.client.CheckSubnetGroup(ctx, d.plan, holder, kind, in, selfID == "" || change == replaced)
			})
		},
		fillReporting: func(m *M, g cloud.SubnetGroup, diags *diag.Diagnostics) {
			model := P(m).group()
			model.ID, model.ARN = types.StringValue(g.Name), types.StringValue(g.ARN)
			// A service that keeps names lowercased (ElastiCache) still
			// has the name as configured, as the AWS provider's state does.
			if !strings.EqualFold(model.Name.ValueString(), g.Name) {
				model.Name = types.StringValue(g.Name)
			}
			model.Description = types.StringValue(g.Description)
			model.SubnetIDs = setOfStrings(g.SubnetIDs, diags)
			P(m).fillService(g, diags)
		},
		tagsOf: func(g cloud.SubnetGroup) map[string]string { return g.Tags },
		importState: func(ctx context.Context, _ *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
			if err := cloud.ValidateSubnetGroupName(kind, req.ID, "name", false); err != nil {
				addImportIDError(&resp.Diagnostics, "simcloud_"+names.TypeName+" is imported by its name. ", err)
				return
			}
			resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
		},
	}
	if svc.namePrefix {
		k.configValidators = []resource.ConfigValidator{argumentsCheck(cloud.CheckNameArguments, "name", "name_prefix")}
	}
	return k
}

// subnetGroupInput reads a group's model as the cloud's rules take it: a
// value known only after apply is cloud.Unknown.
func subnetGroupInput(m *subnetGroupModel, tags map[string]string) cloud.SubnetGroupInput {
	in := cloud.SubnetGroupInput{Name: planned(m.Name), Description: planned(m.Description), Tags: tags}
	if m.SubnetIDs.IsUnknown() {
		in.SubnetIDs = []string{cloud.UnknownID(cloud.KindSubnet)}
		return in
	}
	for _, e := range m.SubnetIDs.Elements() {
		if s, ok := e.(types.String); ok {
			in.SubnetIDs = append(in.SubnetIDs, plannedID(s, cloud.KindSubnet))
		}
	}
	return in
}

func setOfStrings(values []string, diags *diag.Diagnostics) types.Set {
	elements := make([]attr.Value, len(values))
	for i, v := range values {
		elements[i] = types.StringValue(v)
	}
	set, ds := types.SetValue(types.StringType, elements)
	diags.Append(ds...)
	return set
}

// subnetIDsValidator checks a group's subnet_ids with the cloud's own check,
// so that an empty list or a malformed ID gets the service's refusal.
type subnetIDsValidator struct {
	plainDescription
	kind cloud.Kind
}

func (v subnetIDsValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var ids []string
	for _, e := range req.ConfigValue.Elements() {
		if s, ok := e.(types.String); ok {
			ids = append(ids, plannedID(s, cloud.KindSubnet))
		}
	}
	if err := cloud.ValidateSubnetGroupSubnets(v.kind, ids); err != nil {
		addValueError(&resp.Diagnostics, req.Path, err)
	}
}
