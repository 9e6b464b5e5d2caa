package provider

// NewCallerIdentityDataSource is simcloud_caller_identity: who the
// provider acts as. It is global, as aws_caller_identity is.
var NewCallerIdentityDataSource = newScopeDataSource("_caller_identity",
	"Tells who the provider acts as, as the `aws_caller_identity` data source does: every caller of the simulated cloud "+
		"is the IAM user `simcloud` of the provider's `account_id`.",
	map[string]scopeValue{
		"id": {description: "The account ID, as the AWS provider sets it.",
			value: func(data *providerData) string { return data.client.CallerIdentity().AccountID }},
		"account_id": {description: "The provider's account: `123456789012` unless configured.",
			value: func(data *providerData) string { return data.client.CallerIdentity().AccountID }},
		"arn": {description: "The caller's ARN: `arn:<partition>:iam::<account_id>:user/simcloud`.",
			value: func(data *providerData) string { return data.client.CallerIdentity().ARN }},
		"user_id": {description: "The caller's unique ID, shaped like an IAM user's (`AIDA` and 17 characters): the same on every run for an account, different between accounts.",
			value: func(data *providerData) string { return data.client.CallerIdentity().UserID }},
	})
