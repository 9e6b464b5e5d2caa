-- Tags name their object by ID alone, so no foreign key can delete them with
-- it: a trigger on each taggable table does, so that no delete path has to
-- remember them. A new taggable table adds its own line in its migration.

{{deleteTagsWith "vpcs" "id"}}
{{deleteTagsWith "subnets" "id"}}
{{deleteTagsWith "route_tables" "id"}}
{{deleteTagsWith "internet_gateways" "id"}}
{{deleteTagsWith "egress_only_internet_gateways" "id"}}
{{deleteTagsWith "nat_gateways" "id"}}
{{deleteTagsWith "elastic_ips" "allocation_id"}}
