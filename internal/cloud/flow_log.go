package cloud

import (
	"context"
	"fmt"
	"slices"
)

// FlowLog records that the traffic of a VPC, subnet, network interface or
// transit gateway is to be logged to a destination. The simulated cloud
// carries no traffic, so a flow log is kept, checked and returned but
// produces no records.
type FlowLog struct {
	ID                       string
	OwnerID                  string
	Region                   string
	ResourceID               string
	ResourceType             string
	TrafficType              string
	LogDestinationType       string
	LogDestination           string
	IAMRoleARN               string
	LogFormat                string
	MaxAggregationInterval   int64
	FileFormat               string
	HiveCompatiblePartitions bool
	PerHourPartition         bool
	DeliverCrossAccountRole  string
	Tags                     map[string]string
}

// FlowLogFilter selects flow logs; empty fields match all.
type FlowLogFilter struct {
	ID, ResourceID string
	Tags           map[string]string
}

var (
	KindFlowLog = ec2Kind("fl", "flowLog", "flow log", "vpc-flow-log", "InvalidFlowLogId")
	// The simulated cloud has no transit gateways: a flow log naming one
	// is refused as AWS refuses an unknown one.
	KindTransitGateway           = ec2Kind("tgw", "transitGateway", "transit gateway", "", "InvalidTransitGatewayID")
	KindTransitGatewayAttachment = ec2Kind("tgw-attach", "transitGatewayAttachment", "transit gateway attachment", "", "InvalidTransitGatewayAttachmentID")
)

func (FlowLog) StoredKind() Kind         { return KindFlowLog }
func (FlowLogFilter) FilteredKind() Kind { return KindFlowLog }

// The values of a flow log's enumerated arguments.
var (
	FlowLogTrafficTypes     = []string{"ACCEPT", "REJECT", "ALL"}
	FlowLogDestinationTypes = []string{"cloud-watch-logs", "s3", "kinesis-data-firehose"}
	FlowLogFileFormats      = []string{"plain-text", "parquet"}
	FlowLogIntervals        = []int64{60, 600}
)

// FlowLogTarget is an argument that names what a flow log watches: its
// field, the kind of ID it holds and the resource type AWS records.
type FlowLogTarget struct {
	Field, ResourceType string
	Kind                Kind
}

// FlowLogTargets are the arguments of aws_flow_log that name its target,
// exactly one of which is set.
var FlowLogTargets = []FlowLogTarget{
	{Field: "vpc_id", ResourceType: "VPC", Kind: KindVPC},
	{Field: "subnet_id", ResourceType: "Subnet", Kind: KindSubnet},
	{Field: "eni_id", ResourceType: "NetworkInterface", Kind: KindNetworkInterface},
	{Field: "transit_gateway_id", ResourceType: "TransitGateway", Kind: KindTransitGateway},
	{Field: "transit_gateway_attachment_id", ResourceType: "TransitGatewayAttachment", Kind: KindTransitGatewayAttachment},
}

// FlowLogInput is a flow log as CreateFlowLogs takes it; Target is the
// entry of FlowLogTargets whose argument is set, ResourceID its value.
type FlowLogInput struct {
	Target                                                            FlowLogTarget
	ResourceID, TrafficType, LogDestinationType, LogDestination       string
	IAMRoleARN, LogFormat, FileFormat, DeliverCrossAccountRole        string
	MaxAggregationInterval                                            int64
	HiveCompatiblePartitions, PerHourPartition, HasDestinationOptions bool
	Tags                                                              map[string]string
}

func flowLogInvalid(field, message, fix string) *Error {
	return &Error{Code: "InvalidParameter", Message: message, Fix: fix, Field: field}
}

// CheckFlowLogTargets refuses a flow log that names no target or more than
// one: set maps each target argument given to its value.
func CheckFlowLogTargets(set map[string]string) error {
	var given []string
	for _, t := range FlowLogTargets {
		if _, ok := set[t.Field]; ok {
			given = append(given, t.Field)
		}
	}
	if len(given) != 1 {
		return &Error{Code: "InvalidParameter", Message: "Exactly one of vpc_id, subnet_id, eni_id, transit_gateway_id or transit_gateway_attachment_id must be specified",
			Fix: "Name one resource whose traffic the flow log records."}
	}
	return nil
}

