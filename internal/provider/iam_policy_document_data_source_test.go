package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// The expected documents are the AWS provider's documentation examples'.
// Its pages still show "Sid": "" for statements without a Sid; the AWS
// provider has written none since Sid became omitempty, and neither do we.
const (
	multipleConditionKeysJSON = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "kms:GenerateDataKey",
        "kms:Decrypt"
      ],
      "Resource": "*",
      "Condition": {
        "ForAnyValue:StringEquals": {
          "kms:EncryptionContext:aws:pi:service": "rds",
          "kms:EncryptionContext:service": "pi"
        }
      }
    }
  ]
}`
	sourceDocumentJSON = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverride",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::somebucket/*",
        "arn:aws:s3:::somebucket"
      ]
    }
  ]
}`
	sourceAndOverrideJSON = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OverridePlaceholder",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`
)

// tfPolicyDocument renders data "simcloud_iam_policy_document" "<name>".
func tfPolicyDocument(name string, arguments ...string) string {
	return tfData("iam_policy_document", name, arguments...)
}

// tfStatement is a statement block of a policy document.
func tfStatement(arguments ...string) string { return tfBlock("statement", arguments...) }

func TestAccIAMPolicyDocumentDataSource_awsExamples(t *testing.T) {
	c := newTestCloud(t)
	condition := func(variable, value string) string {
		return tfBlock("condition", `test = "ForAnyValue:StringEquals"`, `variable = "`+variable+`"`, `values = ["`+value+`"]`)
	}
	principals := func(kind, identifiers string) string {
		return tfBlock("principals", `type = "`+kind+`"`, "identifiers = "+identifiers)
	}
	everything := `resources = ["*"]`
	config := c.config(
		tfPolicyDocument("conditions", tfStatement(`actions = ["kms:Decrypt", "kms:GenerateDataKey"]`, everything,
			condition("kms:EncryptionContext:service", "pi"), condition("kms:EncryptionContext:aws:pi:service", "rds"))) +
			tfPolicyDocument("source", tfStatement(`actions = ["ec2:*"]`, everything), tfStatement(`sid = "SidToOverride"`, `actions = ["s3:*"]`, everything)) +
			tfPolicyDocument("source_document_example", "source_policy_documents = [data.simcloud_iam_policy_document.source.json]",
				tfStatement(`sid = "SidToOverride"`, `actions = ["s3:*"]`, `resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]`)) +
			tfPolicyDocument("placeholder", tfStatement(`sid = "OverridePlaceholder"`, `actions = ["ec2:DescribeAccountAttributes"]`, everything)) +
			tfPolicyDocument("override", tfStatement(`sid = "OverridePlaceholder"`, `actions = ["s3:GetObject"]`, everything)) +
			tfPolicyDocument("politik", "source_policy_documents = [data.simcloud_iam_policy_document.placeholder.json]",
				"override_policy_documents = [data.simcloud_iam_policy_document.override.json]") +
			tfPolicyDocument("trust", tfStatement(`actions = ["sts:AssumeRole"]`,
				principals("Service", `["vpc-flow-logs.amazonaws.com"]`),
				principals("AWS", `["arn:aws:iam::123456789012:root", "123456789012"]`),
				`resources = ["arn:aws:s3:::b/&{aws:username}"]`)))
	unitTest(t, resource.TestStep{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			attrIs("data.simcloud_iam_policy_document.conditions", "json", knownvalue.StringExact(multipleConditionKeysJSON)),
			attrIs("data.simcloud_iam_policy_document.source_document_example", "json", knownvalue.StringExact(sourceDocumentJSON)),
			attrIs("data.simcloud_iam_policy_document.politik", "json", knownvalue.StringExact(sourceAndOverrideJSON)),
			attrIs("data.simcloud_iam_policy_document.politik", "minified_json",
				knownvalue.StringExact(`{"Version":"2012-10-17","Statement":[{"Sid":"OverridePlaceholder","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`)),
			attrIs("data.simcloud_iam_policy_document.trust", "minified_json",
				knownvalue.StringExact(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:s3:::b/${aws:username}",`+
					`"Principal":{"AWS":["arn:aws:iam::123456789012:root","123456789012"],"Service":"vpc-flow-logs.amazonaws.com"}}]}`)),
			attrIs("data.simcloud_iam_policy_document.politik", "id", matching(`^[0-9]+$`)),
		},
	})
}

func TestAccIAMPolicyDocumentDataSource_refusals(t *testing.T) {
	c := newTestCloud(t)
	unitTest(t,
		planFails(c.config(tfPolicyDocument("bad", tfStatement(`sid = "not-alphanumeric"`, `actions = ["s3:*"]`))), "must only include alphanumeric characters"),
		planFails(c.config(tfPolicyDocument("dup", tfStatement(`sid = "Same"`, `actions = ["s3:*"]`), tfStatement(`sid = "Same"`, `actions = ["ec2:*"]`))),
			"duplicate Sid (Same)"),
		planFails(c.config(tfPolicyDocument("old", `version = "2008-10-17"`, tfStatement(`actions = ["s3:*"]`, `resources = ["arn:aws:s3:::b/&{aws:username}"]`))),
			"not supported in document version 2008-10-17"),
	)
}
