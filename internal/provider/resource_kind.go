package provider

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// objectID is the part of a model that every regional resource has. A
// model embeds it, or taggedObject for an object that carries tags (or
// globalObject and globalTaggedObject for the kinds AWS keeps outside any
// region, as IAM's), and the lifecycle below reaches them through the
// methods of modelOf.
type objectID struct {
	globalObject
	// Region is the AWS provider 6 argument: the object lives in that
	// region's part of the cloud, the provider's region unless set.
	Region types.String `tfsdk:"region"`
}

func (o *objectID) region() *types.String { return &o.Region }

// globalObject is the ID of an object that lives in no region: region is
// nil, so the lifecycle adds no region argument and acts in the provider's
// region.
type globalObject struct {
	ID types.String `tfsdk:"id"`
	// Timeouts is the AWS provider's timeouts block, accepted so that
	// configurations that set it port; every operation here is instant.
	Timeouts types.Object `tfsdk:"timeouts"`
}

func (o *globalObject) identity() *types.String { return &o.ID }

func (o *globalObject) region() *types.String { return nil }

// tagged is nil for an object without tags; the tagged models shadow it.
func (o *globalObject) tagged() *tagSet { return nil }

// tagSet is the tags of a model that has them.
type tagSet struct {
	Tags    types.Map `tfsdk:"tags"`
	TagsAll types.Map `tfsdk:"tags_all"`
}

type taggedObject struct {
	objectID
	tagSet
}

func (o *taggedObject) tagged() *tagSet { return &o.tagSet }

type globalTaggedObject struct {
	globalObject
	tagSet
}

func (o *globalTaggedObject) tagged() *tagSet { return &o.tagSet }

// modelOf is the constraint that lets generic code reach the parts above
// inside a model M.
type modelOf[M any] interface {
	*M
	identity() *types.String
	region() *types.String
	tagged() *tagSet
}

// planStep is what a resource's plan check is given: the planned model
// (which it may complete), the state (nil when the object is new), the
// configuration, the holder of the claims the object makes on the cloud, and
// the tags the cloud's rules count.
type planStep[M any] struct {
	plan, state *M
	config      tfsdk.Config
	holder      cloud.Holder
	tags        map[string]string
	diags       *diag.Diagnostics
}

// applyStep is what a resource's create or update is given: the planned
// model, the tags the object is to carry (the default tags included), and
// the configuration.
type applyStep[M any] struct {
	plan   *M
	tags   map[string]string
	config tfsdk.Config
	diags  *diag.Diagnostics
}

