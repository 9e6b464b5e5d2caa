-- The number of the first address of a subnet's IPv4 block, so that
-- the overlap rule reads only the subnets near a new block instead of every
-- subnet of the VPC. Rows written before this migration keep NULL, and the
-- overlap lookup always returns them (the rule then compares their text).

ALTER TABLE subnets ADD COLUMN cidr_first INTEGER;
CREATE INDEX subnets_vpc_cidr_first ON subnets (vpc_id, cidr_first);
