-- DHCP options sets, the set each VPC is associated with, and the IPv4
-- blocks a VPC has besides its primary one. A VPC made before this
-- migration is associated with no set, as AWS's "default" association is;
-- the region's default set is made the first time a new VPC needs it. The
-- tables can be made again over their own work, as migration 9's.

CREATE TABLE IF NOT EXISTS dhcp_options (
    id                                TEXT PRIMARY KEY,
    owner_id                          TEXT NOT NULL,
    region                            TEXT NOT NULL,
    domain_name                       TEXT NOT NULL,
    -- Server lists are kept joined by commas, as AWS's options take them.
    domain_name_servers               TEXT NOT NULL,
    ntp_servers                       TEXT NOT NULL,
    netbios_name_servers              TEXT NOT NULL,
    netbios_node_type                 TEXT NOT NULL,
    ipv6_address_preferred_lease_time TEXT NOT NULL,
    is_default                        {{.Boolean}} NOT NULL
);
CREATE INDEX IF NOT EXISTS dhcp_options_scope ON dhcp_options (owner_id, region);
-- A region has one default set for each account.
CREATE UNIQUE INDEX IF NOT EXISTS dhcp_options_default ON dhcp_options (owner_id, region) WHERE is_default = {{.True}};

-- No foreign key: SQLite could then never drop the column again, and the
-- rule that refuses to delete a set a VPC uses is the engine's.
ALTER TABLE vpcs ADD COLUMN dhcp_options_id TEXT;
CREATE INDEX IF NOT EXISTS vpcs_dhcp_options ON vpcs (dhcp_options_id);

-- A secondary block goes with its VPC, as in AWS. IPv4 blocks and
-- Amazon-provided IPv6 blocks alike.
CREATE TABLE IF NOT EXISTS vpc_cidr_block_associations (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    region     TEXT NOT NULL,
    vpc_id     TEXT NOT NULL REFERENCES vpcs (id) ON DELETE CASCADE,
    cidr_block TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS vpc_cidr_block_associations_block ON vpc_cidr_block_associations (vpc_id, cidr_block);
-- An Amazon-provided IPv6 block belongs to one VPC in the whole cloud.
CREATE UNIQUE INDEX IF NOT EXISTS vpc_cidr_block_associations_ipv6 ON vpc_cidr_block_associations (cidr_block) WHERE cidr_block LIKE '%:%';

{{deleteTagsWith "dhcp_options" "id"}}
