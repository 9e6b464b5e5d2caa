-- Migration 15: the rest of aws_subnet's settings. The defaults are AWS's,
-- so the subnets already stored read as AWS would describe them.
-- enable_lni_at_device_index is 0 when it is not enabled (AWS allows no
-- device index 0); ipv6_native marks an IPv6-only subnet, whose cidr_block
-- is then ''.

ALTER TABLE subnets ADD COLUMN enable_dns64 {{.Boolean}} NOT NULL DEFAULT {{.False}};
ALTER TABLE subnets ADD COLUMN enable_lni_at_device_index INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subnets ADD COLUMN enable_resource_name_dns_aaaa_record_on_launch {{.Boolean}} NOT NULL DEFAULT {{.False}};
ALTER TABLE subnets ADD COLUMN enable_resource_name_dns_a_record_on_launch {{.Boolean}} NOT NULL DEFAULT {{.False}};
ALTER TABLE subnets ADD COLUMN ipv6_native {{.Boolean}} NOT NULL DEFAULT {{.False}};
ALTER TABLE subnets ADD COLUMN private_dns_hostname_type_on_launch TEXT NOT NULL DEFAULT 'ip-name';

-- Every IPv6-only subnet of a VPC has the cidr_block '', so the index that
-- keeps a VPC's IPv4 blocks apart leaves them out.
DROP INDEX subnets_vpc_cidr;
CREATE UNIQUE INDEX subnets_vpc_cidr ON subnets (vpc_id, cidr_block) WHERE cidr_block <> '';
