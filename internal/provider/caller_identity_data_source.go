package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NewCallerIdentityDataSource is simcloud_caller_identity: who the
// provider acts as. It is global, as aws_caller_identity is.
var NewCallerIdentityDataSource = newComputedDataSource("_caller_identity", readCallerIdentity, schema.Schema{
	MarkdownDescription: "Tells who the provider acts as, as the `aws_caller_identity` data source does: every caller of the simulated cloud " +
		"is the IAM user `simcloud` of the provider's `account_id`.",
	Attributes: map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, MarkdownDescription: "The account ID, as the AWS provider sets it."},
		"account_id": schema.StringAttribute{Computed: true, MarkdownDescription: "The provider's account: `123456789012` unless configured."},
		"arn": schema.StringAttribute{Computed: true,
			MarkdownDescription: "The caller's ARN: `arn:<partition>:iam::<account_id>:user/simcloud`."},
		"user_id": schema.StringAttribute{Computed: true,
			MarkdownDescription: "The caller's unique ID, shaped like an IAM user's (`AIDA` and 17 characters): the same on every run for an account, different between accounts."},
	},
})

type callerIdentityModel struct {
	ID        types.String `tfsdk:"id"`
	AccountID types.String `tfsdk:"account_id"`
	ARN       types.String `tfsdk:"arn"`
	UserID    types.String `tfsdk:"user_id"`
}

func readCallerIdentity(_ context.Context, data *providerData, m *callerIdentityModel, _ *diag.Diagnostics) {
	id := data.client.CallerIdentity()
	m.ID, m.AccountID, m.ARN, m.UserID = types.StringValue(id.AccountID), types.StringValue(id.AccountID), types.StringValue(id.ARN), types.StringValue(id.UserID)
}
