# A customer gateway is imported by its ID.
terraform import simcloud_customer_gateway.office cgw-0123456789abcdef0
