# Plans the module must refuse. expect_failures only sees custom conditions
# (preconditions, postconditions, variable validations, check blocks), never
# an error returned by a provider, so these expect the module's own
# preconditions, which state the rules the simulated cloud enforces. A run
# whose plan failed with the expected precondition passes; one whose plan
# succeeded, or failed otherwise, fails.

# A first run that applies the module, so that the runs below plan against a
# VPC that exists, with its gateway and subnets in the cloud.
run "setup" {}

run "second_internet_gateway_is_refused" {
  command = plan

  variables {
    second_internet_gateway = true
  }

  expect_failures = [
    simcloud_internet_gateway.second,
  ]
}

run "overlapping_subnet_is_refused" {
  command = plan

  variables {
    extra_subnets = {
      overlapping = "10.0.0.128/25"
    }
  }

  expect_failures = [
    simcloud_subnet.extra,
  ]
}
