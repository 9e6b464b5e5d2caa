// Package provider is the Terraform face of the simulated cloud: schemas,
// plans and state. The cloud and its rules live in package cloud; this
// package only translates.
package provider

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
	"github.com/simcloud/terraform-provider-simcloud/internal/store"
)

// Address is the provider's source address in the Terraform registry.
const Address = "registry.terraform.io/simcloud/simcloud"

// envRegion names the environment variable that picks the region when the
// configuration does not.
const envRegion = store.EnvRegion

var _ provider.Provider = &simcloudProvider{}

type simcloudProvider struct {
	version string
}

// New returns a constructor for the provider, as providerserver wants it.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &simcloudProvider{version: version} }
}

type providerModel struct {
	Database    types.String      `tfsdk:"database"`
	Region      types.String      `tfsdk:"region"`
	AccountID   types.String      `tfsdk:"account_id"`
	DefaultTags *defaultTagsModel `tfsdk:"default_tags"`
	IgnoreTags  *ignoreTagsModel  `tfsdk:"ignore_tags"`
}

type ignoreTagsModel struct {
	Keys        types.Set `tfsdk:"keys"`
	KeyPrefixes types.Set `tfsdk:"key_prefixes"`
}

type defaultTagsModel struct {
	Tags types.Map `tfsdk:"tags"`
}

func (p *simcloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "simcloud"
	resp.Version = p.version
}

func (p *simcloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Creates AWS-shaped VPC networking in a simulated cloud kept in a local database, so that Terraform configurations written for AWS can be planned, applied and tested without an AWS account.",
		Attributes: map[string]schema.Attribute{
			"database": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Where the cloud lives: a file path for the embedded SQLite store, or a `postgres://` URL for a cloud shared on PostgreSQL. " +
					"Defaults to `$SIMCLOUD_DATABASE`, else `$XDG_DATA_HOME/simcloud/cloud.db`, else `~/.local/share/simcloud/cloud.db`. " +
					"The file and its folders are created on first use, readable by their owner only.",
			},
			"region": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The AWS region the cloud pretends to be, such as `us-east-1`. Defaults to `$SIMCLOUD_REGION`, else `us-east-1`. " +
					"Availability zones are the region's name followed by `a` to `f`.",
				Validators: []validator.String{cloudCheck(cloud.ValidateRegion)},
			},
			"account_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The 12-digit AWS account the configuration acts as; it appears in ARNs and `owner_id`. Defaults to `123456789012`.",
				Validators:          []validator.String{cloudCheck(cloud.ValidateAccountID)},
			},
		},
		Blocks: map[string]schema.Block{
			"default_tags": schema.SingleNestedBlock{
				MarkdownDescription: "Tags given to every object this provider creates, as in the AWS provider. An object's own `tags` win over these; the merged set is its `tags_all`.",
				Attributes: map[string]schema.Attribute{
					"tags": schema.MapAttribute{
						ElementType:         types.StringType,
						Optional:            true,
						MarkdownDescription: "Tags for every object.",
						Validators:          []validator.Map{tagsCheck()},
					},
				},
			},
			"ignore_tags": schema.SingleNestedBlock{
				MarkdownDescription: "Tags that someone else manages, as in the AWS provider: Terraform leaves them out of every resource's `tags` and " +
					"`tags_all` and of data sources' `tags`, so that they cause no diff, and keeps them on the object when it changes its other tags. " +
					"A resource that still sets such a tag in `tags` writes it, and shows a diff on every plan until the tag leaves `tags` " +
					"or `lifecycle { ignore_changes = [tags] }` covers it.",
				Attributes: map[string]schema.Attribute{
					"keys": schema.SetAttribute{
						ElementType:         types.StringType,
						Optional:            true,
						MarkdownDescription: "Exact tag keys to ignore.",
						Validators:          []validator.Set{setvalidator.ValueStringsAre(tagKeyPatternCheck("ignore_tags.keys"))},
					},
					"key_prefixes": schema.SetAttribute{
						ElementType:         types.StringType,
						Optional:            true,
						MarkdownDescription: "Tag key prefixes to ignore: a tag whose key starts with one of them is ignored.",
						Validators:          []validator.Set{setvalidator.ValueStringsAre(tagKeyPatternCheck("ignore_tags.key_prefixes"))},
					},
				},
			},
		},
	}
}

