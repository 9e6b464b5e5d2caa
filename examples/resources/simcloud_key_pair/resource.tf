# The deployer's SSH key, imported from its public half. file() keeps the
# file's last newline, which makes no difference.
resource "simcloud_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ deployer@example.com"

  tags = {
    Team = "platform"
  }
}

output "deployer_fingerprint" {
  value = simcloud_key_pair.deployer.fingerprint
}
