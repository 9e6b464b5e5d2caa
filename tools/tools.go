//go:build generate

// Package tools pins and runs the code generators used by this repository.
// Run it with `make generate` (or `cd tools && go generate ./...`); a
// terraform binary must be on PATH.
package tools

import (
	// Documentation generation.
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)

// Format Terraform code for use in documentation.
//go:generate terraform fmt -recursive ../examples/

// Generate documentation. Never pass --tf-version: tfplugindocs would download Terraform.
//go:generate go run github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate --provider-dir .. -provider-name simcloud
