data "simcloud_caller_identity" "current" {}

output "account_id" {
  value = data.simcloud_caller_identity.current.account_id
}

output "caller_arn" {
  value = data.simcloud_caller_identity.current.arn
}

output "caller_user" {
  value = data.simcloud_caller_identity.current.user_id
}
