-- VPC IP Address Manager: IPAMs, their scopes, pools, the CIDRs provisioned
-- to pools and the allocations made from them. An IPAM's default scopes go
-- with it; a pool CIDR and an allocation go with their pool, and a VPC's
-- allocations with the VPC (the engine deletes them with it).

CREATE TABLE IF NOT EXISTS ipams (
    id                                        TEXT PRIMARY KEY,
    owner_id                                  TEXT NOT NULL,
    region                                    TEXT NOT NULL,
    description                               TEXT NOT NULL,
    tier                                      TEXT NOT NULL,
    enable_private_gua                        {{.Boolean}} NOT NULL,
    -- Region names joined by commas.
    operating_regions                         TEXT NOT NULL,
    private_default_scope_id                  TEXT NOT NULL,
    public_default_scope_id                   TEXT NOT NULL,
    default_resource_discovery_id             TEXT NOT NULL,
    default_resource_discovery_association_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ipams_scope ON ipams (owner_id, region);

CREATE TABLE IF NOT EXISTS ipam_scopes (
    id              TEXT PRIMARY KEY,
    owner_id        TEXT NOT NULL,
    region          TEXT NOT NULL,
    ipam_id         TEXT NOT NULL REFERENCES ipams (id),
    ipam_scope_type TEXT NOT NULL CHECK (ipam_scope_type IN ('private', 'public')),
    is_default      {{.Boolean}} NOT NULL
);
CREATE INDEX IF NOT EXISTS ipam_scopes_ipam ON ipam_scopes (ipam_id);

CREATE TABLE IF NOT EXISTS ipam_pools (
    id                                TEXT PRIMARY KEY,
    owner_id                          TEXT NOT NULL,
    region                            TEXT NOT NULL,
    ipam_scope_id                     TEXT NOT NULL REFERENCES ipam_scopes (id),
    address_family                    TEXT NOT NULL CHECK (address_family IN ('ipv4', 'ipv6')),
    locale                            TEXT NOT NULL,
    description                       TEXT NOT NULL,
    -- 0 is a length left unset.
    allocation_default_netmask_length INTEGER NOT NULL,
    allocation_min_netmask_length     INTEGER NOT NULL,
    allocation_max_netmask_length     INTEGER NOT NULL,
    -- key=value pairs joined by commas.
    allocation_resource_tags          TEXT NOT NULL,
    auto_import                       {{.Boolean}} NOT NULL,
    aws_service                       TEXT NOT NULL,
    publicly_advertisable             {{.Boolean}} NOT NULL,
    public_ip_source                  TEXT NOT NULL,
    -- No foreign key: an export lists pools by ID, sources not first.
    source_ipam_pool_id               TEXT,
    pool_depth                        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ipam_pools_scope ON ipam_pools (ipam_scope_id);

CREATE TABLE IF NOT EXISTS ipam_pool_cidrs (
    id           TEXT PRIMARY KEY,
    owner_id     TEXT NOT NULL,
    region       TEXT NOT NULL,
    ipam_pool_id TEXT NOT NULL REFERENCES ipam_pools (id),
    cidr         TEXT NOT NULL,
    UNIQUE (ipam_pool_id, cidr)
);

-- resource_type is vpc (resource_id a VPC's ID) or ipam-pool (a pool whose
-- source the pool is). No foreign key on resource_id, which names either.
CREATE TABLE IF NOT EXISTS ipam_pool_allocations (
    id            TEXT PRIMARY KEY,
    owner_id      TEXT NOT NULL,
    region        TEXT NOT NULL,
    ipam_pool_id  TEXT NOT NULL REFERENCES ipam_pools (id),
    cidr          TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    UNIQUE (ipam_pool_id, cidr)
);
CREATE INDEX IF NOT EXISTS ipam_pool_allocations_resource ON ipam_pool_allocations (resource_id);

{{deleteTagsWith "ipams" "id"}}
{{deleteTagsWith "ipam_pools" "id"}}
