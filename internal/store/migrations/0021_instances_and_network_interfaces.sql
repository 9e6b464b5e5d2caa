-- Migration 21: network interfaces and instances (no compute: an instance
-- is its primary network interface and what it was launched with). An
-- interface's private IPv4 addresses (primary first), IPv6 addresses and
-- security groups are lists kept joined by commas; public_ip is the public
-- IPv4 address assigned at launch, NULL for none.

CREATE TABLE IF NOT EXISTS network_interfaces (
    id                 TEXT PRIMARY KEY,
    owner_id           TEXT NOT NULL,
    region             TEXT NOT NULL,
    vpc_id             TEXT NOT NULL REFERENCES vpcs (id),
    subnet_id          TEXT NOT NULL REFERENCES subnets (id),
    availability_zone  TEXT NOT NULL,
    description        TEXT NOT NULL,
    interface_type     TEXT NOT NULL,
    mac_address        TEXT NOT NULL,
    private_ip         TEXT NOT NULL,
    private_ips        TEXT NOT NULL,
    ipv6_addresses     TEXT NOT NULL,
    security_group_ids TEXT NOT NULL,
    source_dest_check  {{.Boolean}} NOT NULL,
    public_ip          TEXT,
    instance_id        TEXT,
    device_index       INTEGER NOT NULL,
    attachment_id      TEXT
);
CREATE INDEX IF NOT EXISTS network_interfaces_scope ON network_interfaces (owner_id, region);
CREATE INDEX IF NOT EXISTS network_interfaces_subnet ON network_interfaces (subnet_id);
CREATE INDEX IF NOT EXISTS network_interfaces_instance ON network_interfaces (instance_id);
-- A public address is held once in the cloud, by an elastic IP or by an
-- interface; a private address once in its subnet.
CREATE UNIQUE INDEX IF NOT EXISTS network_interfaces_public_ip ON network_interfaces (public_ip);
CREATE UNIQUE INDEX IF NOT EXISTS network_interfaces_subnet_ip ON network_interfaces (subnet_id, private_ip);
{{deleteTagsWith "network_interfaces" "id"}}

CREATE TABLE IF NOT EXISTS instances (
    id                           TEXT PRIMARY KEY,
    owner_id                     TEXT NOT NULL,
    region                       TEXT NOT NULL,
    vpc_id                       TEXT NOT NULL REFERENCES vpcs (id),
    subnet_id                    TEXT NOT NULL REFERENCES subnets (id),
    availability_zone            TEXT NOT NULL,
    ami                          TEXT NOT NULL,
    instance_type                TEXT NOT NULL,
    key_name                     TEXT NOT NULL,
    user_data                    TEXT NOT NULL,
    user_data_base64             TEXT NOT NULL,
    primary_network_interface_id TEXT NOT NULL,
    instance_state               TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS instances_scope ON instances (owner_id, region);
CREATE INDEX IF NOT EXISTS instances_subnet ON instances (subnet_id);
{{deleteTagsWith "instances" "id"}}

-- An elastic IP's association with a private address of an interface
-- (AssociateAddress): one per address, and one per interface address.
CREATE TABLE IF NOT EXISTS eip_associations (
    id                   TEXT PRIMARY KEY,
    owner_id             TEXT NOT NULL,
    region               TEXT NOT NULL,
    allocation_id        TEXT NOT NULL UNIQUE REFERENCES elastic_ips (allocation_id),
    network_interface_id TEXT NOT NULL REFERENCES network_interfaces (id),
    private_ip_address   TEXT NOT NULL,
    UNIQUE (network_interface_id, private_ip_address)
);
CREATE INDEX IF NOT EXISTS eip_associations_scope ON eip_associations (owner_id, region);
