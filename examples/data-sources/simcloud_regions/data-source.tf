# Every region of the provider's partition.
data "simcloud_regions" "all" {}

# The regions an account must opt in to.
data "simcloud_regions" "opt_in" {
  all_regions = true

  filter {
    name   = "opt-in-status"
    values = ["opted-in"]
  }
}

output "region_count" {
  value = length(data.simcloud_regions.all.names)
}

output "opt_in_regions" {
  value = data.simcloud_regions.opt_in.names
}
