-- The number of the first address of a subnet's IPv4 block, so that
-- the overlap rule reads only the subnets near a new block instead of every
-- subnet of the VPC. The rows already there get theirs from Go right after
-- this script (afterMigration in db.go), in the same transaction.

ALTER TABLE subnets ADD COLUMN cidr_first {{.BigInt}};
CREATE INDEX subnets_vpc_cidr_first ON subnets (vpc_id, cidr_first);
