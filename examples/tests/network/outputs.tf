output "vpc_id" {
  value = simcloud_vpc.this.id
}

output "public_subnet_id" {
  value = simcloud_subnet.public.id
}

output "private_subnet_id" {
  value = simcloud_subnet.private.id
}

output "public_is_public" {
  value = data.simcloud_subnet.public.is_public
}

output "private_is_public" {
  value = data.simcloud_subnet.private.is_public
}

output "public_internet_access" {
  value = data.simcloud_subnet.public.internet_access
}

output "private_internet_access" {
  value = data.simcloud_subnet.private.internet_access
}
