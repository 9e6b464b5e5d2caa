-- Internet gateways and egress-only internet gateways.

CREATE TABLE internet_gateways (
    id       TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    region   TEXT NOT NULL,
    vpc_id   TEXT REFERENCES vpcs (id)
);
CREATE INDEX internet_gateways_scope ON internet_gateways (owner_id, region);
-- A VPC has at most one internet gateway: the second guard behind the rule.
CREATE UNIQUE INDEX internet_gateways_vpc ON internet_gateways (vpc_id) WHERE vpc_id IS NOT NULL;

CREATE TABLE egress_only_internet_gateways (
    id       TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    region   TEXT NOT NULL,
    vpc_id   TEXT NOT NULL REFERENCES vpcs (id)
);
CREATE INDEX egress_only_internet_gateways_vpc ON egress_only_internet_gateways (vpc_id);
