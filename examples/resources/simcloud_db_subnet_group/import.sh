# A DB subnet group is imported by its name.
terraform import simcloud_db_subnet_group.main main
