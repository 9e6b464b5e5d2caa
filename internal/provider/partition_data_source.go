package provider

import (
	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// NewPartitionDataSource is simcloud_partition: the partition of the
// provider's region. It is global, as aws_partition is.
var NewPartitionDataSource = newScopeDataSource("_partition",
	"Tells the partition of the provider's region, as the `aws_partition` data source does: `aws-cn` for the `cn-` regions, "+
		"`aws-us-gov` for the `us-gov-` regions, `aws` for the others.",
	map[string]scopeValue{
		"partition": {description: "The partition, as ARNs name it: `aws`, `aws-cn` or `aws-us-gov`.",
			value: func(data *providerData) string { return partitionOf(data).ID }},
		"id": {description: "The partition, as `partition`; deprecated in the AWS provider 6.", deprecation: "id is deprecated. Use partition instead.",
			value: func(data *providerData) string { return partitionOf(data).ID }},
		"dns_suffix": {description: "The partition's domain: `amazonaws.com`, or `amazonaws.com.cn` in China.",
			value: func(data *providerData) string { return partitionOf(data).DNSSuffix }},
		"reverse_dns_prefix": {description: "The prefix of the partition's service names: `com.amazonaws`, or `cn.com.amazonaws` in China.",
			value: func(data *providerData) string { return partitionOf(data).ReverseDNSPrefix }},
	})

func partitionOf(data *providerData) cloud.Partition {
	return cloud.PartitionOf(data.client.Scope().Region)
}
