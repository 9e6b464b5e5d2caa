-- Migration 17: VPC endpoints. A Gateway endpoint's routes are rows of
-- routes whose target is the endpoint and whose destination is its
-- service's prefix list; its route tables are read from them. An Interface
-- endpoint's subnets, security groups and subnet configurations are lists
-- kept joined by commas (a configuration is subnet|ipv4|ipv6).
CREATE TABLE IF NOT EXISTS vpc_endpoints (
    id                                             TEXT PRIMARY KEY,
    owner_id                                       TEXT NOT NULL,
    region                                         TEXT NOT NULL,
    vpc_id                                         TEXT NOT NULL REFERENCES vpcs (id),
    service_name                                   TEXT NOT NULL,
    service_region                                 TEXT NOT NULL,
    vpc_endpoint_type                              TEXT NOT NULL CHECK (vpc_endpoint_type IN ('Gateway', 'Interface', 'GatewayLoadBalancer')),
    state                                          TEXT NOT NULL,
    policy                                         TEXT NOT NULL,
    private_dns_enabled                            {{.Boolean}} NOT NULL,
    ip_address_type                                TEXT NOT NULL,
    dns_record_ip_type                             TEXT NOT NULL,
    private_dns_only_for_inbound_resolver_endpoint {{.Boolean}} NOT NULL,
    subnet_ids                                     TEXT NOT NULL,
    security_group_ids                             TEXT NOT NULL,
    subnet_configurations                          TEXT NOT NULL,
    dns_suffix                                     TEXT NOT NULL,
    requester_managed                              {{.Boolean}} NOT NULL
);
CREATE INDEX IF NOT EXISTS vpc_endpoints_scope ON vpc_endpoints (owner_id, region);
CREATE INDEX IF NOT EXISTS vpc_endpoints_vpc ON vpc_endpoints (vpc_id);
CREATE INDEX IF NOT EXISTS routes_target ON routes (target);
{{deleteTagsWith "vpc_endpoints" "id"}}
