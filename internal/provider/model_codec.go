package provider

import (
	"context"
	"reflect"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A resource's model is read from Terraform's values and written back on
// every call (plan, apply, refresh). The framework's reflection
// (tfsdk.Plan.Get, tfsdk.State.Set) finds a model's fields from its struct
// tags on every one of those calls and compiles a regular expression for
// each field to check its name (internal/reflect isValidFieldName,
// hashicorp/terraform-plugin-framework#725): in a plan of the benchmark's
// instances network that reflection was a fifth of the provider's CPU, half
// of it compiling. A modelCodec finds the fields of a model once per
// resource type, and converts each field by its attribute's type directly.
// It takes only the models that reflection would read the same way: every
// field an attr.Value of exactly its attribute's value type, none that
// validates itself (a type's own check it runs as the framework does); any
// other model, or a value it cannot convert or that fails a check, goes
// through the framework, which then reports what is wrong.
type modelCodec[M any] struct {
	schema schema.Schema
	once   sync.Once
	// layout is nil when the framework converts the model.
	layout *modelLayout
}

type modelLayout struct {
	objectType tftypes.Object
	fields     []modelField
}

type modelField struct {
	name   string
	index  []int
	goType reflect.Type
	typ    attr.Type
	tfType tftypes.Type
	// validate, if not nil, checks a value as the framework does on each
	// conversion (the range of an Int64, say).
	validate xattr.TypeWithValidate //nolint:staticcheck // see newModelLayout.
}

// valid reports whether v passes its type's own check.
func (f modelField) valid(ctx context.Context, v tftypes.Value) bool {
	return f.validate == nil || !f.validate.Validate(ctx, v, path.Root(f.name)).HasError()
}

func newModelCodec[M any](s schema.Schema) *modelCodec[M] {
	return &modelCodec[M]{schema: s}
}

func (c *modelCodec[M]) prepared(ctx context.Context) *modelLayout {
	if c == nil {
		return nil
	}
	c.once.Do(func() {
		c.layout = newModelLayout(ctx, c.schema.Type(), reflect.TypeFor[M]())
	})
	return c.layout
}

// read fills m from raw, a value of the resource's schema; get is the
// framework's way, for what the codec does not take.
func (c *modelCodec[M]) read(ctx context.Context, raw tftypes.Value, m *M, get func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	if l := c.prepared(ctx); l != nil && l.read(ctx, raw, reflect.ValueOf(m).Elem()) {
		return nil
	}
	return get(ctx, m)
}

// write sets raw to m's value; set is the framework's way, which also
// sets raw.
func (c *modelCodec[M]) write(ctx context.Context, m *M, raw *tftypes.Value, set func(context.Context, any) diag.Diagnostics) diag.Diagnostics {
	if l := c.prepared(ctx); l != nil {
		if v, ok := l.write(ctx, reflect.ValueOf(m).Elem()); ok {
			*raw = v
			return nil
		}
	}
	return set(ctx, m)
}

func newModelLayout(ctx context.Context, schemaType attr.Type, model reflect.Type) *modelLayout {
	withAttributes, ok := schemaType.(attr.TypeWithAttributeTypes)
	if !ok || model.Kind() != reflect.Struct {
		return nil
	}
	objectType, ok := schemaType.TerraformType(ctx).(tftypes.Object)
	if !ok || len(objectType.OptionalAttributes) > 0 {
		return nil
	}
	attributeTypes := withAttributes.AttributeTypes()
	fields, ok := taggedFields(model, nil)
	if !ok || len(fields) != len(attributeTypes) {
		return nil
	}
	seen := map[string]bool{}
	for i := range fields {
		f := &fields[i]
		t, ok := attributeTypes[f.name]
		if !ok || seen[f.name] {
			return nil
		}
		seen[f.name] = true
		zero := t.ValueType(ctx)
		if reflect.TypeOf(zero) != f.goType {
			return nil
		}
		if _, validates := zero.(xattr.ValidateableAttribute); validates {
			return nil
		}
		f.typ, f.tfType = t, objectType.AttributeTypes[f.name]
		//nolint:staticcheck // deprecated, but the framework still validates through it, and so must the codec.
		f.validate, _ = t.(xattr.TypeWithValidate)
	}
	return &modelLayout{objectType: objectType, fields: fields}
}

// taggedFields lists the fields of struct type t, those of embedded
// structs included, as the framework's reflection finds them; false for a
// layout it would refuse.
func taggedFields(t reflect.Type, index []int) ([]modelField, bool) {
	var out []modelField
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, tagged := sf.Tag.Lookup("tfsdk")
		if tag == "-" {
			continue
		}
		at := append(slices.Clone(index), i)
		if sf.Anonymous && !tagged {
			if sf.Type.Kind() != reflect.Struct {
				return nil, false
			}
			inner, ok := taggedFields(sf.Type, at)
			if !ok {
				return nil, false
			}
			out = append(out, inner...)
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if !tagged {
			return nil, false
		}
		out = append(out, modelField{name: tag, index: at, goType: sf.Type})
	}
	return out, true
}

func (l *modelLayout) read(ctx context.Context, raw tftypes.Value, target reflect.Value) bool {
	if !raw.Type().Equal(l.objectType) {
		return false
	}
	var values map[string]tftypes.Value
	if err := raw.As(&values); err != nil || values == nil {
		return false
	}
	for _, f := range l.fields {
		if !f.valid(ctx, values[f.name]) {
			return false
		}
		v, err := f.typ.ValueFromTerraform(ctx, values[f.name])
		if err != nil {
			return false
		}
		rv := reflect.ValueOf(v)
		if rv.Type() != f.goType {
			return false
		}
		target.FieldByIndex(f.index).Set(rv)
	}
	return true
}

func (l *modelLayout) write(ctx context.Context, source reflect.Value) (out tftypes.Value, ok bool) {
	// A value the framework would refuse, such as a list that was never
	// given its element type, can panic in its own conversion; the
	// framework then converts the model and reports it.
	defer func() {
		if recover() != nil {
			out, ok = tftypes.Value{}, false
		}
	}()
	values := make(map[string]tftypes.Value, len(l.fields))
	for _, f := range l.fields {
		v, isValue := source.FieldByIndex(f.index).Interface().(attr.Value)
		if !isValue {
			return tftypes.Value{}, false
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil || !tv.Type().Equal(f.tfType) || !f.valid(ctx, tv) {
			return tftypes.Value{}, false
		}
		values[f.name] = tv
	}
	if err := tftypes.ValidateValue(l.objectType, values); err != nil {
		return tftypes.Value{}, false
	}
	return tftypes.NewValue(l.objectType, values), true
}
