# A Redshift subnet group is imported by its name.
terraform import simcloud_redshift_subnet_group.main warehouse
