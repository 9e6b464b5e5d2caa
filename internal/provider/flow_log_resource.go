package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

type flowLogModel struct {
	taggedObject
	VPCID                      types.String                `tfsdk:"vpc_id"`
	SubnetID                   types.String                `tfsdk:"subnet_id"`
	ENIID                      types.String                `tfsdk:"eni_id"`
	TransitGatewayID           types.String                `tfsdk:"transit_gateway_id"`
	TransitGatewayAttachmentID types.String                `tfsdk:"transit_gateway_attachment_id"`
	TrafficType                types.String                `tfsdk:"traffic_type"`
	LogDestinationType         types.String                `tfsdk:"log_destination_type"`
	LogDestination             types.String                `tfsdk:"log_destination"`
	IAMRoleARN                 types.String                `tfsdk:"iam_role_arn"`
	LogFormat                  types.String                `tfsdk:"log_format"`
	MaxAggregationInterval     types.Int64                 `tfsdk:"max_aggregation_interval"`
	DeliverCrossAccountRole    types.String                `tfsdk:"deliver_cross_account_role"`
	DestinationOptions         []flowLogDestinationOptions `tfsdk:"destination_options"`
	ARN                        types.String                `tfsdk:"arn"`
}

type flowLogDestinationOptions struct {
	FileFormat               types.String `tfsdk:"file_format"`
	HiveCompatiblePartitions types.Bool   `tfsdk:"hive_compatible_partitions"`
	PerHourPartition         types.Bool   `tfsdk:"per_hour_partition"`
}

// defaultFlowLogFormat is AWS's format for a flow log given none.
const defaultFlowLogFormat = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}"

// targets are the model's target arguments, in cloud.FlowLogTargets' order.
func (m *flowLogModel) targets() []*types.String {
	return []*types.String{&m.VPCID, &m.SubnetID, &m.ENIID, &m.TransitGatewayID, &m.TransitGatewayAttachmentID}
}

func (m *flowLogModel) input(tags map[string]string) cloud.FlowLogInput {
	in := cloud.FlowLogInput{TrafficType: m.TrafficType.ValueString(), LogDestinationType: m.LogDestinationType.ValueString(),
		LogDestination: planned(m.LogDestination), IAMRoleARN: planned(m.IAMRoleARN), LogFormat: m.LogFormat.ValueString(),
		MaxAggregationInterval: m.MaxAggregationInterval.ValueInt64(), DeliverCrossAccountRole: planned(m.DeliverCrossAccountRole), Tags: tags}
	if m.LogDestination.IsNull() {
		in.LogDestination = ""
	}
	for i, t := range m.targets() {
		if !t.IsNull() {
			in.Target, in.ResourceID = cloud.FlowLogTargets[i], plannedID(*t, cloud.FlowLogTargets[i].Kind)
		}
	}
	if len(m.DestinationOptions) > 0 {
		o := m.DestinationOptions[0]
		in.HasDestinationOptions = true
		in.FileFormat, in.HiveCompatiblePartitions, in.PerHourPartition = o.FileFormat.ValueString(), o.HiveCompatiblePartitions.ValueBool(), o.PerHourPartition.ValueBool()
	}
	return in
}

func flowLogTargetArgument(t cloud.FlowLogTarget) schema.StringAttribute {
	return optionalReplacing("The "+t.Kind.Label()+" whose traffic is recorded; exactly one of the targets is set. Changing it replaces the flow log.",
		idCheck(t.Kind))
}

