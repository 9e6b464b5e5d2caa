-- Security group rules as objects of their own (the rule resources): which
-- kind of Terraform resource manages a rule, so that a group whose rules are
-- managed both inline and by rule resources is refused, as a route table's
-- are; and the rules' own tags, which go with them. The managers are a table
-- of their own, rather than a column, so that the script can run again over
-- its own work as the others do; a rule no row names is managed by no
-- Terraform resource in particular (AWS's defaults, say).

CREATE TABLE IF NOT EXISTS security_group_rule_managers (
    rule_id    TEXT PRIMARY KEY REFERENCES security_group_rules (id) ON DELETE CASCADE,
    managed_by TEXT NOT NULL
);

{{deleteTagsWith "security_group_rules" "id"}}
