// Command floorprovider is a Terraform provider that stores nothing and checks
// nothing. The benchmarks (internal/cmd/bench) run the same graph through it as
// through simcloud: the difference between the two is what simcloud itself
// costs, and the difference between it and terraform_data is what any
// provider plugin costs Terraform (a process, gRPC, the framework).
//
// Built with -ldflags "-X main.schemas=simcloud" (source simcloud/floorschemas
// in the benchmarks) it serves simcloud's own provider, resource and data
// source schemas instead of floor_object, and still does nothing: the floor
// for a graph of simcloud's types, with the same objects on the wire.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/pluginlog"
)

// schemas is "simcloud" in the build that serves simcloud's schemas.
var schemas = "floor"

func main() {
	// The same log levels as simcloud's, so that the two differ only in
	// what simcloud does per call.
	pluginlog.MuteUnread(os.LookupEnv, os.Setenv)
	serve, address := func() provider.Provider { return floorProvider{} }, "registry.terraform.io/simcloud/floor"
	if schemas == "simcloud" {
		serve, address = newSchemaFloor, "registry.terraform.io/simcloud/floorschemas"
	}
	err := providerserver.Serve(context.Background(), serve, providerserver.ServeOpts{Address: address})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type floorProvider struct{}

func (floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "floor"
}

func (floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (floorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return objectResource{} }}
}

func (floorProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// objectResource has an ID it makes up and an input map it keeps, like
// terraform_data, so both floors see the same configuration.
type objectResource struct{}

type objectModel struct {
	ID    types.String `tfsdk:"id"`
	Input types.Map    `tfsdk:"input"`
}

func (objectResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "floor_object"
}

func (objectResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"input": schema.MapAttribute{ElementType: types.StringType, Optional: true},
		},
	}
}

func (objectResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m objectModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	m.ID = types.StringValue("obj-" + hex.EncodeToString(id))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (objectResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (objectResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m objectModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (objectResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
