terraform {
  required_providers {
    simcloud = {
      source = "simcloud/simcloud"
    }
  }
}

# Every argument is optional. Without any, the cloud lives in
# ~/.local/share/simcloud/cloud.db, in us-east-1, for account 123456789012.
provider "simcloud" {
  database   = "${path.root}/cloud.db"
  region     = "eu-west-1"
  account_id = "123456789012"

  default_tags {
    tags = {
      ManagedBy = "terraform"
    }
  }

  # Tags that another system sets on the objects: Terraform neither shows
  # nor removes them.
  ignore_tags {
    keys         = ["CostCenter"]
    key_prefixes = ["kubernetes.io/"]
  }
}