var flowLogKind = resourceKind[flowLogModel, cloud.FlowLog]{
	kind: cloud.KindFlowLog,
	schema: schema.Schema{
		MarkdownDescription: "A VPC flow log, with the arguments and attributes of `aws_flow_log`. The simulated cloud carries no traffic: " +
			"the flow log is recorded and checked, and produces no log records.",
		Attributes: map[string]schema.Attribute{
			"vpc_id":                        flowLogTargetArgument(cloud.FlowLogTargets[0]),
			"subnet_id":                     flowLogTargetArgument(cloud.FlowLogTargets[1]),
			"eni_id":                        flowLogTargetArgument(cloud.FlowLogTargets[2]),
			"transit_gateway_id":            flowLogTargetArgument(cloud.FlowLogTargets[3]),
			"transit_gateway_attachment_id": flowLogTargetArgument(cloud.FlowLogTargets[4]),
			"traffic_type":                  optionalReplacing("`ACCEPT`, `REJECT` or `ALL`; required unless the target is a transit gateway. Changing it replaces the flow log."),
			"log_destination_type": defaultedReplacing("cloud-watch-logs",
				"`cloud-watch-logs` (the default), `s3` or `kinesis-data-firehose`. Changing it replaces the flow log."),
			"log_destination": optionalReplacing("The ARN of the log group, bucket or delivery stream. Changing it replaces the flow log."),
			"iam_role_arn": optionalReplacing("The ARN of the role VPC Flow Logs assumes to write to CloudWatch Logs: required for, and only for, `cloud-watch-logs`; " +
				"the role must exist. Changing it replaces the flow log."),
			"log_format": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: replaceOnChangeKeepState,
				MarkdownDescription: "The fields of a record; AWS's default format when left out. Changing it replaces the flow log.",
			},
			"max_aggregation_interval": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(600),
				PlanModifiers:       replaceInt64OnChange,
				MarkdownDescription: "The longest interval, in seconds, that a record covers: 60 or 600 (the default; transit gateways take 60 only). Changing it replaces the flow log.",
			},
			"deliver_cross_account_role": optionalReplacing(
				"The ARN of the role that delivers to a Kinesis Data Firehose stream of another account. Changing it replaces the flow log."),
			"arn": computedID("The flow log's ARN."),
		},
		Blocks: map[string]schema.Block{
			"destination_options": schema.ListNestedBlock{
				MarkdownDescription: "How records are written to S3. Changing it replaces the flow log.",
				Validators:          []validator.List{listvalidator.SizeAtMost(1)},
				PlanModifiers:       replaceListOnChange,
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"file_format": schema.StringAttribute{
						Optional: true, Computed: true, Default: stringdefault.StaticString("plain-text"),
						MarkdownDescription: "`plain-text` (the default) or `parquet`.",
					},
					"hive_compatible_partitions": schema.BoolAttribute{
						Optional: true, Computed: true, PlanModifiers: keepBoolState,
						MarkdownDescription: "Use Hive-compatible S3 prefixes. Default `false`.",
					},
					"per_hour_partition": schema.BoolAttribute{
						Optional: true, Computed: true, PlanModifiers: keepBoolState,
						MarkdownDescription: "Partition by hour rather than by day. Default `false`.",
					},
				}},
			},
		},
	},
	errorFields: map[string]string{"vpc_id": "vpc_id", "subnet_id": "subnet_id", "eni_id": "eni_id", "transit_gateway_id": "transit_gateway_id",
		"transit_gateway_attachment_id": "transit_gateway_attachment_id", "traffic_type": "traffic_type", "log_destination_type": "log_destination_type",
		"log_destination": "log_destination", "iam_role_arn": "iam_role_arn", "max_aggregation_interval": "max_aggregation_interval",
		"destination_options": "destination_options", "deliver_cross_account_role": "deliver_cross_account_role", "tags_all": "tags_all"},
	create: func(d *providerData, ctx context.Context, a applyStep[flowLogModel]) (cloud.FlowLog, error) {
		in := a.plan.input(a.tags)
		if in.LogFormat == "" {
			in.LogFormat = defaultFlowLogFormat
		}
		return d.client.CreateFlowLog(ctx, in)
	},
	get:        cloud.Describe[cloud.FlowLog],
	setTags:    cloud.ReplaceTags[cloud.FlowLog],
	removeByID: (*cloud.Client).DeleteObject,
	check: func(ctx context.Context, d *providerData, p planStep[flowLogModel]) error {
		if p.plan.DestinationOptions != nil {
			for i := range p.plan.DestinationOptions {
				o := &p.plan.DestinationOptions[i]
				if o.HiveCompatiblePartitions.IsUnknown() {
					o.HiveCompatiblePartitions = types.BoolValue(false)
				}
				if o.PerHourPartition.IsUnknown() {
					o.PerHourPartition = types.BoolValue(false)
				}
			}
		}
		if p.plan.LogFormat.IsUnknown() && p.state == nil {
			p.plan.LogFormat = types.StringValue(defaultFlowLogFormat)
		}
		return d.client.CheckFlowLog(ctx, d.plan, p.holder, p.plan.input(p.tags))
	},
	fill: func(m *flowLogModel, f cloud.FlowLog) {
		m.ID, m.ARN = types.StringValue(f.ID), types.StringValue(f.ARN())
		for i, t := range m.targets() {
			*t = types.StringNull()
			if cloud.FlowLogTargets[i].ResourceType == f.ResourceType {
				*t = types.StringValue(f.ResourceID)
			}
		}
		m.TrafficType = optionalString(m.TrafficType, f.TrafficType)
		m.LogDestinationType, m.LogFormat = types.StringValue(f.LogDestinationType), types.StringValue(f.LogFormat)
		m.LogDestination = optionalString(m.LogDestination, f.LogDestination)
		m.IAMRoleARN = optionalString(m.IAMRoleARN, f.IAMRoleARN)
		m.DeliverCrossAccountRole = optionalString(m.DeliverCrossAccountRole, f.DeliverCrossAccountRole)
		m.MaxAggregationInterval = types.Int64Value(f.MaxAggregationInterval)
		m.DestinationOptions = nil
		if f.FileFormat != "" {
			m.DestinationOptions = []flowLogDestinationOptions{{FileFormat: types.StringValue(f.FileFormat),
				HiveCompatiblePartitions: types.BoolValue(f.HiveCompatiblePartitions), PerHourPartition: types.BoolValue(f.PerHourPartition)}}
		}
	},
	tagsOf:           func(f cloud.FlowLog) map[string]string { return f.Tags },
	configValidators: []resource.ConfigValidator{argumentsCheck(cloud.CheckFlowLogTargets, "vpc_id", "subnet_id", "eni_id", "transit_gateway_id", "transit_gateway_attachment_id")},
}
