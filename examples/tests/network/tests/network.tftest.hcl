# Each run applies the module against the simulated cloud named by
# SIMCLOUD_DATABASE, checks it, and `terraform test` destroys everything at
# the end, in reverse order.

run "public_subnet_reaches_the_internet" {
  assert {
    condition     = output.public_is_public
    error_message = "The public subnet is not public: ${output.public_internet_access.ipv4_outbound_reason}"
  }

  assert {
    condition     = output.public_internet_access.ipv4_outbound && output.public_internet_access.ipv4_inbound
    error_message = "The public subnet cannot reach the internet both ways: out: ${output.public_internet_access.ipv4_outbound_reason}; in: ${output.public_internet_access.ipv4_inbound_reason}"
  }

  assert {
    condition     = startswith(output.public_internet_access.ipv4_outbound_reason, "through igw-")
    error_message = "The public subnet's way out is not the internet gateway: ${output.public_internet_access.ipv4_outbound_reason}"
  }
}

run "private_subnet_is_private" {
  assert {
    condition     = !output.private_is_public
    error_message = "The private subnet is public."
  }

  assert {
    condition     = !output.private_internet_access.ipv4_outbound && !output.private_internet_access.ipv4_inbound
    error_message = "The private subnet reaches the internet: ${output.private_internet_access.ipv4_outbound_reason}"
  }

  assert {
    condition     = endswith(output.private_internet_access.ipv4_outbound_reason, "has no route for internet addresses")
    error_message = "Unexpected reason: ${output.private_internet_access.ipv4_outbound_reason}"
  }
}

# A plan-only run: the module's subnets are as planned, without applying.
run "subnets_take_the_first_two_blocks" {
  command = plan

  variables {
    cidr_block = "10.42.0.0/16"
  }

  assert {
    condition     = simcloud_subnet.public.cidr_block == "10.42.0.0/24" && simcloud_subnet.private.cidr_block == "10.42.1.0/24"
    error_message = "The subnets did not take the first two /24s of the VPC."
  }
}

# Extra subnets that do not overlap anything pass the module's check and the
# cloud's.
run "extra_subnet_that_fits" {
  variables {
    extra_subnets = {
      team-a = "10.0.2.0/24"
      team-b = "10.0.3.0/25"
    }
  }

  assert {
    condition     = simcloud_subnet.extra["team-b"].cidr_block == "10.0.3.0/25" && simcloud_subnet.extra["team-a"].vpc_id == output.vpc_id
    error_message = "The extra subnets were not made in the module's VPC."
  }
}
