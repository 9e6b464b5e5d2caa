# A key pair imported by another configuration, with its public key.
data "simcloud_key_pair" "deployer" {
  key_name           = "deployer"
  include_public_key = true
}

output "deployer_key_type" {
  value = data.simcloud_key_pair.deployer.key_type
}
