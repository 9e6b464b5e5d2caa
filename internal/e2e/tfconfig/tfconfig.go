// Package tfconfig writes the Terraform configurations that the tests
// running the real terraform apply. The tests say which objects they need;
// how a configuration of the simcloud provider starts, and how a block is
// written, is said here once.
package tfconfig

import "strings"

// Config is a configuration of the simcloud provider on the database that
// the variable database names, with variables of type number by the names
// numbers, followed by blocks.
func Config(numbers []string, blocks ...string) string {
	preamble := []string{
		Block("terraform", nil, Block("required_providers", nil, `simcloud = { source = "simcloud/simcloud" }`)),
		`variable "database" { type = string }`,
	}
	for _, name := range numbers {
		preamble = append(preamble, `variable "`+name+`" { type = number }`)
	}
	preamble = append(preamble, Block("provider", []string{"simcloud"}, "database = var.database"))
	return strings.Join(append(preamble, blocks...), "\n\n") + "\n"
}

// Resource is a resource block: body holds its arguments ("vpc_id =
// simcloud_vpc.main.id") and nested blocks.
func Resource(resourceType, name string, body ...string) string {
	return Block("resource", []string{resourceType, name}, body...)
}

// Block is a block of the given type and labels, with body inside it
// indented.
func Block(blockType string, labels []string, body ...string) string {
	var b strings.Builder
	b.WriteString(blockType)
	for _, label := range labels {
		b.WriteString(` "` + label + `"`)
	}
	b.WriteString(" {\n")
	for _, item := range body {
		b.WriteString("  " + strings.ReplaceAll(item, "\n", "\n  ") + "\n")
	}
	b.WriteString("}")
	return b.String()
}

// VPCID is the argument that puts an object in the VPC simcloud_vpc.main.
const VPCID = "vpc_id = simcloud_vpc.main.id"
