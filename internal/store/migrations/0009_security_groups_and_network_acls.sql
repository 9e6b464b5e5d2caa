-- Security groups and network ACLs, with their rules, and the association of
-- each subnet with its network ACL. Every VPC has a default group and a
-- default ACL and every subnet an ACL: the rows for the VPCs and subnets
-- already there are made from Go right after this script (afterMigration in
-- db.go), in the same transaction. Like migration 8, it can run again over
-- its own work.

CREATE TABLE IF NOT EXISTS security_groups (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    region      TEXT NOT NULL,
    vpc_id      TEXT NOT NULL REFERENCES vpcs (id),
    group_name  TEXT NOT NULL,
    description TEXT NOT NULL,
    is_default  {{.Boolean}} NOT NULL,
    -- Only a VPC's default group may be named default.
    CHECK ((is_default = {{.True}}) = (group_name = 'default'))
);
CREATE INDEX IF NOT EXISTS security_groups_scope ON security_groups (owner_id, region);
-- A name is unique in a VPC, so a VPC has at most one default group.
CREATE UNIQUE INDEX IF NOT EXISTS security_groups_vpc_name ON security_groups (vpc_id, group_name);

-- Exactly one of the three names the other end of a rule.
CREATE TABLE IF NOT EXISTS security_group_rules (
    id                  TEXT PRIMARY KEY,
    security_group_id   TEXT NOT NULL REFERENCES security_groups (id) ON DELETE CASCADE,
    egress              {{.Boolean}} NOT NULL,
    ip_protocol         TEXT NOT NULL,
    from_port           INTEGER NOT NULL,
    to_port             INTEGER NOT NULL,
    cidr_ipv4           TEXT,
    cidr_ipv6           TEXT,
    referenced_group_id TEXT REFERENCES security_groups (id),
    description         TEXT NOT NULL,
    CHECK (CASE WHEN cidr_ipv4 IS NULL THEN 0 ELSE 1 END + CASE WHEN cidr_ipv6 IS NULL THEN 0 ELSE 1 END +
           CASE WHEN referenced_group_id IS NULL THEN 0 ELSE 1 END = 1)
);
CREATE INDEX IF NOT EXISTS security_group_rules_group ON security_group_rules (security_group_id);
CREATE INDEX IF NOT EXISTS security_group_rules_referenced ON security_group_rules (referenced_group_id);

CREATE TABLE IF NOT EXISTS network_acls (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    region     TEXT NOT NULL,
    vpc_id     TEXT NOT NULL REFERENCES vpcs (id),
    is_default {{.Boolean}} NOT NULL
);
CREATE INDEX IF NOT EXISTS network_acls_scope ON network_acls (owner_id, region);
CREATE INDEX IF NOT EXISTS network_acls_vpc ON network_acls (vpc_id);
CREATE UNIQUE INDEX IF NOT EXISTS network_acls_default ON network_acls (vpc_id) WHERE is_default = {{.True}};

-- An entry has no ID of its own: AWS names it by its ACL, direction and
-- number. The two "*" rules (32767) of a direction differ by address family.
CREATE TABLE IF NOT EXISTS network_acl_entries (
    network_acl_id  TEXT NOT NULL REFERENCES network_acls (id) ON DELETE CASCADE,
    egress          {{.Boolean}} NOT NULL,
    rule_number     INTEGER NOT NULL CHECK (rule_number BETWEEN 1 AND 32767),
    protocol        TEXT NOT NULL,
    rule_action     TEXT NOT NULL CHECK (rule_action IN ('allow', 'deny')),
    cidr_block      TEXT,
    ipv6_cidr_block TEXT,
    from_port       INTEGER,
    to_port         INTEGER,
    icmp_type       INTEGER,
    icmp_code       INTEGER,
    CHECK ((cidr_block IS NULL) <> (ipv6_cidr_block IS NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS network_acl_entries_number ON network_acl_entries (network_acl_id, egress, rule_number)
    WHERE rule_number < 32767;
CREATE UNIQUE INDEX IF NOT EXISTS network_acl_entries_default_ipv4 ON network_acl_entries (network_acl_id, egress)
    WHERE rule_number = 32767 AND cidr_block IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS network_acl_entries_default_ipv6 ON network_acl_entries (network_acl_id, egress)
    WHERE rule_number = 32767 AND ipv6_cidr_block IS NOT NULL;

-- A subnet has exactly one ACL association, which goes with the subnet.
CREATE TABLE IF NOT EXISTS network_acl_associations (
    id             TEXT PRIMARY KEY,
    network_acl_id TEXT NOT NULL REFERENCES network_acls (id),
    subnet_id      TEXT NOT NULL REFERENCES subnets (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX IF NOT EXISTS network_acl_associations_subnet ON network_acl_associations (subnet_id);
CREATE INDEX IF NOT EXISTS network_acl_associations_acl ON network_acl_associations (network_acl_id);

{{deleteTagsWith "security_groups" "id"}}
{{deleteTagsWith "network_acls" "id"}}