func (p *simcloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for name, value := range map[string]types.String{"database": config.Database, "region": config.Region, "account_id": config.AccountID} {
		if value.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown value for "+name,
				"The provider's "+name+" must be known when Terraform plans, but it depends on a value known only after apply. "+
					"Set it to a literal, a variable or a local value instead.")
		}
	}
	defaultTags := map[string]string{}
	if config.DefaultTags != nil {
		if config.DefaultTags.Tags.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root("default_tags").AtName("tags"), "Unknown value for default_tags",
				"Default tags must be known when Terraform plans. Set them from literals or variables.")
		} else {
			resp.Diagnostics.Append(config.DefaultTags.Tags.ElementsAs(ctx, &defaultTags, false)...)
		}
	}
	ignored := ignoredTags(ctx, config.IgnoreTags, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	scope := store.ResolveScope(config.AccountID.ValueString(), config.Region.ValueString(), os.Getenv)
	location, err := store.ResolveLocation(config.Database.ValueString(), os.Getenv)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("database"), "No location for the simulated cloud", err.Error())
		return
	}
	st, err := store.Shared(location)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("database"), "Cannot open the simulated cloud",
			"simcloud could not open its database: "+err.Error()+
				"\n\nPoint database (or SIMCLOUD_DATABASE) at a file in a folder you can write to.")
		return
	}
	client, err := cloud.NewClient(st, scope, logCloudCall)
	if err != nil {
		// The region may come from the environment, where no validator saw it.
		addCloudError(&resp.Diagnostics, "Configure", err)
		return
	}
	// The scope's first use makes its default VPC, as AWS gives one to
	// every account in every region (see cloud.Client.UseScope).
	if _, err := client.UseScope(ctx); err != nil {
		addCloudError(&resp.Diagnostics, "CreateDefaultVpc", err)
		return
	}
	tflog.Info(ctx, "simcloud configured", map[string]any{
		"database": store.Describe(location), "region": scope.Region, "account_id": scope.AccountID,
	})
	data := &providerData{client: client.KeepingTags(ignored), plan: cloud.NewPlan(), defaultTags: defaultTags, ignoredTags: ignored,
		regions: &regionalData{data: map[string]*providerData{}}, destroying: destroyRun(os.Getenv)}
	resp.ResourceData = data
	resp.DataSourceData = data
}

// ignoredTags reads the provider's ignore_tags block, which must be known
// when Terraform plans.
func ignoredTags(ctx context.Context, block *ignoreTagsModel, diags *diag.Diagnostics) cloud.TagKeys {
	var ignored cloud.TagKeys
	if block == nil {
		return ignored
	}
	for name, set := range map[string]struct {
		value types.Set
		into  *[]string
	}{"keys": {block.Keys, &ignored.Keys}, "key_prefixes": {block.KeyPrefixes, &ignored.Prefixes}} {
		switch {
		case set.value.IsUnknown():
			diags.AddAttributeError(path.Root("ignore_tags").AtName(name), "Unknown value for ignore_tags."+name,
				"The tags to ignore must be known when Terraform plans. Set them from literals or variables.")
		case !set.value.IsNull():
			diags.Append(set.value.ElementsAs(ctx, set.into, false)...)
		}
	}
	return ignored
}

