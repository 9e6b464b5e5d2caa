resource "simcloud_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "simcloud_internet_gateway" "main" { vpc_id = simcloud_vpc.main.id }

# A public NAT gateway sits in a public subnet: here the VPC's main table,
# which serves the subnet, sends 0.0.0.0/0 to the internet gateway.
resource "simcloud_route" "internet" {
  route_table_id         = simcloud_vpc.main.main_route_table_id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = simcloud_internet_gateway.main.id
}

resource "simcloud_subnet" "public" {
  vpc_id     = simcloud_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# One elastic IP address per public NAT gateway: a second gateway on the
# same address fails at plan with Resource.AlreadyAssociated.
resource "simcloud_eip" "nat" { domain = "vpc" }

resource "simcloud_nat_gateway" "main" {
  subnet_id     = simcloud_subnet.public.id
  allocation_id = simcloud_eip.nat.id

  tags = {
    Name = "main"
  }

  # As the AWS documentation recommends: create the gateway only once the
  # internet gateway is attached to the VPC.
  depends_on = [simcloud_internet_gateway.main]
}

# A private subnet's route table sends 0.0.0.0/0 here (nat_gateway_id in a
# route): its instances open connections out from this address, and nothing
# on the internet can open one to them.
output "nat_public_ip" {
  value = simcloud_nat_gateway.main.public_ip
}
