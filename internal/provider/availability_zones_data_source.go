package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewAvailabilityZonesDataSource is simcloud_availability_zones.
var NewAvailabilityZonesDataSource = newComputedDataSource("_availability_zones", readAvailabilityZones, schema.Schema{
	MarkdownDescription: "Lists the availability zones of a region, as the `aws_availability_zones` data source does: the region's name followed by `a` to `f`, " +
		"with AWS's zone IDs (`use1-az1` for `us-east-1a`; the simulated cloud numbers zones in order, where AWS shuffles them between accounts).",
	Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true, MarkdownDescription: "The region, as the AWS provider sets it."},
		"region": lookupRegionArgument(),
		"all_availability_zones": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "Whether to list Local and Wavelength Zones too; the simulated regions have none, so it changes nothing."},
		"state": schema.StringAttribute{Optional: true,
			MarkdownDescription: "Only the zones in this state; every simulated zone is `available`.",
			Validators:          []validator.String{cloudCheck(cloud.ValidateAvailabilityZoneState)}},
		"exclude_names":    optionalStringSet("Zone names to leave out."),
		"exclude_zone_ids": optionalStringSet("Zone IDs to leave out."),
		"names": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The names of the zones, in order."},
		"zone_ids": schema.ListAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The IDs of the zones, in the order of `names`."},
		"group_names": schema.SetAttribute{ElementType: types.StringType, Computed: true,
			MarkdownDescription: "The zone groups of the zones, such as `us-east-1-zg-1`."},
	},
	Blocks: map[string]schema.Block{"filter": filterBlock("DescribeAvailabilityZones", cloud.CheckZoneFilterName)},
})

type availabilityZonesModel struct {
	ID                   types.String  `tfsdk:"id"`
	Region               types.String  `tfsdk:"region"`
	AllAvailabilityZones types.Bool    `tfsdk:"all_availability_zones"`
	State                types.String  `tfsdk:"state"`
	ExcludeNames         types.Set     `tfsdk:"exclude_names"`
	ExcludeZoneIDs       types.Set     `tfsdk:"exclude_zone_ids"`
	Filters              []filterModel `tfsdk:"filter"`
	Names                types.List    `tfsdk:"names"`
	ZoneIDs              types.List    `tfsdk:"zone_ids"`
	GroupNames           types.Set     `tfsdk:"group_names"`
}

func readAvailabilityZones(ctx context.Context, data *providerData, m *availabilityZonesModel, diags *diag.Diagnostics) {
	var excludeNames, excludeIDs []string
	diags.Append(m.ExcludeNames.ElementsAs(ctx, &excludeNames, false)...)
	diags.Append(m.ExcludeZoneIDs.ElementsAs(ctx, &excludeIDs, false)...)
	if diags.HasError() {
		return
	}
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	filters := namedFilters(m.Filters)
	if state := m.State.ValueString(); state != "" {
		filters = append(filters, cloud.NamedFilter{Name: "state", Values: []string{state}})
	}
	zones, err := data.client.DescribeAvailabilityZones(filters)
	if err != nil {
		addCloudError(diags, "DescribeAvailabilityZones", err)
		return
	}
	names, ids, groups := []string{}, []string{}, []string{}
	for _, z := range zones {
		if slices.Contains(excludeNames, z.Name) || slices.Contains(excludeIDs, z.ZoneID) {
			continue
		}
		names, ids = append(names, z.Name), append(ids, z.ZoneID)
		if !slices.Contains(groups, z.GroupName) {
			groups = append(groups, z.GroupName)
		}
	}
	m.ID = m.Region
	m.Names, m.ZoneIDs = listOfStrings(ctx, names, diags), listOfStrings(ctx, ids, diags)
	m.GroupNames = setOfStrings(groups, diags)
}
