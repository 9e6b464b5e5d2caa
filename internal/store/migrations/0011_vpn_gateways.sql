-- Virtual private gateways, customer gateways, and the propagation of a
-- virtual private gateway's routes into route tables. Like migration 9, it
-- can run again over its own work.

CREATE TABLE IF NOT EXISTS vpn_gateways (
    id                TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL,
    region            TEXT NOT NULL,
    vpc_id            TEXT REFERENCES vpcs (id),
    availability_zone TEXT NOT NULL,
    amazon_side_asn   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS vpn_gateways_scope ON vpn_gateways (owner_id, region);
-- A VPC has at most one virtual private gateway: the second guard behind
-- the rule.
CREATE UNIQUE INDEX IF NOT EXISTS vpn_gateways_vpc ON vpn_gateways (vpc_id) WHERE vpc_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS customer_gateways (
    id               TEXT PRIMARY KEY,
    owner_id         TEXT NOT NULL,
    region           TEXT NOT NULL,
    bgp_asn          TEXT NOT NULL,
    bgp_asn_extended TEXT NOT NULL,
    ip_address       TEXT NOT NULL,
    type             TEXT NOT NULL,
    certificate_arn  TEXT NOT NULL,
    device_name      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_gateways_scope ON customer_gateways (owner_id, region);

-- A propagation goes with its route table; a gateway is detached (which
-- ends its propagations) before it can be deleted.
CREATE TABLE IF NOT EXISTS vgw_route_propagations (
    route_table_id TEXT NOT NULL REFERENCES route_tables (id) ON DELETE CASCADE,
    vpn_gateway_id TEXT NOT NULL REFERENCES vpn_gateways (id),
    PRIMARY KEY (route_table_id, vpn_gateway_id)
);
CREATE INDEX IF NOT EXISTS vgw_route_propagations_gateway ON vgw_route_propagations (vpn_gateway_id);

{{deleteTagsWith "vpn_gateways" "id"}}
{{deleteTagsWith "customer_gateways" "id"}}
