-- Migration 24: a security group rule's other end may be a prefix list
-- (customer-managed, or one of AWS's, which the store does not keep: so no
-- foreign key). The rules' CHECK of exactly one other end takes a fourth
-- column, and neither SQLite nor one script for both dialects can change a
-- CHECK in place, so the table is made again and the rows copied. The
-- managers' rows, whose foreign key would make dropping the old table
-- delete them (SQLite) or fail (PostgreSQL), are set aside meanwhile; the
-- rules' tags stay, as dropping a table fires no trigger. Run again over
-- its own work, the script keeps every rule but those naming a list.

CREATE TABLE security_group_rule_managers_0024 AS SELECT rule_id, managed_by FROM security_group_rule_managers;
DROP TABLE security_group_rule_managers;

CREATE TABLE security_group_rules_0024 (
    id                  TEXT PRIMARY KEY,
    security_group_id   TEXT NOT NULL REFERENCES security_groups (id) ON DELETE CASCADE,
    egress              {{.Boolean}} NOT NULL,
    ip_protocol         TEXT NOT NULL,
    from_port           INTEGER NOT NULL,
    to_port             INTEGER NOT NULL,
    cidr_ipv4           TEXT,
    cidr_ipv6           TEXT,
    referenced_group_id TEXT REFERENCES security_groups (id),
    prefix_list_id      TEXT,
    description         TEXT NOT NULL,
    CHECK (CASE WHEN cidr_ipv4 IS NULL THEN 0 ELSE 1 END + CASE WHEN cidr_ipv6 IS NULL THEN 0 ELSE 1 END +
           CASE WHEN referenced_group_id IS NULL THEN 0 ELSE 1 END + CASE WHEN prefix_list_id IS NULL THEN 0 ELSE 1 END = 1)
);
INSERT INTO security_group_rules_0024 (id, security_group_id, egress, ip_protocol, from_port, to_port, cidr_ipv4, cidr_ipv6,
    referenced_group_id, description)
SELECT id, security_group_id, egress, ip_protocol, from_port, to_port, cidr_ipv4, cidr_ipv6, referenced_group_id, description
FROM security_group_rules;
DROP TABLE security_group_rules;
ALTER TABLE security_group_rules_0024 RENAME TO security_group_rules;
CREATE INDEX IF NOT EXISTS security_group_rules_group ON security_group_rules (security_group_id);
CREATE INDEX IF NOT EXISTS security_group_rules_referenced ON security_group_rules (referenced_group_id);
-- A list with rules that name it cannot be deleted: the refusal finds them.
CREATE INDEX IF NOT EXISTS security_group_rules_prefix_list ON security_group_rules (prefix_list_id);

CREATE TABLE security_group_rule_managers (
    rule_id    TEXT PRIMARY KEY REFERENCES security_group_rules (id) ON DELETE CASCADE,
    managed_by TEXT NOT NULL
);
INSERT INTO security_group_rule_managers (rule_id, managed_by) SELECT rule_id, managed_by FROM security_group_rule_managers_0024;
DROP TABLE security_group_rule_managers_0024;

{{deleteTagsWith "security_group_rules" "id"}}
