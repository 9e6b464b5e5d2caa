# A terraform test suite for terraform-aws-modules/vpc, renamed to simcloud
# (scripts/test-vpc-module copies the module, renames it, and puts this file
# in its tests folder). It checks what a user of the module relies on: the
# subnets it plans, the NAT layout it builds, and where each tier's traffic
# goes, read from simcloud's reachability answers.

variables {
  name               = "offline"
  cidr               = "10.0.0.0/16"
  azs                = ["us-east-1a", "us-east-1b", "us-east-1c"]
  private_subnets    = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]
  public_subnets     = ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"]
  database_subnets   = ["10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = true

  # The module's default is false, as AWS's: without a public address an
  # instance in a public subnet reaches the internet through nothing, and
  # simcloud says so (internet_access names the missing address).
  map_public_ip_on_launch = true
}

# Planned only: the module's subnets are known before anything exists.
run "plan_lays_out_the_subnets" {
  command = plan

  assert {
    condition     = alltrue([for i, s in simcloud_subnet.private : s.cidr_block == var.private_subnets[i]])
    error_message = "The private subnets are not the blocks asked for."
  }

  assert {
    condition     = alltrue([for i, s in simcloud_subnet.public : s.availability_zone == var.azs[i]])
    error_message = "The public subnets are not one per zone."
  }
}

run "network" {
  assert {
    condition     = output.vpc_cidr_block == var.cidr
    error_message = "The VPC's block is ${output.vpc_cidr_block}."
  }

  assert {
    condition     = length(output.natgw_ids) == 1
    error_message = "single_nat_gateway made ${length(output.natgw_ids)} NAT gateways."
  }

  assert {
    condition     = output.database_subnet_group_name == "offline"
    error_message = "The database subnet group is named ${output.database_subnet_group_name}."
  }
}

# Where each tier's traffic goes, as the cloud answers it once every route
# and association is in place.
run "each_tier_leaves_its_own_way" {
  module {
    source = "./tests/reach"
  }

  variables {
    subnet_ids = {
      public  = run.network.public_subnets
      private = run.network.private_subnets
    }
  }

  assert {
    condition     = alltrue(output.is_public.public) && !anytrue(output.is_public.private)
    error_message = "Public subnets public: ${jsonencode(output.is_public.public)}; private subnets public: ${jsonencode(output.is_public.private)}."
  }

  assert {
    condition     = alltrue([for r in output.ipv4_outbound_reasons.public : startswith(r, "through igw-")])
    error_message = "A public subnet does not leave through the internet gateway: ${jsonencode(output.ipv4_outbound_reasons.public)}"
  }

  assert {
    condition     = alltrue([for r in output.ipv4_outbound_reasons.private : startswith(r, "through ${run.network.natgw_ids[0]}")])
    error_message = "A private subnet does not leave through the NAT gateway: ${jsonencode(output.ipv4_outbound_reasons.private)}"
  }
}

# The same module, changed in place: a NAT gateway per zone.
run "one_nat_gateway_per_zone" {
  variables {
    single_nat_gateway     = false
    one_nat_gateway_per_az = true
  }

  assert {
    condition     = length(output.natgw_ids) == length(var.azs)
    error_message = "one_nat_gateway_per_az made ${length(output.natgw_ids)} NAT gateways for ${length(var.azs)} zones."
  }
}
