package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// taggedObject is the part of a model that every tagged object of the cloud
// has. A model embeds it, and the lifecycle below reaches it through
// tagged.
type taggedObject struct {
	ID      types.String `tfsdk:"id"`
	Tags    types.Map    `tfsdk:"tags"`
	TagsAll types.Map    `tfsdk:"tags_all"`
}

func (o *taggedObject) tagged() *taggedObject { return o }

// modelOf is the constraint that lets generic code reach the taggedObject
// inside a model M.
type modelOf[M any] interface {
	*M
	tagged() *taggedObject
}

// taggedKind describes a resource whose object's only in-place change is its
// tags: every other argument replaces it. The description is all that
// differs between such resources; taggedResource does the rest.
type taggedKind[M, O any] struct {
	// typeName follows the provider's name: "_eip" makes simcloud_eip.
	typeName string
	kind     cloud.Kind
	schema   schema.Schema
	// The AWS operations the calls below stand for, named in refusals.
	createOp, describeOp, deleteOp string
	// The engine's calls take the client first, so that a method
	// expression such as (*cloud.Client).DeleteVPC is one.
	create  func(c *cloud.Client, ctx context.Context, plan *M, tags map[string]string) (O, error)
	get     func(c *cloud.Client, ctx context.Context, id string) (O, error)
	setTags func(c *cloud.Client, ctx context.Context, id string, tags map[string]string) (O, error)
	remove  func(c *cloud.Client, ctx context.Context, id string) error
	// check runs the cloud's rules on the plan; without it, only the tags
	// are checked.
	check func(ctx context.Context, d *providerData, holder cloud.Holder, plan *M, tags map[string]string) error
	// fill copies the object's attributes other than its tags into the
	// model; tagsOf gives its tags.
	fill   func(m *M, o O)
	tagsOf func(O) map[string]string
}

// taggedResource is the resource a taggedKind describes.
type taggedResource[M any, P modelOf[M], O any] struct {
	resourceBase
	taggedKind[M, O]
}

func newTaggedResource[M any, P modelOf[M], O any](k taggedKind[M, O]) resource.Resource {
	return &taggedResource[M, P, O]{resourceBase: resourceBase{typeName: k.typeName}, taggedKind: k}
}

var (
	_ resource.ResourceWithConfigure   = &taggedResource[egressOnlyInternetGatewayModel, *egressOnlyInternetGatewayModel, cloud.EgressOnlyInternetGateway]{}
	_ resource.ResourceWithModifyPlan  = &taggedResource[egressOnlyInternetGatewayModel, *egressOnlyInternetGatewayModel, cloud.EgressOnlyInternetGateway]{}
	_ resource.ResourceWithImportState = &taggedResource[egressOnlyInternetGatewayModel, *egressOnlyInternetGatewayModel, cloud.EgressOnlyInternetGateway]{}
)

func (r *taggedResource[M, P, O]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

func (r *taggedResource[M, P, O]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		r.data.planRemoval(ctx, req.State)
		return
	}
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	o := P(&plan).tagged()
	o.TagsAll = r.data.plannedTagsAll(ctx, o.Tags, &resp.Diagnostics)
	if r.check == nil {
		r.data.checkTags(ctx, o.Tags, &resp.Diagnostics)
	} else {
		holder := r.data.plan.NewHolder()
		if !req.State.Raw.IsNull() {
			holder = cloud.ExistingHolder(o.ID.ValueString())
		}
		if err := r.check(ctx, r.data, holder, &plan, r.data.tagsToCheck(ctx, o.Tags, &resp.Diagnostics)); err != nil {
			addCloudError(&resp.Diagnostics, "plan", err)
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *taggedResource[M, P, O]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, r.createOp, func(plan *M) error {
		obj, err := r.create(r.data.client, ctx, plan, tagsForCloud(ctx, P(plan).tagged().TagsAll, &resp.Diagnostics))
		if err == nil {
			r.setState(ctx, plan, obj, &resp.Diagnostics)
		}
		return err
	})
}

func (r *taggedResource[M, P, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, req, resp, "simcloud"+r.resourceBase.typeName, r.describeOp, func(m M) string { return P(&m).tagged().ID.ValueString() },
		func(m *M) error {
			obj, err := r.get(r.data.client, ctx, P(m).tagged().ID.ValueString())
			if err == nil {
				r.setState(ctx, m, obj, &resp.Diagnostics)
			}
			return err
		})
}

func (r *taggedResource[M, P, O]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics, "CreateTags", func(plan *M) error {
		o := P(plan).tagged()
		obj, err := r.setTags(r.data.client, ctx, o.ID.ValueString(), tagsForCloud(ctx, o.TagsAll, &resp.Diagnostics))
		if err == nil {
			r.setState(ctx, plan, obj, &resp.Diagnostics)
		}
		return err
	})
}

func (r *taggedResource[M, P, O]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteState(ctx, req, resp, r.deleteOp, func(state M) error {
		return r.remove(r.data.client, ctx, P(&state).tagged().ID.ValueString())
	})
}

func (r *taggedResource[M, P, O]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByID(ctx, r.kind, req, resp)
}

func (r *taggedResource[M, P, O]) setState(ctx context.Context, m *M, obj O, diags *diag.Diagnostics) {
	r.fill(m, obj)
	o := P(m).tagged()
	o.Tags, o.TagsAll = r.data.tagsFromCloud(ctx, r.tagsOf(obj), o.Tags, diags)
}
