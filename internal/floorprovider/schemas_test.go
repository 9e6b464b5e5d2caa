package main

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestMakeKnown(t *testing.T) {
	nested := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"n": tftypes.Number, "s": tftypes.Set{ElementType: tftypes.String}}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "arn": tftypes.String, "cidr": tftypes.String, "on": tftypes.Bool, "nested": nested,
	}}
	plan := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":     tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"arn":    tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"cidr":   tftypes.NewValue(tftypes.String, "10.0.0.0/16"),
		"on":     tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue),
		"nested": tftypes.NewValue(nested, tftypes.UnknownValue),
	})
	got, err := makeKnown(plan, "vpc")
	if err != nil {
		t.Fatal(err)
	}
	if !got.IsFullyKnown() {
		t.Fatalf("unknown values left: %v", got)
	}
	var attrs map[string]tftypes.Value
	if err := got.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var id, arn, cidr string
	_ = attrs["id"].As(&id)
	_ = attrs["arn"].As(&arn)
	_ = attrs["cidr"].As(&cidr)
	if !regexp.MustCompile(`^vpc-[0-9a-f]{17}$`).MatchString(id) {
		t.Errorf("id %q is not shaped like a VPC's", id)
	}
	if arn == id || arn == "" || cidr != "10.0.0.0/16" {
		t.Errorf("arn %q, cidr %q", arn, cidr)
	}
}

// The floor serves every simcloud resource type, and gives the types that
// have prefixed IDs their prefix.
func TestSchemaFloorResources(t *testing.T) {
	ctx := context.Background()
	prefixes := map[string]string{}
	for _, f := range newSchemaFloor().Resources(ctx) {
		r, ok := f().(echoResource)
		if !ok {
			t.Fatalf("%T is not the floor's", f())
		}
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "simcloud"}, &md)
		prefixes[md.TypeName] = r.idPrefix
	}
	for typ, want := range map[string]string{"simcloud_vpc": "vpc", "simcloud_subnet": "subnet", "simcloud_instance": "i", "simcloud_security_group": "sg"} {
		if prefixes[typ] != want {
			t.Errorf("%s: prefix %q, want %q", typ, prefixes[typ], want)
		}
	}
	if len(prefixes) < 50 {
		t.Errorf("only %d resource types served", len(prefixes))
	}
}
