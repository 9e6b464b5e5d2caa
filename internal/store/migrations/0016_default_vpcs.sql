-- A region's default VPC, as CreateDefaultVpc makes it. VPCs made before
-- this migration are nobody's default, so a cloud that existed has no
-- default VPC until simcloud_default_vpc (or CreateDefaultVpc) makes one.
ALTER TABLE vpcs ADD COLUMN is_default {{.Boolean}} NOT NULL DEFAULT {{.False}};
-- A region has at most one default VPC for each account.
CREATE UNIQUE INDEX IF NOT EXISTS vpcs_default ON vpcs (owner_id, region) WHERE is_default = {{.True}};
