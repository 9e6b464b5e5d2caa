package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

var (
	_ resource.ResourceWithConfigure   = &eipResource{}
	_ resource.ResourceWithModifyPlan  = &eipResource{}
	_ resource.ResourceWithImportState = &eipResource{}
)

// NewEIPResource returns the simcloud_eip resource.
func NewEIPResource() resource.Resource { return &eipResource{resourceBase{typeName: "_eip"}} }

type eipResource struct{ resourceBase }

type eipModel struct {
	ID            types.String `tfsdk:"id"`
	AllocationID  types.String `tfsdk:"allocation_id"`
	Domain        types.String `tfsdk:"domain"`
	PublicIP      types.String `tfsdk:"public_ip"`
	AssociationID types.String `tfsdk:"association_id"`
	ARN           types.String `tfsdk:"arn"`
	Tags          types.Map    `tfsdk:"tags"`
	TagsAll       types.Map    `tfsdk:"tags_all"`
}

func (r *eipResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An elastic IP address, with the arguments and attributes of `aws_eip`: a public IPv4 address of the account's own, " +
			"which a public NAT gateway uses. Simulated addresses come from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).",
		Attributes: map[string]schema.Attribute{
			"id":            computedID("The allocation ID, `eipalloc-` followed by 17 hexadecimal digits."),
			"allocation_id": computedID("The allocation ID, the same as `id`."),
			"domain": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("vpc"),
				MarkdownDescription: "Always `vpc`: EC2-Classic addresses are retired, as in AWS.",
				Validators:          []validator.String{cloudCheck(validateEIPDomain)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"public_ip": computedID("The public address."),
			"association_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The ID of the address's association with a NAT gateway, or an empty string. As of the last refresh.",
			},
			"arn":      computedID("The address's ARN."),
			"tags":     tagsAttribute(),
			"tags_all": tagsAllAttribute(),
		},
	}
}

func validateEIPDomain(domain string) error {
	if domain == "vpc" {
		return nil
	}
	return &cloud.Error{Code: "InvalidParameterValue", Message: "Value (" + domain + ") for parameter domain is invalid.",
		Fix: "Use vpc: with the retirement of EC2-Classic, standard addresses are no longer supported."}
}

func (r *eipResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan eipModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	plan.TagsAll = r.data.plannedTagsAll(ctx, plan.Tags, &resp.Diagnostics)
	r.data.checkTags(ctx, plan.Tags, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *eipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "AllocateAddress", func(plan *eipModel) error {
		eip, err := r.data.client.AllocateAddress(ctx, tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setEIPState(ctx, plan, eip, &resp.Diagnostics)
		}
		return err
	})
}

func (r *eipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud_eip", "DescribeAddresses", func(m eipModel) string { return m.ID.ValueString() },
		func(m *eipModel) error {
			eip, err := r.data.client.ElasticIP(ctx, m.ID.ValueString())
			if err == nil {
				r.data.setEIPState(ctx, m, eip, &resp.Diagnostics)
			}
			return err
		})
}

func (r *eipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateTags", func(plan *eipModel) error {
		eip, err := r.data.client.UpdateElasticIP(ctx, plan.ID.ValueString(), tagsForCloud(ctx, plan.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.data.setEIPState(ctx, plan, eip, &resp.Diagnostics)
		}
		return err
	})
}

func (r *eipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, "ReleaseAddress", func(state eipModel) error { return r.data.client.ReleaseAddress(ctx, state.ID.ValueString()) })
}

func (r *eipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, cloud.KindElasticIP, req, resp)
}

func (d *providerData) setEIPState(ctx context.Context, m *eipModel, eip cloud.ElasticIP, diags *diag.Diagnostics) {
	m.ID, m.AllocationID = types.StringValue(eip.AllocationID), types.StringValue(eip.AllocationID)
	m.Domain = types.StringValue("vpc")
	m.PublicIP = types.StringValue(eip.PublicIP)
	m.AssociationID = types.StringValue(eip.AssociationID)
	m.ARN = types.StringValue(eip.ARN())
	m.Tags, m.TagsAll = d.tagsFromCloud(ctx, eip.Tags, m.Tags, diags)
}
