package main

import (
	"os"
	"path/filepath"
	"strings"
)

// A graph is one configuration the benchmarks apply, plan and destroy.
type graph struct {
	Kind   string // the name its results are kept under
	Label  string // how the report names it
	Config string // main.tf; it takes var.n and var.cidr
	// Simcloud is true when the graph runs the simcloud provider, which
	// needs a database of its own per run.
	Simcloud bool
}

const variables = `variable "n" {
  type = number
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}
`

// requiredProvider names where the local name simcloud comes from: simcloud
// itself or the floor that serves its schemas.
func requiredProvider(source string) string {
	return `terraform {
  required_providers {
    simcloud = {
      source = "` + source + `"
    }
  }
}

`
}

// The wide network: 1 VPC, 1 internet gateway, 1 route table with
// 0.0.0.0/0 to the gateway, N subnets each with a route table association.
const wideSimcloud = `provider "simcloud" {}

resource "simcloud_vpc" "main" {
  cidr_block = var.cidr
}

resource "simcloud_internet_gateway" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_route_table" "public" {
  vpc_id = simcloud_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = simcloud_internet_gateway.main.id
  }
}

resource "simcloud_subnet" "s" {
  count      = var.n
  vpc_id     = simcloud_vpc.main.id
  cidr_block = cidrsubnet(var.cidr, 10, count.index)
}

resource "simcloud_route_table_association" "a" {
  count          = var.n
  subnet_id      = simcloud_subnet.s[count.index].id
  route_table_id = simcloud_route_table.public.id
}
`

// The same graph with no provider: what Terraform itself costs.
const wideData = `resource "terraform_data" "vpc" {
  input = { cidr_block = var.cidr }
}

resource "terraform_data" "igw" {
  input = { vpc_id = terraform_data.vpc.id }
}

resource "terraform_data" "rtb" {
  input = {
    vpc_id = terraform_data.vpc.id
    route  = { cidr_block = "0.0.0.0/0", gateway_id = terraform_data.igw.id }
  }
}

resource "terraform_data" "subnet" {
  count = var.n
  input = { vpc_id = terraform_data.vpc.id, cidr_block = cidrsubnet(var.cidr, 10, count.index) }
}

resource "terraform_data" "assoc" {
  count = var.n
  input = { subnet_id = terraform_data.subnet[count.index].id, route_table_id = terraform_data.rtb.id }
}
`

// The instances network: 1 VPC over 3 zones, N subnets each with a route
// table association and a network ACL association, a security group of 5
// rules, and one instance in each subnet.
const instancesSimcloud = `provider "simcloud" {}

locals {
  zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
  ports = [22, 80, 443, 5432, 8080]
}

resource "simcloud_vpc" "main" {
  cidr_block = var.cidr
}

resource "simcloud_route_table" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_network_acl" "main" {
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_security_group" "app" {
  name   = "app"
  vpc_id = simcloud_vpc.main.id
}

resource "simcloud_vpc_security_group_ingress_rule" "app" {
  count             = length(local.ports)
  security_group_id = simcloud_security_group.app.id
  cidr_ipv4         = var.cidr
  ip_protocol       = "tcp"
  from_port         = local.ports[count.index]
  to_port           = local.ports[count.index]
}

resource "simcloud_subnet" "s" {
  count             = var.n
  vpc_id            = simcloud_vpc.main.id
  availability_zone = local.zones[count.index % 3]
  cidr_block        = cidrsubnet(var.cidr, 10, count.index)
}

resource "simcloud_route_table_association" "a" {
  count          = var.n
  subnet_id      = simcloud_subnet.s[count.index].id
  route_table_id = simcloud_route_table.main.id
}

resource "simcloud_network_acl_association" "a" {
  count          = var.n
  subnet_id      = simcloud_subnet.s[count.index].id
  network_acl_id = simcloud_network_acl.main.id
}

resource "simcloud_instance" "i" {
  count                  = var.n
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = simcloud_subnet.s[count.index].id
  vpc_security_group_ids = [simcloud_security_group.app.id]
}
`

const instancesData = `locals {
  zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
  ports = [22, 80, 443, 5432, 8080]
}

resource "terraform_data" "vpc" {
  input = { cidr_block = var.cidr }
}

resource "terraform_data" "rtb" {
  input = { vpc_id = terraform_data.vpc.id }
}

resource "terraform_data" "acl" {
  input = { vpc_id = terraform_data.vpc.id }
}

resource "terraform_data" "sg" {
  input = { name = "app", vpc_id = terraform_data.vpc.id }
}

resource "terraform_data" "rule" {
  count = length(local.ports)
  input = {
    security_group_id = terraform_data.sg.id
    cidr_ipv4         = var.cidr
    ip_protocol       = "tcp"
    from_port         = local.ports[count.index]
    to_port           = local.ports[count.index]
  }
}

resource "terraform_data" "subnet" {
  count = var.n
  input = {
    vpc_id            = terraform_data.vpc.id
    availability_zone = local.zones[count.index % 3]
    cidr_block        = cidrsubnet(var.cidr, 10, count.index)
  }
}

resource "terraform_data" "assoc" {
  count = var.n
  input = { subnet_id = terraform_data.subnet[count.index].id, route_table_id = terraform_data.rtb.id }
}

resource "terraform_data" "acl_assoc" {
  count = var.n
  input = { subnet_id = terraform_data.subnet[count.index].id, network_acl_id = terraform_data.acl.id }
}

resource "terraform_data" "instance" {
  count = var.n
  input = {
    ami                    = "ami-0123456789abcdef0"
    instance_type          = "t3.micro"
    subnet_id              = terraform_data.subnet[count.index].id
    vpc_security_group_ids = [terraform_data.sg.id]
  }
}
`

// The floor plugin built with simcloud's schemas answers to the local name
// simcloud, so each network's plugin floor runs simcloud's configuration
// word for word: what any provider of the same objects costs Terraform.
const schemaFloorLabel = "do-nothing plugin with simcloud's schemas"

var (
	wideNetwork = []graph{
		{Kind: "simcloud", Label: "simcloud", Simcloud: true,
			Config: requiredProvider("simcloud/simcloud") + variables + "\n" + wideSimcloud},
		{Kind: "floor", Label: "terraform_data", Config: variables + "\n" + wideData},
		{Kind: "plugin", Label: schemaFloorLabel,
			Config: requiredProvider("simcloud/floorschemas") + variables + "\n" + wideSimcloud},
	}
	instancesNetwork = []graph{
		{Kind: "inst-simcloud", Label: "simcloud", Simcloud: true,
			Config: requiredProvider("simcloud/simcloud") + variables + "\n" + instancesSimcloud},
		{Kind: "inst-floor", Label: "terraform_data", Config: variables + "\n" + instancesData},
		{Kind: "inst-plugin", Label: schemaFloorLabel,
			Config: requiredProvider("simcloud/floorschemas") + variables + "\n" + instancesSimcloud},
	}
)

func writeConfig(dir string, g graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(g.Config), 0o644)
}

// suffix names the concurrency results of a floor: "" for simcloud.
func concSuffix(kind string) string {
	if kind == "simcloud" {
		return ""
	}
	return "-" + strings.TrimPrefix(kind, "inst-")
}
