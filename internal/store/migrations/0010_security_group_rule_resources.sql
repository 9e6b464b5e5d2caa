-- Security group rules as objects of their own (the rule resources): which
-- kind of Terraform resource manages each rule, so that a group whose rules
-- are managed both inline and by rule resources is refused, as a route
-- table's are; and the rules' own tags, which go with them.

ALTER TABLE security_group_rules ADD COLUMN managed_by TEXT NOT NULL DEFAULT '';

{{deleteTagsWith "security_group_rules" "id"}}
