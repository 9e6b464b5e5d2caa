-- Subnets, and what routing needs beyond the first schema: which kind of
-- Terraform resource manages each route.

CREATE TABLE subnets (
    id                              TEXT PRIMARY KEY,
    owner_id                        TEXT NOT NULL,
    region                          TEXT NOT NULL,
    vpc_id                          TEXT NOT NULL REFERENCES vpcs (id),
    cidr_block                      TEXT NOT NULL,
    availability_zone               TEXT NOT NULL,
    ipv6_cidr_block                 TEXT,
    ipv6_cidr_block_association_id  TEXT,
    map_public_ip_on_launch         {{.Boolean}} NOT NULL,
    assign_ipv6_address_on_creation {{.Boolean}} NOT NULL,
    CHECK ((ipv6_cidr_block IS NULL) = (ipv6_cidr_block_association_id IS NULL))
);
CREATE INDEX subnets_vpc ON subnets (vpc_id);
CREATE INDEX subnets_scope ON subnets (owner_id, region);
-- No two subnets of a VPC share a block. (Overlaps are the rules' to
-- refuse; SQL holds the exact case.)
CREATE UNIQUE INDEX subnets_vpc_cidr ON subnets (vpc_id, cidr_block);
CREATE UNIQUE INDEX subnets_vpc_ipv6 ON subnets (vpc_id, ipv6_cidr_block) WHERE ipv6_cidr_block IS NOT NULL;

ALTER TABLE routes ADD COLUMN managed_by TEXT NOT NULL DEFAULT '';