// resourceKind describes a resource: what differs between resources and
// nothing else. describedResource does the rest, the same way for every
// resource: the plan check and its claims, drift (an object gone from the
// cloud is planned for creation again, with a warning), the AWS operation
// a refusal names, import, and the tags with the provider's default tags.
type resourceKind[M, O any] struct {
	// typeName follows the provider's name: "_eip" makes simcloud_eip. It
	// defaults to the type name the registry of kinds gives kind.
	typeName string
	// kind is the kind of the object; import takes its ID unless
	// importState says otherwise.
	kind cloud.Kind
	// schema is the resource's own attributes: id, and tags and tags_all
	// for a tagged model, are added unless it has them.
	schema schema.Schema
	// The AWS operations the calls below stand for, named in refusals.
	// Those left out are the registry's operations on kind.
	createOp, describeOp, updateOp, deleteOp string
	// errorFields, when set, maps the fields of the cloud's errors to the
	// attributes that hold them (see addCloudErrorOn).
	errorFields map[string]string

	create func(d *providerData, ctx context.Context, a applyStep[M]) (O, error)
	// get reads the object by ID, or read by the whole state. The engine's
	// calls take the client first, so that a method expression such as
	// (*cloud.Client).VPC is one.
	get  func(c *cloud.Client, ctx context.Context, id string) (O, error)
	read func(c *cloud.Client, ctx context.Context, state *M) (O, error)
	// update changes the object in place; without it, the only change in
	// place is of the tags, through setTags.
	update  func(d *providerData, ctx context.Context, a applyStep[M]) (O, error)
	setTags func(c *cloud.Client, ctx context.Context, id string, tags map[string]string) (O, error)
	// removeByID deletes the object by ID, or remove by the whole state;
	// without either, destroying the resource only forgets the object.
	removeByID func(c *cloud.Client, ctx context.Context, id string) error
	remove     func(c *cloud.Client, ctx context.Context, state *M) error
	// removing names the objects, besides the object itself, that its
	// destroy takes out of the way of other objects' rules.
	removing func(state *M) []string
	// check runs the cloud's rules on the plan; without it, only the tags
	// are checked.
	check func(ctx context.Context, d *providerData, p planStep[M]) error
	// fill copies the object's attributes other than its tags into the
	// model; fillReporting does instead where building a value (a set, a
	// list) can fail, saying why on diags. tagsOf gives the object's tags,
	// for a kind that has them.
	fill          func(m *M, o O)
	fillReporting func(m *M, o O, diags *diag.Diagnostics)
	tagsOf        func(O) map[string]string
	// advise adds the cloud's advice on the object to a refresh.
	advise func(ctx context.Context, d *providerData, o O, diags *diag.Diagnostics)
	// importState replaces the import by the kind's ID.
	importState      func(ctx context.Context, d *providerData, req resource.ImportStateRequest, resp *resource.ImportStateResponse)
	configValidators []resource.ConfigValidator
	// codec converts the model; newResource makes it, one per resource type.
	codec *modelCodec[M]
}

// describedResource is the resource a resourceKind describes.
type describedResource[M any, P modelOf[M], O any] struct {
	resourceKind[M, O]
	data *providerData
}

// newResource is the factory the provider lists for a resource kind.
func newResource[M any, P modelOf[M], O any](k resourceKind[M, O]) func() resource.Resource {
	k.completeFromRegistry(P(new(M)).tagged() != nil, P(new(M)).region() != nil)
	k.codec = newModelCodec[M](k.schema)
	return func() resource.Resource {
		return &describedResource[M, P, O]{resourceKind: k}
	}
}

var (
	_ resource.ResourceWithConfigure        = &describedResource[vpcResourceModel, *vpcResourceModel, cloud.VPC]{}
	_ resource.ResourceWithModifyPlan       = &describedResource[vpcResourceModel, *vpcResourceModel, cloud.VPC]{}
	_ resource.ResourceWithImportState      = &describedResource[vpcResourceModel, *vpcResourceModel, cloud.VPC]{}
	_ resource.ResourceWithConfigValidators = &describedResource[vpcResourceModel, *vpcResourceModel, cloud.VPC]{}
)

// completeFromRegistry fills in what the registry of kinds says of the
// resource's kind, where the description leaves it out.
func (k *resourceKind[M, O]) completeFromRegistry(tagged, regional bool) {
	names, _ := cloud.Naming(k.kind)
	k.typeName = cmp.Or(k.typeName, "_"+names.TypeName)
	k.createOp = cmp.Or(k.createOp, names.CreateOp)
	k.describeOp = cmp.Or(k.describeOp, names.DescribeOp)
	k.deleteOp = cmp.Or(k.deleteOp, names.DeleteOp)
	k.schema.Attributes = maps.Clone(k.schema.Attributes)
	if _, ok := k.schema.Attributes["id"]; !ok {
		k.schema.Attributes["id"] = computedID(fmt.Sprintf("The %s's ID, `%s-` followed by 17 hexadecimal digits.", names.Label, k.kind.Prefix))
	}
	if regional {
		k.schema.Attributes["region"] = regionArgument()
	}
	k.schema.Blocks = maps.Clone(k.schema.Blocks)
	if k.schema.Blocks == nil {
		k.schema.Blocks = map[string]schema.Block{}
	}
	k.schema.Blocks["timeouts"] = timeoutsBlock()
	if _, ok := k.schema.Attributes["tags"]; tagged && !ok {
		k.schema.Attributes["tags"] = tagsAttribute()
		k.schema.Attributes["tags_all"] = tagsAllAttribute()
	}
}

