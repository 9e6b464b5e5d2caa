-- The first schema: VPCs with their route tables, routes, associations and
-- tags. Every object row carries its owner account and region, the scope
-- that lookups are confined to.

CREATE TABLE vpcs (
    id                                   TEXT PRIMARY KEY,
    owner_id                             TEXT NOT NULL,
    region                               TEXT NOT NULL,
    cidr_block                           TEXT NOT NULL,
    instance_tenancy                     TEXT NOT NULL,
    enable_dns_support                   {{.Boolean}} NOT NULL,
    enable_dns_hostnames                 {{.Boolean}} NOT NULL,
    enable_network_address_usage_metrics {{.Boolean}} NOT NULL,
    ipv6_cidr_block                      TEXT,
    ipv6_association_id                  TEXT,
    CHECK ((ipv6_cidr_block IS NULL) = (ipv6_association_id IS NULL))
);
CREATE INDEX vpcs_scope ON vpcs (owner_id, region);
-- An Amazon-provided IPv6 block belongs to one VPC in the whole cloud.
CREATE UNIQUE INDEX vpcs_ipv6_cidr_block ON vpcs (ipv6_cidr_block) WHERE ipv6_cidr_block IS NOT NULL;

CREATE TABLE route_tables (
    id       TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    region   TEXT NOT NULL,
    vpc_id   TEXT NOT NULL REFERENCES vpcs (id)
);
CREATE INDEX route_tables_vpc ON route_tables (vpc_id);

CREATE TABLE routes (
    route_table_id TEXT NOT NULL REFERENCES route_tables (id) ON DELETE CASCADE,
    destination    TEXT NOT NULL,
    target         TEXT NOT NULL,
    origin         TEXT NOT NULL,
    PRIMARY KEY (route_table_id, destination)
);

CREATE TABLE route_table_associations (
    id             TEXT PRIMARY KEY,
    route_table_id TEXT NOT NULL REFERENCES route_tables (id),
    vpc_id         TEXT NOT NULL REFERENCES vpcs (id),
    subnet_id      TEXT,
    main           {{.Boolean}} NOT NULL,
    CHECK ((main = {{.True}}) = (subnet_id IS NULL))
);
CREATE INDEX route_table_associations_table ON route_table_associations (route_table_id);
-- A VPC has exactly one main table; a subnet at most one explicit table.
CREATE UNIQUE INDEX route_table_associations_main ON route_table_associations (vpc_id) WHERE main = {{.True}};
CREATE UNIQUE INDEX route_table_associations_subnet ON route_table_associations (subnet_id) WHERE subnet_id IS NOT NULL;

CREATE TABLE tags (
    resource_id TEXT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (resource_id, key)
);
