-- Migration 22: VPC peering connections. A connection is seen from both of
-- its sides, which may be two accounts and two regions: it has no owner_id
-- and region of its own, so the store reads it in no scope and the engine
-- shows it to either side. It goes before either VPC does (the engine
-- deletes a VPC's connections with it); routes through it stay, as
-- blackholes, as in AWS.
CREATE TABLE IF NOT EXISTS vpc_peering_connections (
    id                  TEXT PRIMARY KEY,
    requester_vpc_id    TEXT NOT NULL REFERENCES vpcs (id),
    requester_owner_id  TEXT NOT NULL,
    requester_region    TEXT NOT NULL,
    accepter_vpc_id     TEXT NOT NULL REFERENCES vpcs (id),
    accepter_owner_id   TEXT NOT NULL,
    accepter_region     TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending-acceptance', 'active')),
    requester_allow_dns {{.Boolean}} NOT NULL,
    accepter_allow_dns  {{.Boolean}} NOT NULL,
    CHECK (requester_vpc_id <> accepter_vpc_id)
);
CREATE INDEX IF NOT EXISTS vpc_peering_connections_requester ON vpc_peering_connections (requester_vpc_id);
CREATE INDEX IF NOT EXISTS vpc_peering_connections_accepter ON vpc_peering_connections (accepter_vpc_id);
{{deleteTagsWith "vpc_peering_connections" "id"}}
