package provider

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// codecChecked is a resource whose model codec can be compared with the
// framework's reflection.
type codecChecked interface {
	checkCodec(ctx context.Context) error
}

// checkCodec converts values of every state (null, unknown, known) of
// every attribute both ways, through the codec and through the framework,
// and reports the first difference.
func (r *describedResource[M, P, O]) checkCodec(ctx context.Context) error {
	l := r.codec.prepared(ctx)
	if l == nil {
		// Only a model with a field that is no attr.Value (a slice of
		// structs, say) is left to the framework.
		fields, _ := taggedFields(reflect.TypeFor[M](), nil)
		for _, f := range fields {
			if !f.goType.Implements(reflect.TypeFor[attr.Value]()) {
				return errConvertedByFramework
			}
		}
		return fmt.Errorf("the framework's reflection converts the model %T", *new(M))
	}
	for _, fill := range []sampleFill{sampleNull, sampleUnknown, sampleKnown} {
		raw := sampleObject(l.objectType, fill)
		var viaFramework, viaCodec M
		if diags := (tfsdk.State{Raw: raw, Schema: r.schema}).Get(ctx, &viaFramework); diags.HasError() {
			return fmt.Errorf("%s values: the framework cannot read them: %v", fill, diags)
		}
		if !l.read(ctx, raw, reflect.ValueOf(&viaCodec).Elem()) {
			return fmt.Errorf("%s values: the codec cannot read them", fill)
		}
		if !reflect.DeepEqual(viaFramework, viaCodec) {
			return fmt.Errorf("%s values read differently:\nframework %+v\ncodec     %+v", fill, viaFramework, viaCodec)
		}
		written := tfsdk.State{Schema: r.schema}
		if diags := written.Set(ctx, &viaFramework); diags.HasError() {
			return fmt.Errorf("%s values: the framework cannot write them: %v", fill, diags)
		}
		out, ok := l.write(ctx, reflect.ValueOf(&viaCodec).Elem())
		if !ok {
			return fmt.Errorf("%s values: the codec cannot write them", fill)
		}
		if !out.Equal(written.Raw) {
			return fmt.Errorf("%s values written differently:\nframework %s\ncodec     %s", fill, written.Raw, out)
		}
	}
	return nil
}

var errConvertedByFramework = errors.New("the framework converts the model")

type sampleFill string

const (
	sampleNull    sampleFill = "null"
	sampleUnknown sampleFill = "unknown"
	sampleKnown   sampleFill = "known"
)

// sampleObject is a value of t whose attributes are all null, all unknown,
// or all known, with one element in each collection.
func sampleObject(t tftypes.Object, fill sampleFill) tftypes.Value {
	values := map[string]tftypes.Value{}
	for name, at := range t.AttributeTypes {
		switch fill {
		case sampleNull:
			values[name] = tftypes.NewValue(at, nil)
		case sampleUnknown:
			values[name] = tftypes.NewValue(at, tftypes.UnknownValue)
		default:
			values[name] = sampleKnownValue(at)
		}
	}
	return tftypes.NewValue(t, values)
}

func sampleKnownValue(t tftypes.Type) tftypes.Value {
	switch typed := t.(type) {
	case tftypes.List:
		return tftypes.NewValue(t, []tftypes.Value{sampleKnownValue(typed.ElementType)})
	case tftypes.Set:
		return tftypes.NewValue(t, []tftypes.Value{sampleKnownValue(typed.ElementType)})
	case tftypes.Map:
		return tftypes.NewValue(t, map[string]tftypes.Value{"k": sampleKnownValue(typed.ElementType)})
	case tftypes.Object:
		return sampleObject(typed, sampleKnown)
	}
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "x")
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, true)
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(1))
	}
	return tftypes.NewValue(t, nil)
}

// Every resource's model is converted by its codec, not by the framework's
// slow reflection, and the codec reads and writes exactly what the
// framework would.
func TestModelCodecsAgreeWithTheFramework(t *testing.T) {
	ctx := context.Background()
	checked := 0
	for _, factory := range (&simcloudProvider{}).Resources(ctx) {
		r := factory()
		c, ok := r.(codecChecked)
		if !ok {
			continue
		}
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "simcloud"}, &meta)
		err := c.checkCodec(ctx)
		if errors.Is(err, errConvertedByFramework) {
			continue
		}
		checked++
		if err != nil {
			t.Errorf("%s: %v", meta.TypeName, err)
		}
	}
	if checked < 40 {
		t.Fatalf("only %d resources checked", checked)
	}
}

// A model the codec does not take goes through the framework, which reads
// it all the same.
func TestModelCodecFallsBackToTheFramework(t *testing.T) {
	ctx := context.Background()
	type untagged struct {
		ID      types.String `tfsdk:"id"`
		Missing types.String
	}
	s := vpcKind.schema
	codec := newModelCodec[untagged](s)
	if codec.prepared(ctx) != nil {
		t.Fatal("the codec took a model with an untagged field")
	}
	called := false
	var m untagged
	codec.read(ctx, tftypes.Value{}, &m, func(context.Context, any) diag.Diagnostics { called = true; return nil })
	if !called {
		t.Fatal("the framework was not asked to read the model")
	}

	// A list never given its element type cannot be written by the codec.
	type listModel struct {
		Items types.List `tfsdk:"items"`
	}
	l := &modelLayout{
		objectType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"items": tftypes.List{ElementType: tftypes.String}}},
		fields: []modelField{{name: "items", index: []int{0}, goType: reflect.TypeFor[types.List](),
			typ: types.ListType{ElemType: types.StringType}, tfType: tftypes.List{ElementType: tftypes.String}}},
	}
	if _, ok := l.write(ctx, reflect.ValueOf(&listModel{}).Elem()); ok {
		t.Fatal("the codec wrote a list without an element type")
	}
}
