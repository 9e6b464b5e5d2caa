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
