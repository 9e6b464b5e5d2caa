package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewRegionDataSource is simcloud_region. As in the AWS provider 6, its
// region argument picks the region described, not where to look: a region
// is described the same from everywhere.
var NewRegionDataSource = newComputedDataSource("_region", readRegion, schema.Schema{
	MarkdownDescription: "Describes one region, as the `aws_region` data source does: the provider's region unless `region`, `name`, `id` or `endpoint` picks another.",
	Attributes: map[string]schema.Attribute{
		"region": schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: "The name of the region to describe, such as `eu-west-1`; the provider's region when no argument picks one.",
			Validators:          []validator.String{cloudCheck(cloud.ValidateRegion)}},
		"name": schema.StringAttribute{Optional: true, Computed: true, DeprecationMessage: "name is deprecated. Use region instead.",
			MarkdownDescription: "The region's name, as `region`; deprecated in the AWS provider 6.",
			Validators:          []validator.String{cloudCheck(cloud.ValidateRegion)}},
		"endpoint": schema.StringAttribute{Optional: true, Computed: true,
			MarkdownDescription: "The region's EC2 endpoint, without a scheme: `ec2.us-east-1.amazonaws.com`, `ec2.cn-north-1.amazonaws.com.cn`.",
			Validators: []validator.String{cloudCheck(func(endpoint string) error {
				_, err := cloud.RegionByEndpoint(endpoint)
				return err
			})}},
		"id": schema.StringAttribute{Optional: true, Computed: true, DeprecationMessage: "id is deprecated. Use region instead.",
			MarkdownDescription: "The region's name, as `region`; deprecated in the AWS provider 6.",
			Validators:          []validator.String{cloudCheck(cloud.ValidateRegion)}},
		"description": schema.StringAttribute{Computed: true,
			MarkdownDescription: "Where AWS says the region is: `US East (N. Virginia)`."},
	},
})

type regionModel struct {
	ID          types.String `tfsdk:"id"`
	Region      types.String `tfsdk:"region"`
	Name        types.String `tfsdk:"name"`
	Endpoint    types.String `tfsdk:"endpoint"`
	Description types.String `tfsdk:"description"`
}

func readRegion(_ context.Context, data *providerData, m *regionModel, diags *diag.Diagnostics) {
	// Each argument that is set names a region; they must name the same.
	var chosen, chosenBy string
	pick := func(attribute, name string) {
		if name == "" || diags.HasError() {
			return
		}
		if chosen != "" && chosen != name {
			diags.AddAttributeError(path.Root(attribute), "Arguments name different regions",
				chosenBy+" names "+chosen+" and "+attribute+" names "+name+". Give one of them, or make them agree.")
		}
		chosen, chosenBy = name, attribute
	}
	pick("region", m.Region.ValueString())
	pick("name", m.Name.ValueString())
	pick("id", m.ID.ValueString())
	if endpoint := m.Endpoint.ValueString(); endpoint != "" {
		r, err := cloud.RegionByEndpoint(endpoint)
		if err != nil {
			addCloudError(diags, "DescribeRegions", err)
			return
		}
		pick("endpoint", r.Name)
	}
	if diags.HasError() {
		return
	}
	if chosen == "" {
		chosen, chosenBy = data.client.Scope().Region, "region"
	}
	r, err := cloud.DescribeRegion(chosen)
	if err != nil {
		summary, detail := errorText(err)
		diags.AddAttributeError(path.Root(chosenBy), summary, detail)
		return
	}
	m.ID, m.Region, m.Name = types.StringValue(r.Name), types.StringValue(r.Name), types.StringValue(r.Name)
	m.Endpoint, m.Description = types.StringValue(r.Endpoint), types.StringValue(r.Description)
}