func (p *simcloudProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newResource(vpcKind),
		newResource(internetGatewayKind),
		newResource(internetGatewayAttachmentKind),
		newResource(egressOnlyInternetGatewayKind),
		newResource(subnetKind),
		newResource(defaultSubnetKind),
		newResource(routeTableKind),
		newResource(routeKind),
		newResource(routeTableAssociationKind),
		newResource(mainRouteTableAssociationKind),
		newResource(defaultRouteTableKind),
		newResource(eipKind),
		newResource(natGatewayKind),
		newResource(networkInterfaceKind),
		newResource(instanceKind),
		newResource(eipAssociationKind),
		newResource(networkInterfaceAttachmentKind),
		newResource(networkInterfaceSGAttachmentKind),
		newResource(networkACLKind),
		newResource(networkACLAssociationKind),
		newResource(securityGroupKind),
		newResource(defaultSecurityGroupKind),
		newResource(defaultNetworkACLKind),
		newResource(networkACLRuleKind),
		newResource(vpcSecurityGroupIngressRuleKind),
		newResource(vpcSecurityGroupEgressRuleKind),
		newResource(securityGroupRuleKind),
		newResource(customerGatewayKind),
		newResource(vpcEndpointKind),
		newResource(vpnGatewayKind),
		newResource(vpnGatewayAttachmentKind),
		newResource(vgwRoutePropagationKind),
		newResource(dbSubnetGroupKind),
		newResource(elastiCacheSubnetGroupKind),
		newResource(redshiftSubnetGroupKind),
		newResource(blockPublicAccessOptionsKind),
		newResource(blockPublicAccessExclusionKind),
		newResource(iamRoleKind),
		newResource(iamPolicyKind),
		newResource(iamRolePolicyAttachmentKind),
		newResource(iamRolePolicyKind),
		newResource(logGroupKind),
		newResource(flowLogKind),
		newResource(vpcDHCPOptionsKind),
		newResource(managedPrefixListKind),
		newResource(keyPairKind),
		newResource(vpcPeeringKind),
		newResource(vpcPeeringAccepterKind),
		newResource(vpcPeeringOptionsKind),
		newResource(prefixListEntryKind),
		newResource(vpcDHCPOptionsAssociationKind),
		newResource(defaultVPCDHCPOptionsKind),
		newResource(vpcIPv4CIDRBlockAssociationKind),
		newResource(vpcIPv6CIDRBlockAssociationKind),
		newResource(defaultVPCKind),
		newResource(ipamKind),
		newResource(ipamPoolKind),
		newResource(ipamPoolCIDRKind),
		newResource(ipamPreviewNextCIDRKind),
	}
}

func (p *simcloudProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newLookupDataSource(vpcLookup),
		newLookupDataSource(internetGatewayLookup),
		newLookupDataSource(egressOnlyInternetGatewayLookup),
		newLookupDataSource(subnetLookup),
		newLookupDataSource(routeTableLookup),
		newLookupDataSource(eipLookup),
		newLookupDataSource(natGatewayLookup),
		newLookupDataSource(vpcPeeringLookup),
		newLookupDataSource(securityGroupLookup),
		newLookupDataSource(instanceLookup),
		newLookupDataSource(networkInterfaceLookup),
		NewNetworkPathDataSource,
		newIDsDataSource(networkACLsListing),
		newIDsDataSource(securityGroupsListing),
		newIDsDataSource(vpcsListing),
		newIDsDataSource(vpcPeeringConnectionsListing),
		newIDsDataSource(subnetsListing),
		newIDsDataSource(routeTablesListing),
		newIDsDataSource(instancesListing),
		newIDsDataSource(networkInterfacesListing),
		NewAvailabilityZonesDataSource,
		NewRegionDataSource,
		NewRegionsDataSource,
		NewCallerIdentityDataSource,
		NewPartitionDataSource,
		NewIAMPolicyDocumentDataSource,
		NewVPCEndpointServiceDataSource,
		NewPrefixListDataSource,
		NewAMIDataSource,
		NewAMIIDsDataSource,
		NewKeyPairDataSource,
	}
}

// logCloudCall writes every call into the cloud to the provider's log.
func logCloudCall(ctx context.Context, e cloud.Event) {
	fields := map[string]any{"operation": e.Operation, "duration_ms": float64(e.Duration.Microseconds()) / 1000}
	for role, id := range e.IDs {
		if id != "" {
			fields[role] = id
		}
	}
	if e.Err != nil {
		fields["error"] = e.Err.Error()
		tflog.Debug(ctx, "simcloud call refused or failed", fields)
		return
	}
	tflog.Debug(ctx, "simcloud call", fields)
}
