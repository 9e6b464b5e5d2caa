package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type logGroupModel struct {
	namedObject
	RetentionInDays types.Int64  `tfsdk:"retention_in_days"`
	KMSKeyID        types.String `tfsdk:"kms_key_id"`
	LogGroupClass   types.String `tfsdk:"log_group_class"`
	SkipDestroy     types.Bool   `tfsdk:"skip_destroy"`
	ARN             types.String `tfsdk:"arn"`
}

func (m *logGroupModel) input(name string, tags map[string]string) cloud.LogGroupInput {
	return cloud.LogGroupInput{Name: name, RetentionInDays: m.RetentionInDays.ValueInt64(), KMSKeyID: planned(m.KMSKeyID),
		LogGroupClass: m.LogGroupClass.ValueString(), Tags: tags}
}

var logGroupKind = namedObjectKind(resourceKind[logGroupModel, cloud.LogGroup]{
	kind: cloud.KindLogGroup,
	schema: schema.Schema{
		MarkdownDescription: "A CloudWatch Logs log group, with the arguments and attributes of `aws_cloudwatch_log_group`: where a flow log may send its records. " +
			"The simulated cloud keeps the group and its settings; it holds no log events.",
		Attributes: map[string]schema.Attribute{
			"id": computedID("The log group's name."),
			"retention_in_days": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				MarkdownDescription: "How many days events are kept: 0 (the default, forever) or one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, " +
					"1096, 1827, 2192, 2557, 2922, 3288 and 3653.",
			},
			"kms_key_id": optionalArgument("The ARN of the KMS key that encrypts the group's events."),
			"log_group_class": defaultedReplacing("STANDARD", "`STANDARD` (the default), `INFREQUENT_ACCESS` or `DELIVERY`. Changing it replaces the group.",
				cloudCheck(func(s string) error { return cloud.CheckLogGroupClass(s, "log_group_class") })),
			"skip_destroy": optionalBool(false, "Leave the group in the cloud when the resource is destroyed, only forgetting it. Default `false`."),
			"arn":          computedID("The log group's ARN, `arn:aws:logs:<region>:<account>:log-group:<name>`."),
		},
	},
	updateOp:    "PutRetentionPolicy",
	errorFields: map[string]string{"name": "name", "retention_in_days": "retention_in_days", "kms_key_id": "kms_key_id", "log_group_class": "log_group_class", "tags_all": "tags_all"},
	get:         (*cloud.Client).LogGroup,
	remove: func(c *cloud.Client, ctx context.Context, state *logGroupModel) error {
		if state.SkipDestroy.ValueBool() {
			return nil
		}
		return c.DeleteLogGroup(ctx, state.ID.ValueString())
	},
	fill: func(m *logGroupModel, g cloud.LogGroup) {
		m.ID, m.Name, m.ARN = types.StringValue(g.Name), types.StringValue(g.Name), types.StringValue(g.ARN)
		m.RetentionInDays, m.LogGroupClass = types.Int64Value(g.RetentionInDays), types.StringValue(g.LogGroupClass)
		m.KMSKeyID = optionalString(m.KMSKeyID, g.KMSKeyID)
		m.SkipDestroy = providerFlag(m.SkipDestroy)
	},
	tagsOf: func(g cloud.LogGroup) map[string]string { return g.Tags },
}, namedCalls[logGroupModel, cloud.LogGroup, cloud.LogGroupInput]{
	input: (*logGroupModel).input, create: (*cloud.Client).CreateLogGroup, update: (*cloud.Client).UpdateLogGroup, check: (*cloud.Client).CheckLogGroup,
	held: func(m *logGroupModel) (types.String, []attr.Value) {
		return m.ARN, []attr.Value{m.Name, m.LogGroupClass}
	},
}, "log group",
	func(s string) error { return cloud.ValidateLogGroupName(s, "name", 512) },
	func(s string) error {
		return cloud.ValidateLogGroupName(s, "name_prefix", cloud.MaxLogGroupNamePrefixLength)
	})
