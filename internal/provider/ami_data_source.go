package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// imageSearch is what simcloud_ami and simcloud_ami_ids search images by,
// as the AWS provider's aws_ami and aws_ami_ids take it.
type imageSearch struct {
	Region            types.String  `tfsdk:"region"`
	Owners            []string      `tfsdk:"owners"`
	Filters           []filterModel `tfsdk:"filter"`
	NameRegex         types.String  `tfsdk:"name_regex"`
	ExecutableUsers   types.List    `tfsdk:"executable_users"`
	IncludeDeprecated types.Bool    `tfsdk:"include_deprecated"`
}

func (s imageSearch) query() cloud.ImageQuery {
	return cloud.ImageQuery{Owners: s.Owners, Filters: namedFilters(s.Filters), NameRegex: s.NameRegex.ValueString(), IncludeDeprecated: s.IncludeDeprecated.ValueBool()}
}

// imageSearchAttributes are the arguments of imageSearch; owners is
// required by aws_ami_ids and optional for aws_ami.
func imageSearchAttributes(ownersRequired bool, attributes map[string]schema.Attribute) map[string]schema.Attribute {
	attributes["region"] = lookupRegionArgument()
	attributes["owners"] = schema.ListAttribute{ElementType: types.StringType, Required: ownersRequired, Optional: !ownersRequired,
		Validators: []validator.List{cloudListCheck(cloud.ValidateImageOwner)},
		MarkdownDescription: "The owners of the images: account IDs (`099720109477` for Canonical's Ubuntu images, `137112412989` for Amazon Linux) or the aliases " +
			"`amazon` (Amazon's images), `self` (the account's own: it has none, as the simulated cloud makes no images) and `aws-marketplace` (not simulated: no images)."}
	attributes["name_regex"] = schema.StringAttribute{Optional: true, Validators: []validator.String{cloudCheck(cloud.ValidateImageNameRegex)},
		MarkdownDescription: "A regular expression the image's name must match, applied after the filters."}
	attributes["executable_users"] = schema.ListAttribute{ElementType: types.StringType, Optional: true,
		MarkdownDescription: "Accepted for compatibility: every image of the catalogue is public, so any user may launch it."}
	attributes["include_deprecated"] = schema.BoolAttribute{Optional: true,
		MarkdownDescription: "Include deprecated images (default `false`): the catalogue's oldest Ubuntu 24.04 and Amazon Linux 2023 builds are deprecated."}
	return attributes
}

// cloudListCheck runs check on every known element of a list of strings.
func cloudListCheck(check func(string) error) validator.List {
	return listElementsCheck{plainDescription: "each element must be accepted by the simulated cloud", check: check}
}

type listElementsCheck struct {
	plainDescription
	check func(string) error
}

func (v listElementsCheck) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	for i, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() || s.IsNull() {
			continue
		}
		if err := v.check(s.ValueString()); err != nil {
			addValueError(&resp.Diagnostics, req.Path.AtListIndex(i), err)
			return
		}
	}
}

// amiModel is simcloud_ami.
type amiModel struct {
	imageSearch
	ID                  types.String `tfsdk:"id"`
	MostRecent          types.Bool   `tfsdk:"most_recent"`
	AllowUnsafeFilter   types.Bool   `tfsdk:"allow_unsafe_filter"`
	UEFIData            types.String `tfsdk:"uefi_data"`
	Architecture        types.String `tfsdk:"architecture"`
	ARN                 types.String `tfsdk:"arn"`
	BlockDeviceMappings types.Set    `tfsdk:"block_device_mappings"`
	BootMode            types.String `tfsdk:"boot_mode"`
	CreationDate        types.String `tfsdk:"creation_date"`
	DeprecationTime     types.String `tfsdk:"deprecation_time"`
	Description         types.String `tfsdk:"description"`
	ENASupport          types.Bool   `tfsdk:"ena_support"`
	Hypervisor          types.String `tfsdk:"hypervisor"`
	ImageID             types.String `tfsdk:"image_id"`
	ImageLocation       types.String `tfsdk:"image_location"`
	ImageOwnerAlias     types.String `tfsdk:"image_owner_alias"`
	ImageType           types.String `tfsdk:"image_type"`
	IMDSSupport         types.String `tfsdk:"imds_support"`
	KernelID            types.String `tfsdk:"kernel_id"`
	LastLaunchedTime    types.String `tfsdk:"last_launched_time"`
	Name                types.String `tfsdk:"name"`
	OwnerID             types.String `tfsdk:"owner_id"`
	Platform            types.String `tfsdk:"platform"`
	PlatformDetails     types.String `tfsdk:"platform_details"`
	ProductCodes        types.Set    `tfsdk:"product_codes"`
	Public              types.Bool   `tfsdk:"public"`
	RamdiskID           types.String `tfsdk:"ramdisk_id"`
	RootDeviceName      types.String `tfsdk:"root_device_name"`
	RootDeviceType      types.String `tfsdk:"root_device_type"`
	RootSnapshotID      types.String `tfsdk:"root_snapshot_id"`
	SriovNetSupport     types.String `tfsdk:"sriov_net_support"`
	State               types.String `tfsdk:"state"`
	StateReason         types.Map    `tfsdk:"state_reason"`
	Tags                types.Map    `tfsdk:"tags"`
	TPMSupport          types.String `tfsdk:"tpm_support"`
	UsageOperation      types.String `tfsdk:"usage_operation"`
	VirtualizationType  types.String `tfsdk:"virtualization_type"`
}

