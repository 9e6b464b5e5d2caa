-- Migration 14: subnet groups, and VPC Block Public Access.

-- The subnet groups of RDS, ElastiCache and Redshift: one shape, a table per
-- service, keyed by ARN because a name is unique only per service, account
-- and region (and tags name their object by that key). A group's subnets are
-- in subnet_group_subnets; a subnet in a group cannot be deleted.

{{define "subnetGroups"}}
CREATE TABLE IF NOT EXISTS {{.}} (
    arn         TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    region      TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    vpc_id      TEXT NOT NULL REFERENCES vpcs (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS {{.}}_name ON {{.}} (owner_id, region, name);
{{deleteTagsWith . "arn"}}
{{end}}
{{template "subnetGroups" "db_subnet_groups"}}
{{template "subnetGroups" "elasticache_subnet_groups"}}
{{template "subnetGroups" "redshift_subnet_groups"}}

-- group_arn names a row of one of the three tables, so no foreign key can
-- hold it: the store deletes a group's rows with the group.
CREATE TABLE IF NOT EXISTS subnet_group_subnets (
    group_arn TEXT NOT NULL,
    subnet_id TEXT NOT NULL REFERENCES subnets (id),
    PRIMARY KEY (group_arn, subnet_id)
);
CREATE INDEX IF NOT EXISTS subnet_group_subnets_subnet ON subnet_group_subnets (subnet_id);

-- VPC Block Public Access: an account's mode in a region (no row means off)
-- and the exclusions of single VPCs or subnets from it.
CREATE TABLE IF NOT EXISTS vpc_block_public_access_options (
    owner_id                    TEXT NOT NULL,
    region                      TEXT NOT NULL,
    internet_gateway_block_mode TEXT NOT NULL CHECK (internet_gateway_block_mode IN ('block-bidirectional', 'block-ingress')),
    PRIMARY KEY (owner_id, region)
);

CREATE TABLE IF NOT EXISTS vpc_block_public_access_exclusions (
    id                              TEXT PRIMARY KEY,
    owner_id                        TEXT NOT NULL,
    region                          TEXT NOT NULL,
    vpc_id                          TEXT REFERENCES vpcs (id),
    subnet_id                       TEXT REFERENCES subnets (id),
    internet_gateway_exclusion_mode TEXT NOT NULL CHECK (internet_gateway_exclusion_mode IN ('allow-bidirectional', 'allow-egress')),
    CHECK ((vpc_id IS NULL) <> (subnet_id IS NULL))
);
CREATE INDEX IF NOT EXISTS vpc_block_public_access_exclusions_scope ON vpc_block_public_access_exclusions (owner_id, region);
CREATE INDEX IF NOT EXISTS vpc_block_public_access_exclusions_vpc ON vpc_block_public_access_exclusions (vpc_id);
CREATE INDEX IF NOT EXISTS vpc_block_public_access_exclusions_subnet ON vpc_block_public_access_exclusions (subnet_id);
{{deleteTagsWith "vpc_block_public_access_exclusions" "id"}}