func (in FlowLogInput) valuesRule() Rule {
	return func(View) error {
		transit := in.Target.Kind == KindTransitGateway || in.Target.Kind == KindTransitGatewayAttachment
		switch {
		case in.TrafficType == "" && !transit:
			return flowLogInvalid("traffic_type", "TrafficType is required", "Set traffic_type to ACCEPT, REJECT or ALL.")
		case in.TrafficType != "" && !slices.Contains(FlowLogTrafficTypes, in.TrafficType):
			return flowLogInvalid("traffic_type", fmt.Sprintf("Invalid traffic type: %s", printable(in.TrafficType)), "Set traffic_type to ACCEPT, REJECT or ALL.")
		case !slices.Contains(FlowLogDestinationTypes, in.LogDestinationType):
			return flowLogInvalid("log_destination_type", fmt.Sprintf("Invalid log destination type: %s", printable(in.LogDestinationType)),
				"Set log_destination_type to cloud-watch-logs, s3 or kinesis-data-firehose.")
		case !slices.Contains(FlowLogIntervals, in.MaxAggregationInterval):
			return flowLogInvalid("max_aggregation_interval", fmt.Sprintf("Invalid max aggregation interval: %d", in.MaxAggregationInterval), "Set max_aggregation_interval to 60 or 600 seconds.")
		case transit && in.MaxAggregationInterval != 60:
			return flowLogInvalid("max_aggregation_interval", "Transit gateway flow logs only support a max aggregation interval of 60 seconds", "Set max_aggregation_interval = 60.")
		case in.LogDestinationType == "cloud-watch-logs" && in.IAMRoleARN == "":
			return flowLogInvalid("iam_role_arn", "DeliverLogsPermissionArn is required when the log destination type is cloud-watch-logs",
				"Set iam_role_arn to the ARN of a role that VPC Flow Logs (vpc-flow-logs.amazonaws.com) may assume.")
		case in.LogDestinationType != "cloud-watch-logs" && in.IAMRoleARN != "":
			return flowLogInvalid("iam_role_arn", "DeliverLogsPermissionArn can only be specified when the log destination type is cloud-watch-logs",
				"Remove iam_role_arn, or send the logs to CloudWatch Logs.")
		case in.HasDestinationOptions && in.LogDestinationType != "s3":
			return flowLogInvalid("destination_options", "DestinationOptions can only be specified when the log destination type is s3", "Remove destination_options, or send the logs to S3.")
		case in.FileFormat != "" && !slices.Contains(FlowLogFileFormats, in.FileFormat):
			return flowLogInvalid("destination_options", fmt.Sprintf("Invalid file format: %s", printable(in.FileFormat)), "Set file_format to plain-text or parquet.")
		case in.DeliverCrossAccountRole != "" && in.LogDestinationType != "kinesis-data-firehose":
			return flowLogInvalid("deliver_cross_account_role", "DeliverCrossAccountRole can only be specified when the log destination type is kinesis-data-firehose",
				"Remove deliver_cross_account_role, or send the logs to Kinesis Data Firehose.")
		}
		if err := checkFlowLogDestination(in); err != nil {
			return err
		}
		return ValidateTags(in.Tags, "tags_all")
	}
}