var (
	blockDeviceMappingType = map[string]attr.Type{"device_name": types.StringType, "ebs": types.MapType{ElemType: types.StringType},
		"no_device": types.StringType, "virtual_name": types.StringType}
	productCodeType = map[string]attr.Type{"product_code_id": types.StringType, "product_code_type": types.StringType}
)

func amiAttributes() map[string]schema.Attribute {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: description}
	}
	return imageSearchAttributes(false, map[string]schema.Attribute{
		"id": computed("The image's ID."),
		"most_recent": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "When several images match, take the one created last (default `false`: several matching images are an error)."},
		"allow_unsafe_filter": schema.BoolAttribute{Optional: true,
			MarkdownDescription: "Let `most_recent` search without owners or an `owner-id`/`image-id` filter, with a warning instead of an error, as the AWS provider does."},
		"uefi_data":    schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: "Accepted for compatibility; the catalogue's images have no UEFI data."},
		"architecture": computed("`x86_64` or `arm64`."),
		"arn":          computed("The image's ARN, `arn:aws:ec2:<region>::image/<id>`."),
		"block_device_mappings": schema.SetNestedAttribute{Computed: true, MarkdownDescription: "The image's block devices: its root EBS volume.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"device_name":  computed("The device name."),
				"ebs":          schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The EBS volume's settings, as strings."},
				"no_device":    computed("Empty."),
				"virtual_name": computed("Empty."),
			}}},
		"boot_mode":          computed("The boot mode: `uefi-preferred`, `uefi`, or empty."),
		"creation_date":      computed("When the image was made, RFC 3339."),
		"deprecation_time":   computed("When the image was deprecated, empty for none."),
		"description":        computed("The image's description."),
		"ena_support":        schema.BoolAttribute{Computed: true, MarkdownDescription: "`true`."},
		"hypervisor":         computed("`xen`."),
		"image_id":           computed("The image's ID, `ami-` followed by 17 hexadecimal digits, stable for a region and name."),
		"image_location":     computed("Where the image was registered from."),
		"image_owner_alias":  computed("`amazon` for Amazon's images, empty for others."),
		"image_type":         computed("`machine`."),
		"imds_support":       computed("`v2.0` where the image requires IMDSv2 (Amazon Linux 2023), else empty."),
		"kernel_id":          computed("Empty: HVM images have none."),
		"last_launched_time": computed("Empty."),
		"name":               computed("The image's name."),
		"owner_id":           computed("The owner's account ID."),
		"platform":           computed("Empty: Linux images."),
		"platform_details":   computed("`Linux/UNIX`."),
		"product_codes": schema.SetNestedAttribute{Computed: true, MarkdownDescription: "Empty: the images are free.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"product_code_id": computed("The product code."), "product_code_type": computed("The product code's type."),
			}}},
		"public":              schema.BoolAttribute{Computed: true, MarkdownDescription: "`true`."},
		"ramdisk_id":          computed("Empty."),
		"root_device_name":    computed("The root device, `/dev/sda1` (Ubuntu) or `/dev/xvda` (Amazon Linux)."),
		"root_device_type":    computed("`ebs`."),
		"root_snapshot_id":    computed("The snapshot of the root volume."),
		"sriov_net_support":   computed("`simple`."),
		"state":               computed("`available`."),
		"state_reason":        schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "`code` and `message`, `UNSET` for an available image."},
		"tags":                schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The image's tags: none."},
		"tpm_support":         computed("Empty."),
		"usage_operation":     computed("`RunInstances`."),
		"virtualization_type": computed("`hvm`."),
	})
}

// NewAMIDataSource is simcloud_ami.
var NewAMIDataSource = newComputedDataSource("_ami", readAMI, schema.Schema{
	MarkdownDescription: "Finds one machine image, as the `aws_ami` data source does, in the simulated cloud's built-in catalogue: in every region, the Ubuntu 24.04 " +
		"and 22.04 LTS server images Canonical publishes and the Amazon Linux 2023 and 2 images, for `x86_64` and `arm64`, a few builds of each. " +
		"IDs are stable for a region and an image name.",
	Attributes: amiAttributes(),
	Blocks:     map[string]schema.Block{"filter": filterBlock("DescribeImages", cloud.CheckImageFilterName)},
})

