-- Indexes for the lookups the rules make on every plan and apply, so that
-- their cost does not grow with the cloud: a VPC's subnets, and a VPC's
-- main association.

CREATE INDEX subnets_vpc_scope ON subnets (vpc_id, owner_id, region);
CREATE INDEX route_table_associations_vpc ON route_table_associations (vpc_id, main);