func (r *describedResource[M, P, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.typeName
}

func (r *describedResource[M, P, O]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (r *describedResource[M, P, O]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

func (r *describedResource[M, P, O]) ConfigValidators(context.Context) []resource.ConfigValidator {
	return r.configValidators
}

func (r *describedResource[M, P, O]) addError(diags *diag.Diagnostics, operation string, err error) {
	if r.errorFields != nil {
		addCloudErrorOn(diags, operation, err, r.errorFields)
		return
	}
	addCloudError(diags, operation, err)
}

func (r *describedResource[M, P, O]) forgetsOnDestroy() bool {
	return r.removeByID == nil && r.remove == nil
}

func (r *describedResource[M, P, O]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil {
		return
	}
	if req.Plan.Raw.IsNull() {
		if r.forgetsOnDestroy() {
			return
		}
		var also []string
		if r.removing != nil {
			var state M
			resp.Diagnostics.Append(r.codec.read(ctx, req.State.Raw, &state, req.State.Get)...)
			also = r.removing(&state)
		}
		r.data.planRemoval(ctx, req.State, also...)
		return
	}
	if r.data.destroying {
		// The normal plan a destroy makes first to refresh the state:
		// Terraform discards its creates and updates, so no rule of theirs
		// runs.
		return
	}
	if unchanged, ok := unchangedPlan(req.Config.Raw, req.Plan.Raw, req.State.Raw); ok {
		req.Plan.Raw, resp.Plan.Raw = unchanged, unchanged
	}
	var plan M
	resp.Diagnostics.Append(r.codec.read(ctx, req.Plan.Raw, &plan, req.Plan.Get)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d, ok := r.data.inRegion(P(&plan).region(), &resp.Diagnostics)
	if !ok {
		return
	}
	step := planStep[M]{plan: &plan, config: req.Config, holder: d.plan.NewHolder(), diags: &resp.Diagnostics}
	if !req.State.Raw.IsNull() {
		step.state = new(M)
		resp.Diagnostics.Append(r.codec.read(ctx, req.State.Raw, step.state, req.State.Get)...)
		step.holder = cloud.ExistingHolder(P(step.state).identity().ValueString())
	}
	if o := P(&plan).tagged(); o != nil {
		o.TagsAll = d.plannedTagsAll(ctx, o.Tags, &resp.Diagnostics)
		if r.check == nil {
			d.checkTags(ctx, o.Tags, &resp.Diagnostics)
		} else {
			step.tags = d.tagsToCheck(ctx, o.Tags, &resp.Diagnostics)
		}
	}
	if r.check != nil {
		if err := r.check(ctx, d, step); err != nil {
			r.addError(&resp.Diagnostics, "plan", err)
		}
	}
	resp.Diagnostics.Append(r.codec.write(ctx, &plan, &resp.Plan.Raw, resp.Plan.Set)...)
}

// applied is a resource's Create or Update: apply makes the cloud match the
// planned model, whose attributes then become what the cloud holds.
func (r *describedResource[M, P, O]) applied(ctx context.Context, req tfsdk.Plan, config tfsdk.Config, state *tfsdk.State, diags *diag.Diagnostics,
	operation string, apply func(d *providerData, ctx context.Context, a applyStep[M]) (O, error)) {
	var plan M
	diags.Append(r.codec.read(ctx, req.Raw, &plan, req.Get)...)
	if diags.HasError() {
		return
	}
	d, ok := r.data.inRegion(P(&plan).region(), diags)
	if !ok {
		return
	}
	a := applyStep[M]{plan: &plan, config: config, diags: diags}
	if o := P(&plan).tagged(); o != nil {
		a.tags = d.tagsForCloud(ctx, o.Tags, diags)
	}
	obj, err := apply(d, ctx, a)
	if err != nil {
		r.addError(diags, operation, err)
		return
	}
	r.setState(ctx, d, &plan, obj, true, diags)
	diags.Append(r.codec.write(ctx, &plan, &state.Raw, state.Set)...)
}

func (r *describedResource[M, P, O]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applied(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics, r.createOp, r.create)
}

func (r *describedResource[M, P, O]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if r.update == nil && r.setTags == nil {
		// Every argument replaces the object, so Terraform never updates it;
		// were it asked to, the plan is what there is.
		resp.State.Raw = req.Plan.Raw
		return
	}
	if r.update != nil {
		r.applied(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics, r.updateOp, r.update)
		return
	}
	r.applied(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics, "CreateTags",
		func(d *providerData, ctx context.Context, a applyStep[M]) (O, error) {
			return r.setTags(d.client, ctx, P(a.plan).identity().ValueString(), a.tags)
		})
}

func (r *describedResource[M, P, O]) readObject(ctx context.Context, d *providerData, m *M) (O, error) {
	if r.read != nil {
		return r.read(d.client, ctx, m)
	}
	return r.get(d.client, ctx, P(m).identity().ValueString())
}

func (r *describedResource[M, P, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	refreshState(ctx, r.codec, req, resp, "simcloud"+r.typeName, r.describeOp, func(m M) string { return P(&m).identity().ValueString() },
		func(m *M) error {
			d, ok := r.data.inRegion(P(m).region(), &resp.Diagnostics)
			if !ok {
				return nil
			}
			obj, err := r.readObject(ctx, d, m)
			if err == nil {
				r.setState(ctx, d, m, obj, false, &resp.Diagnostics)
				if r.advise != nil {
					r.advise(ctx, d, obj, &resp.Diagnostics)
				}
			}
			return err
		})
}

func (r *describedResource[M, P, O]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.forgetsOnDestroy() {
		return
	}
	deleteState(ctx, r.codec, req, resp, r.deleteOp, func(state M) error {
		d, ok := r.data.inRegion(P(&state).region(), &resp.Diagnostics)
		if !ok {
			return nil
		}
		if r.remove != nil {
			return r.remove(d.client, ctx, &state)
		}
		return r.removeByID(d.client, ctx, P(&state).identity().ValueString())
	})
}

// ImportState takes the import ID the kind takes, or, as the AWS provider
// 6 does, that ID followed by @ and the region the object lives in.
func (r *describedResource[M, P, O]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	d := r.data
	if id, region, found := strings.Cut(req.ID, "@"); found {
		var ok bool
		named := types.StringValue(region)
		if d, ok = r.data.inRegion(&named, &resp.Diagnostics); !ok {
			return
		}
		req.ID = id
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("region"), region)...)
	}
	if r.importState != nil {
		r.importState(ctx, d, req, resp)
		return
	}
	importByID(ctx, r.kind, req, resp)
}

// setState records what the cloud holds of the object, which lives in the
// region of d, after an apply (applied) or a refresh.
func (r *describedResource[M, P, O]) setState(ctx context.Context, d *providerData, m *M, obj O, applied bool, diags *diag.Diagnostics) {
	if r.fillReporting != nil {
		r.fillReporting(m, obj, diags)
	} else {
		r.fill(m, obj)
	}
	if region := P(m).region(); region != nil {
		*region = types.StringValue(d.client.Scope().Region)
	}
	if o := P(m).tagged(); o != nil && r.tagsOf != nil {
		o.Tags, o.TagsAll = d.tagsFromCloud(ctx, r.tagsOf(obj), o.Tags, applied, diags)
	}
}