func readAMI(ctx context.Context, data *providerData, m *amiModel, diags *diag.Diagnostics) {
	data, ok := data.inRegion(&m.Region, diags)
	if !ok {
		return
	}
	mostRecent := m.MostRecent.ValueBool()
	if mostRecent && len(m.Owners) == 0 && !filtersOn(m.Filters, "owner-id", "image-id") {
		// The AWS provider's guard against a third party's newer image.
		summary, detail := "Most Recent Image Not Filtered",
			"most_recent is true and neither owners nor an owner-id or image-id filter narrows the search, so anyone's newer image could be chosen. "+
				"Give owners (such as [\"099720109477\"] for Ubuntu or [\"amazon\"]), or set allow_unsafe_filter = true to accept this."
		if !m.AllowUnsafeFilter.ValueBool() {
			diags.AddError(summary, detail)
			return
		}
		diags.AddWarning(summary, detail)
	}
	found, err := data.client.DescribeImages(m.query())
	if err != nil {
		addCloudError(diags, "DescribeImages", err)
		return
	}
	switch {
	case len(found) == 0:
		diags.AddError("Your query returned no results. Please change your search criteria and try again.",
			fmt.Sprintf("No image of %s matches the owners, filters and name_regex. The catalogue holds Ubuntu 24.04 and 22.04 (owner 099720109477) and "+
				"Amazon Linux 2023 and 2 (owner amazon) images; deprecated builds only with include_deprecated = true.", data.client.Scope().Region))
		return
	case len(found) > 1 && !mostRecent:
		diags.AddError("Your query returned more than one result. Please try a more specific search criteria, or set `most_recent` attribute to true.",
			fmt.Sprintf("%d images match, the newest %s (%s): set most_recent = true to take it, or narrow the filters.", len(found), found[0].Name, found[0].ID))
		return
	}
	fillAMI(ctx, m, found[0], diags)
}

func filtersOn(filters []filterModel, names ...string) bool {
	for _, f := range filters {
		for _, n := range names {
			if f.Name.ValueString() == n {
				return true
			}
		}
	}
	return false
}

func fillAMI(ctx context.Context, m *amiModel, i cloud.Image, diags *diag.Diagnostics) {
	s := types.StringValue
	m.ID, m.ImageID, m.Name, m.Description, m.ARN = s(i.ID), s(i.ID), s(i.Name), s(i.Description), s(i.ARN())
	m.Architecture, m.BootMode, m.CreationDate, m.DeprecationTime = s(i.Architecture), s(i.BootMode), s(i.CreationDate), s(i.DeprecationTime)
	m.ENASupport, m.Public = types.BoolValue(true), types.BoolValue(true)
	m.Hypervisor, m.ImageLocation, m.ImageOwnerAlias, m.ImageType = s(cloud.ImageHypervisor), s(i.ImageLocation()), s(i.OwnerAlias), s(cloud.ImageType)
	m.IMDSSupport, m.KernelID, m.LastLaunchedTime, m.OwnerID = s(i.IMDSSupport), s(""), s(""), s(i.OwnerID)
	m.Platform, m.PlatformDetails, m.RamdiskID = s(""), s(cloud.ImagePlatformDetails), s("")
	m.RootDeviceName, m.RootDeviceType, m.RootSnapshotID = s(i.RootDeviceName), s(cloud.ImageRootDeviceType), s(i.RootSnapshotID)
	m.SriovNetSupport, m.State, m.TPMSupport, m.UsageOperation = s(cloud.ImageSriovNetSupport), s(cloud.ImageState), s(""), s(cloud.ImageUsageOperation)
	m.VirtualizationType = s(cloud.ImageVirtualizationType)
	if m.UEFIData.IsNull() || m.UEFIData.IsUnknown() {
		m.UEFIData = types.StringNull()
	}
	m.StateReason = mapValue(ctx, map[string]string{"code": "UNSET", "message": "UNSET"}, diags)
	m.Tags = mapValue(ctx, map[string]string{}, diags)
	ebs, d := types.MapValueFrom(ctx, types.StringType, map[string]string{"delete_on_termination": "true", "encrypted": "false", "iops": "0",
		"snapshot_id": i.RootSnapshotID, "throughput": "0", "volume_size": strconv.FormatInt(i.VolumeSize, 10), "volume_type": i.VolumeType})
	diags.Append(d...)
	root, d := types.ObjectValue(blockDeviceMappingType, map[string]attr.Value{"device_name": s(i.RootDeviceName), "ebs": ebs, "no_device": s(""), "virtual_name": s("")})
	diags.Append(d...)
	m.BlockDeviceMappings, d = types.SetValue(types.ObjectType{AttrTypes: blockDeviceMappingType}, []attr.Value{root})
	diags.Append(d...)
	m.ProductCodes, d = types.SetValue(types.ObjectType{AttrTypes: productCodeType}, []attr.Value{})
	diags.Append(d...)
}
