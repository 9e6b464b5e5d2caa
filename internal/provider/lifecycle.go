package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// warnGone tells the user that an object in state has vanished from the
// cloud, so that Terraform's plan to create it again does not come as a
// surprise.
func warnGone(diags *diag.Diagnostics, resourceType, id string) {
	diags.AddWarning(
		fmt.Sprintf("%s %s no longer exists", resourceType, id),
		fmt.Sprintf("%s was deleted outside Terraform (for example by another configuration, or because the cloud's database was reset). "+
			"It has been removed from state, and Terraform will plan to create it again. "+
			"If it should stay gone, remove the resource from your configuration.", id))
}

// importByID imports an object by its ID, after checking the ID's shape so
// that a typo gets a message showing the expected form.
func importByID(ctx context.Context, kind cloud.Kind, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := cloud.ValidateID(kind, req.ID, ""); err != nil {
		addImportIDError(&resp.Diagnostics, "", err)
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// importAttributes imports an object by the attributes an import ID names,
// once parse has found them in it (err is what the parse said of the ID).
func importAttributes(ctx context.Context, resp *resource.ImportStateResponse, err error, attributes map[string]string) {
	if err != nil {
		addImportIDError(&resp.Diagnostics, "", err)
		return
	}
	for name, value := range attributes {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), value)...)
	}
}

// importDefault imports, by its ID, an object that a default_ resource
// adopts, refusing one that is not its kind's default (the default_
// resources, as the AWS provider's, take only their defaults). describe
// reads the object as operation; notDefault says why it is not a default
// one, "" when it is; the object's attributes are then set in state.
func importDefault[O any](ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, operation, summary string,
	describe func(id string) (O, error), notDefault func(O) string, attributes func(O) map[string]string) {
	o, err := describe(req.ID)
	if err != nil {
		addCloudError(&resp.Diagnostics, operation, err)
		return
	}
	if why := notDefault(o); why != "" {
		resp.Diagnostics.AddError(summary, why)
		return
	}
	importAttributes(ctx, resp, nil, attributes(o))
}

// unlessDefault is why, for an object that is not a default one, and ""
// for one that is.
func unlessDefault(isDefault bool, why string) string {
	if isDefault {
		return ""
	}
	return why
}

// importByVPC imports an object that is the VPC's own, by the ID of the
// VPC, as the AWS provider does: lookup finds the object's attributes, and a
// refusal is reported as from operation.
func importByVPC(ctx context.Context, resourceType, operation string, req resource.ImportStateRequest, resp *resource.ImportStateResponse,
	lookup func(vpcID string) (map[string]string, error)) {
	if err := cloud.ValidateID(cloud.KindVPC, req.ID, ""); err != nil {
		addImportIDError(&resp.Diagnostics, resourceType+" is imported by the ID of its VPC. ", err)
		return
	}
	attributes, err := lookup(req.ID)
	if err != nil {
		addCloudError(&resp.Diagnostics, operation, err)
		return
	}
	importAttributes(ctx, resp, nil, attributes)
}

// planned is a string of the plan as a cloud check takes it: its value, or
// cloud.Unknown while Terraform knows it only after apply, so that the check
// skips only what needs it.
func planned(v types.String) string {
	if v.IsUnknown() {
		return cloud.Unknown
	}
	return v.ValueString()
}

// plannedID is planned for an attribute that holds the ID of an object of
// kind: unknown, it still says which kind of object it will be.
func plannedID(v types.String, kind cloud.Kind) string {
	if v.IsUnknown() {
		return cloud.UnknownID(kind)
	}
	return v.ValueString()
}

// planRemoval is a resource's ModifyPlan when the plan destroys it: the
// object's claims are dropped, and the plan learns that the object, and the
// objects its destroy takes away (also), are going, so that a refusal they
// cause can say so. Terraform orders such a destroy before or after an
// unrelated create at random.
func (d *providerData) planRemoval(ctx context.Context, state tfsdk.State, also ...string) {
	var id types.String
	if diags := state.GetAttribute(ctx, path.Root("id"), &id); diags.HasError() || id.IsNull() || id.IsUnknown() {
		return
	}
	d.plan.Release(cloud.ExistingHolder(id.ValueString()))
	d.plan.Removing(append([]string{id.ValueString()}, also...)...)
}

// errGone is what a read returns for an object that is gone from the cloud
// although no object of its own is missing: an attachment undone, say.
var errGone = errors.New("gone from the cloud")

// refreshState is a resource's Read: refresh reads the object named in state
// from the cloud into the model, and what it finds is stored. An object gone
// from the cloud is removed from state with a warning, so that Terraform
// plans to create it again instead of failing.
func refreshState[M any](ctx context.Context, codec *modelCodec[M], req resource.ReadRequest, resp *resource.ReadResponse,
	resourceType, operation string, id func(M) string, refresh func(*M) error) {
	var state M
	resp.Diagnostics.Append(codec.read(ctx, req.State.Raw, &state, req.State.Get)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := refresh(&state)
	if cloud.IsNotFound(err) || errors.Is(err, errGone) {
		warnGone(&resp.Diagnostics, resourceType, id(state))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addCloudError(&resp.Diagnostics, operation, err)
		return
	}
	resp.Diagnostics.Append(codec.write(ctx, &state, &resp.State.Raw, resp.State.Set)...)
}

// deleteState is a resource's Delete: remove deletes the object of the
// state from the cloud. An object already gone counts as deleted.
func deleteState[M any](ctx context.Context, codec *modelCodec[M], req resource.DeleteRequest, resp *resource.DeleteResponse, operation string, remove func(M) error) {
	var m M
	resp.Diagnostics.Append(codec.read(ctx, req.State.Raw, &m, req.State.Get)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := remove(m); err != nil && !cloud.IsNotFound(err) {
		addCloudError(&resp.Diagnostics, operation, err)
	}
}
