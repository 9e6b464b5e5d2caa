variable "name" {
  description = "Name tag of the VPC, and prefix of its subnets' names."
  type        = string
  default     = "tested"
}

variable "cidr_block" {
  description = "The VPC's IPv4 block; the subnets take its first two /24s (for a /16)."
  type        = string
  default     = "10.0.0.0/16"
}

variable "second_internet_gateway" {
  description = "Add a second internet gateway to the VPC. The cloud refuses it: this exists for the tests."
  type        = bool
  default     = false
}

variable "extra_subnets" {
  description = "More subnets, by name: their IPv4 blocks."
  type        = map(string)
  default     = {}
}