// checkFlowLogDestination checks that log_destination is an ARN of the
// service its type names.
func checkFlowLogDestination(in FlowLogInput) error {
	if in.LogDestination == "" || !IsKnown(in.LogDestination) {
		if in.LogDestination == "" && in.LogDestinationType != "cloud-watch-logs" {
			return flowLogInvalid("log_destination", "LogDestination is required when the log destination type is "+in.LogDestinationType, "Set log_destination to the ARN of the bucket or delivery stream.")
		}
		return nil
	}
	service := map[string]string{"cloud-watch-logs": "logs", "s3": "s3", "kinesis-data-firehose": "firehose"}[in.LogDestinationType]
	if a, ok := parseARN(in.LogDestination); !ok || a.service != service {
		return flowLogInvalid("log_destination", fmt.Sprintf("Invalid log destination ARN for type %s: %s", in.LogDestinationType, printable(in.LogDestination)),
			fmt.Sprintf("Give the ARN of a %s destination, such as the arn attribute of its resource.", service))
	}
	if in.IAMRoleARN != "" && IsKnown(in.IAMRoleARN) && !KindIAMRole.names(in.IAMRoleARN) {
		return flowLogInvalid("iam_role_arn", fmt.Sprintf("Invalid IAM role ARN: %s", printable(in.IAMRoleARN)), "Give the arn of a simcloud_iam_role.")
	}
	return nil
}

func (c *Client) flowLogRule(in FlowLogInput) Rule {
	return allRules(in.valuesRule(), func(v View) error {
		if IsKnown(in.ResourceID) {
			if err := ValidateID(in.Target.Kind, in.ResourceID, in.Target.Field); err != nil {
				return err
			}
			if ok, err := c.flowLogTargetExists(v, in.Target.Kind, in.ResourceID); err != nil || !ok {
				if err != nil {
					return err
				}
				return notFound(in.Target.Kind, in.ResourceID, in.Target.Field)
			}
		}
		if in.IAMRoleARN != "" && IsKnown(in.IAMRoleARN) && KindIAMRole.names(in.IAMRoleARN) {
			if _, err := c.findRole(v, in.IAMRoleARN, "iam_role_arn"); err != nil {
				return err
			}
		}
		return nil
	})
}

// flowLogTargetExists reports whether the VPC, subnet or network
// interface exists in the scope: an interface of its own, or a NAT
// gateway's; the cloud has no transit gateways.
func (c *Client) flowLogTargetExists(v View, kind Kind, id string) (bool, error) {
	switch kind {
	case KindVPC, KindSubnet:
		_, ok, err := v.Get(c.scope, kind, id)
		return ok, err
	case KindNetworkInterface:
		if _, ok, err := get[NetworkInterface](v, c.scope, id); err != nil || ok {
			return ok, err
		}
		gateways, err := list[NATGateway](v, c.scope, NATGatewayFilter{})
		return slices.ContainsFunc(gateways, func(g NATGateway) bool { return g.NetworkInterfaceID == id }), err
	}
	return false, nil
}

// CheckFlowLog runs at plan time the rules that creating a flow log will
// meet at apply.
func (c *Client) CheckFlowLog(ctx context.Context, p *Plan, holder Holder, in FlowLogInput) error {
	return c.Check(ctx, p, holder, c.flowLogRule(in))
}

// CreateFlowLog creates a flow log.
func (c *Client) CreateFlowLog(ctx context.Context, in FlowLogInput) (FlowLog, error) {
	f := FlowLog{
		ID: newID(KindFlowLog), OwnerID: c.scope.AccountID, Region: c.scope.Region, ResourceID: in.ResourceID, ResourceType: in.Target.ResourceType,
		TrafficType: in.TrafficType, LogDestinationType: in.LogDestinationType, LogDestination: in.LogDestination, IAMRoleARN: in.IAMRoleARN,
		LogFormat: in.LogFormat, MaxAggregationInterval: in.MaxAggregationInterval, FileFormat: in.FileFormat,
		HiveCompatiblePartitions: in.HiveCompatiblePartitions, PerHourPartition: in.PerHourPartition,
		DeliverCrossAccountRole: in.DeliverCrossAccountRole, Tags: in.Tags,
	}
	ids := map[string]string{"flow_log_id": f.ID, in.Target.Field: in.ResourceID}
	return createTagged(c, ctx, "CreateFlowLogs", ids, c.flowLogRule(in), f, f.ID, in.Tags)
}

func describeFlowLog(f FlowLog) Object {
	return Object{ID: f.ID, Tags: f.Tags, Value: f, Parent: f.ResourceID,
		References: references("resource_id", f.ResourceID, "iam_role_arn", f.IAMRoleARN, "log_destination", f.LogDestination)}
}
