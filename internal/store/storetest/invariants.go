package storetest

import (
	"database/sql"
	"fmt"
	"net/netip"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// invariantQueries each list the objects that break one invariant of the
// cloud; every query must find nothing. They read the tables directly, so
// that a bug in the store's own queries cannot hide a broken invariant.
var invariantQueries = map[string]string{
	"a VPC with more than one internet gateway": `SELECT vpc_id FROM internet_gateways WHERE vpc_id IS NOT NULL
		GROUP BY vpc_id HAVING COUNT(*) > 1`,
	"a VPC without exactly one main route table": `SELECT v.id FROM vpcs v
		WHERE (SELECT COUNT(*) FROM route_table_associations a WHERE a.vpc_id = v.id AND a.main) <> 1`,
	"a main association with a table of another VPC": `SELECT a.id FROM route_table_associations a
		JOIN route_tables t ON t.id = a.route_table_id WHERE t.vpc_id <> a.vpc_id`,
	"an association with a subnet of another VPC, or none": `SELECT a.id FROM route_table_associations a
		LEFT JOIN subnets s ON s.id = a.subnet_id WHERE NOT a.main AND (s.id IS NULL OR s.vpc_id <> a.vpc_id)`,
	"a gateway attached to a missing VPC": `SELECT g.id FROM internet_gateways g
		WHERE g.vpc_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vpcs v WHERE v.id = g.vpc_id)`,
	"an egress-only gateway of a missing VPC": `SELECT g.id FROM egress_only_internet_gateways g
		WHERE NOT EXISTS (SELECT 1 FROM vpcs v WHERE v.id = g.vpc_id)`,
	"a subnet or route table of a missing VPC": `SELECT id FROM subnets s WHERE NOT EXISTS (SELECT 1 FROM vpcs v WHERE v.id = s.vpc_id)
		UNION ALL SELECT id FROM route_tables t WHERE NOT EXISTS (SELECT 1 FROM vpcs v WHERE v.id = t.vpc_id)`,
	"a route of a missing table": `SELECT route_table_id FROM routes r
		WHERE NOT EXISTS (SELECT 1 FROM route_tables t WHERE t.id = r.route_table_id)`,
	"a route table without the local route of its VPC": `SELECT t.id FROM route_tables t JOIN vpcs v ON v.id = t.vpc_id
		WHERE NOT EXISTS (SELECT 1 FROM routes r WHERE r.route_table_id = t.id AND r.destination = v.cidr_block AND r.target = 'local')`,
	"a route table without the local route of a block associated with its VPC": `SELECT t.id FROM route_tables t
		JOIN vpc_cidr_block_associations b ON b.vpc_id = t.vpc_id
		WHERE NOT EXISTS (SELECT 1 FROM routes r WHERE r.route_table_id = t.id AND r.destination = b.cidr_block AND r.target = 'local')`,
	// The schema keeps no foreign key there (migration 12 says why).
	"a VPC associated with a missing or foreign DHCP options set": `SELECT v.id FROM vpcs v
		WHERE v.dhcp_options_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dhcp_options o
			WHERE o.id = v.dhcp_options_id AND o.owner_id = v.owner_id AND o.region = v.region)`,
	"a NAT gateway in a subnet of another VPC": `SELECT n.id FROM nat_gateways n JOIN subnets s ON s.id = n.subnet_id WHERE s.vpc_id <> n.vpc_id`,
	"a VPC without exactly one default security group and one default network ACL": `SELECT v.id FROM vpcs v
		WHERE (SELECT COUNT(*) FROM security_groups g WHERE g.vpc_id = v.id AND g.is_default) <> 1
		OR (SELECT COUNT(*) FROM network_acls a WHERE a.vpc_id = v.id AND a.is_default) <> 1`,
	"a subnet without a network ACL": `SELECT s.id FROM subnets s
		WHERE NOT EXISTS (SELECT 1 FROM network_acl_associations a WHERE a.subnet_id = s.id)`,
	"a subnet associated with a network ACL of another VPC": `SELECT a.id FROM network_acl_associations a
		JOIN subnets s ON s.id = a.subnet_id JOIN network_acls n ON n.id = a.network_acl_id WHERE n.vpc_id <> s.vpc_id`,
	"a VPC with more than one virtual private gateway": `SELECT vpc_id FROM vpn_gateways WHERE vpc_id IS NOT NULL
		GROUP BY vpc_id HAVING COUNT(*) > 1`,
	"a route propagation from a gateway not attached to the table's VPC": `SELECT p.route_table_id FROM vgw_route_propagations p
		JOIN route_tables t ON t.id = p.route_table_id JOIN vpn_gateways g ON g.id = p.vpn_gateway_id
		WHERE g.vpc_id IS NULL OR g.vpc_id <> t.vpc_id`,
	"a subnet group with a subnet of another VPC than its own": `SELECT g.arn FROM (` + subnetGroups + `) g
		JOIN subnet_group_subnets m ON m.group_arn = g.arn JOIN subnets s ON s.id = m.subnet_id WHERE s.vpc_id <> g.vpc_id`,
	"a subnet group without subnets, or subnets of no group": `SELECT g.arn FROM (` + subnetGroups + `) g
		WHERE NOT EXISTS (SELECT 1 FROM subnet_group_subnets m WHERE m.group_arn = g.arn)
		UNION ALL SELECT m.group_arn FROM subnet_group_subnets m WHERE NOT EXISTS (SELECT 1 FROM (` + subnetGroups + `) g WHERE g.arn = m.group_arn)`,
}

// subnetGroups are the three services' subnet groups, as one table.
const subnetGroups = `SELECT arn, vpc_id FROM db_subnet_groups UNION ALL SELECT arn, vpc_id FROM elasticache_subnet_groups
	UNION ALL SELECT arn, vpc_id FROM redshift_subnet_groups`

func init() {
	// Every table whose rows carry tags, from the registry of kinds, so
	// that a new kind is checked without a change here.
	var owners []string
	for _, t := range cloud.TaggedTables() {
		owners = append(owners, fmt.Sprintf("SELECT 1 FROM %s WHERE %s = g.resource_id", t.Name, t.IDColumn))
	}
	invariantQueries["tags of a missing object"] = `SELECT resource_id FROM tags g WHERE NOT EXISTS (` +
		strings.Join(owners, " UNION ALL ") + `)`
}

// Invariants lists every way the cloud at location breaks an invariant: the
// rules of the cloud that must hold whatever ran against it. It is empty for
// a sound cloud.
func Invariants(location string) ([]string, error) {
	db, err := openForChecks(location)
	if err != nil {
		return nil, err
	}
	defer func() { _ = db.Close() }()
	var broken []string
	for name, query := range invariantQueries {
		ids, err := column(db, query)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(ids) > 0 {
			broken = append(broken, fmt.Sprintf("%s: %s", name, strings.Join(ids, ", ")))
		}
	}
	overlaps, err := subnetOverlaps(db)
	if err != nil {
		return nil, err
	}
	return append(broken, overlaps...), nil
}

// subnetOverlaps finds subnets of one VPC whose blocks overlap, or that lie
// outside their VPC's block: CIDR arithmetic the SQL above cannot do.
func subnetOverlaps(db *sql.DB) ([]string, error) {
	rows, err := db.Query(`SELECT s.id, s.vpc_id, s.cidr_block, v.cidr_block FROM subnets s JOIN vpcs v ON v.id = s.vpc_id ORDER BY s.id`)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	type subnet struct {
		id    string
		block netip.Prefix
	}
	byVPC := map[string][]subnet{}
	var broken []string
	for rows.Next() {
		var id, vpcID, cidr, vpcCIDR string
		if err := rows.Scan(&id, &vpcID, &cidr, &vpcCIDR); err != nil {
			return nil, err
		}
		block, vpcBlock := netip.MustParsePrefix(cidr), netip.MustParsePrefix(vpcCIDR)
		if block.Bits() < vpcBlock.Bits() || !vpcBlock.Contains(block.Addr()) {
			broken = append(broken, fmt.Sprintf("subnet %s (%s) outside its VPC's %s", id, cidr, vpcCIDR))
		}
		for _, other := range byVPC[vpcID] {
			if other.block.Overlaps(block) {
				broken = append(broken, fmt.Sprintf("subnets %s and %s overlap", other.id, id))
			}
		}
		byVPC[vpcID] = append(byVPC[vpcID], subnet{id, block})
	}
	return broken, rows.Err()
}

// IntegrityCheck runs SQLite's own check of a database file; it returns ""
// for a sound one. For PostgreSQL it checks nothing.
func IntegrityCheck(location string) (string, error) {
	if isPostgres(location) {
		return "", nil
	}
	db, err := openForChecks(location)
	if err != nil {
		return "", err
	}
	defer func() { _ = db.Close() }()
	results, err := column(db, `PRAGMA integrity_check`)
	if err != nil {
		return "", err
	}
	if len(results) == 1 && results[0] == "ok" {
		return "", nil
	}
	return strings.Join(results, "; "), nil
}

func openForChecks(location string) (*sql.DB, error) {
	if isPostgres(location) {
		return sql.Open("pgx", location)
	}
	return sql.Open("sqlite", "file:"+location+"?_pragma=busy_timeout(60000)")
}

func isPostgres(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

func column(db *sql.DB, query string) ([]string, error) {
	rows, err := db.Query(query)
	if err != nil {
		return nil, err
	}
	defer func() { _ = rows.Close() }()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
