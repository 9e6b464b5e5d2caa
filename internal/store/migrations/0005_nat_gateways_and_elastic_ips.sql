-- Elastic IP addresses and NAT gateways.

CREATE TABLE elastic_ips (
    allocation_id TEXT PRIMARY KEY,
    owner_id      TEXT NOT NULL,
    region        TEXT NOT NULL,
    -- A simulated public address belongs to one allocation in the cloud.
    public_ip     TEXT NOT NULL UNIQUE
);
CREATE INDEX elastic_ips_scope ON elastic_ips (owner_id, region);

CREATE TABLE nat_gateways (
    id                   TEXT PRIMARY KEY,
    owner_id             TEXT NOT NULL,
    region               TEXT NOT NULL,
    vpc_id               TEXT NOT NULL REFERENCES vpcs (id),
    subnet_id            TEXT NOT NULL REFERENCES subnets (id),
    connectivity_type    TEXT NOT NULL,
    allocation_id        TEXT REFERENCES elastic_ips (allocation_id),
    association_id       TEXT,
    private_ip           TEXT NOT NULL,
    network_interface_id TEXT NOT NULL,
    CHECK ((allocation_id IS NULL) = (connectivity_type = 'private'))
);
CREATE INDEX nat_gateways_subnet ON nat_gateways (subnet_id);
-- An elastic IP serves one NAT gateway; a private address, one gateway of
-- its subnet.
CREATE UNIQUE INDEX nat_gateways_allocation ON nat_gateways (allocation_id) WHERE allocation_id IS NOT NULL;
CREATE UNIQUE INDEX nat_gateways_private_ip ON nat_gateways (subnet_id, private_ip);
