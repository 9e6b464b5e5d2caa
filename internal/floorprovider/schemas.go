package main

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	simcloud "github.com/simcloud/terraform-provider-simcloud/internal/provider"
)

// schemaFloor has simcloud's provider schema and every one of its resource
// and data source types with their schemas (attribute validators and plan
// modifiers included, as they are part of the schema), but none of
// simcloud's ModifyPlan, configuration validators, client or cloud: a
// resource's state is its plan with every unknown value made known.
type schemaFloor struct{ inner provider.Provider }

func newSchemaFloor() provider.Provider { return schemaFloor{inner: simcloud.New("floor")()} }

func (p schemaFloor) Metadata(ctx context.Context, req provider.MetadataRequest, resp *provider.MetadataResponse) {
	p.inner.Metadata(ctx, req, resp)
}

func (p schemaFloor) Schema(ctx context.Context, req provider.SchemaRequest, resp *provider.SchemaResponse) {
	p.inner.Schema(ctx, req, resp)
}

func (schemaFloor) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p schemaFloor) Resources(ctx context.Context) []func() resource.Resource {
	var out []func() resource.Resource
	for _, f := range p.inner.Resources(ctx) {
		out = append(out, func() resource.Resource {
			inner := f()
			var md resource.MetadataResponse
			inner.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "simcloud"}, &md)
			prefix, ok := cloud.IDPrefixOfType(strings.TrimPrefix(md.TypeName, "simcloud_"))
			if !ok {
				prefix = "floor"
			}
			return echoResource{inner: inner, idPrefix: prefix}
		})
	}
	return out
}

func (p schemaFloor) DataSources(ctx context.Context) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, f := range p.inner.DataSources(ctx) {
		out = append(out, func() datasource.DataSource { return echoDataSource{inner: f()} })
	}
	return out
}

// echoResource's id has the prefix of its type's IDs, as simcloud's schemas
// check the IDs that configurations pass on (a subnet's vpc_id).
type echoResource struct {
	inner    resource.Resource
	idPrefix string
}

func (r echoResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.inner.Metadata(ctx, req, resp)
}

func (r echoResource) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.inner.Schema(ctx, req, resp)
}

func (r echoResource) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	known, err := makeKnown(req.Plan.Raw, r.idPrefix)
	if err != nil {
		resp.Diagnostics.AddError("floor", err.Error())
		return
	}
	resp.State.Raw = known
}

func (echoResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r echoResource) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	known, err := makeKnown(req.Plan.Raw, r.idPrefix)
	if err != nil {
		resp.Diagnostics.AddError("floor", err.Error())
		return
	}
	resp.State.Raw = known
}

func (echoResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

type echoDataSource struct{ inner datasource.DataSource }

func (d echoDataSource) Metadata(ctx context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	d.inner.Metadata(ctx, req, resp)
}

func (d echoDataSource) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	d.inner.Schema(ctx, req, resp)
}

func (echoDataSource) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	known, err := makeKnown(req.Config.Raw, "floor")
	if err != nil {
		resp.Diagnostics.AddError("floor", err.Error())
		return
	}
	resp.State.Raw = known
}

var made atomic.Uint64

var idPath = tftypes.NewAttributePath().WithAttributeName("id")

// makeKnown replaces each unknown value (a computed attribute the plan left
// to the provider) with a fixed one of its type: for the id, the prefix and
// 17 hexadecimal digits unique to this process; for other strings, a string
// unique to this process; zero, false, a null collection, or an object of
// such values.
func makeKnown(v tftypes.Value, idPrefix string) (tftypes.Value, error) {
	return tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if p.Equal(idPath) && v.Type().Is(tftypes.String) {
			return tftypes.NewValue(tftypes.String, fmt.Sprintf("%s-%017x", idPrefix, made.Add(1))), nil
		}
		return knownOf(v.Type())
	})
}

func knownOf(t tftypes.Type) (tftypes.Value, error) {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, fmt.Sprintf("floor-%017x", made.Add(1))), nil
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(0)), nil
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false), nil
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}), t.Is(tftypes.Map{}), t.Is(tftypes.Tuple{}):
		return tftypes.NewValue(t, nil), nil
	case t.Is(tftypes.Object{}):
		obj, ok := t.(tftypes.Object)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("floor: object type %s", t)
		}
		attrs := map[string]tftypes.Value{}
		for name, at := range obj.AttributeTypes {
			v, err := knownOf(at)
			if err != nil {
				return tftypes.Value{}, err
			}
			attrs[name] = v
		}
		return tftypes.NewValue(t, attrs), nil
	}
	return tftypes.Value{}, fmt.Errorf("floor: no known value for type %s", t)
}
