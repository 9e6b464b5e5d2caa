# A route is imported by its table's ID and its destination, joined by an
# underscore, as with aws_route.
terraform import simcloud_route.internet rtb-0123456789abcdef0_0.0.0.0/0
terraform import simcloud_route.internet_ipv6 rtb-0123456789abcdef0_::/0
