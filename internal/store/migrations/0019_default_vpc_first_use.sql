-- Migration 19: the scopes (an account in a region) that have had their
-- first use. AWS gives an account a default VPC in every region; simcloud
-- makes it in the write transaction that inserts the scope's row here, the
-- scope's first use, so two first uses that race make one default VPC, and
-- a default VPC deleted later does not come back: the row stays.
CREATE TABLE IF NOT EXISTS used_scopes (
    owner_id TEXT NOT NULL,
    region   TEXT NOT NULL,
    PRIMARY KEY (owner_id, region)
);

-- A scope that already holds objects was used before this migration: it
-- keeps what it has, with no default VPC added behind its owner's back.
INSERT INTO used_scopes (owner_id, region)
SELECT owner_id, region FROM (
    SELECT owner_id, region FROM vpcs
    UNION SELECT owner_id, region FROM internet_gateways
    UNION SELECT owner_id, region FROM elastic_ips
    UNION SELECT owner_id, region FROM customer_gateways
    UNION SELECT owner_id, region FROM dhcp_options
) used
WHERE NOT EXISTS (SELECT 1 FROM used_scopes u WHERE u.owner_id = used.owner_id AND u.region = used.region);
