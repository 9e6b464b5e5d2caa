package store

import (
	"database/sql"
	"errors"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Security group rules, network ACL entries and network ACL associations
// belong to their group or ACL and are read with it, as routes are with
// their table; no user deletes one by ID, so they are no kind of the
// registry, and the integer columns are no table description's either.

// SecurityGroupRules come inbound first, each way IPv4 ranges, then IPv6
// ranges, then prefix lists, then groups.
func (t *sqlTx) SecurityGroupRules(groupID string) ([]cloud.SecurityGroupRule, error) {
	return t.securityGroupRulesWhere(`security_group_id = ?
		ORDER BY egress, cidr_ipv4 IS NULL, cidr_ipv6 IS NULL, prefix_list_id IS NULL, cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_group_id, r.id`, groupID)
}

func (t *sqlTx) SecurityGroupRuleByID(id string) (cloud.SecurityGroupRule, bool, error) {
	rules, err := t.securityGroupRulesWhere(`r.id = ?`, id)
	if err != nil || len(rules) == 0 {
		return cloud.SecurityGroupRule{}, false, err
	}
	return rules[0], true, nil
}

func (t *sqlTx) PrefixListRules(prefixListID string) ([]cloud.SecurityGroupRule, error) {
	return t.securityGroupRulesWhere(`prefix_list_id = ? ORDER BY r.id`, prefixListID)
}

func (t *sqlTx) securityGroupRulesWhere(where string, arg any) ([]cloud.SecurityGroupRule, error) {
	return queryAll(t, func(rows *sql.Rows) (cloud.SecurityGroupRule, error) {
		var r cloud.SecurityGroupRule
		err := rows.Scan(&r.ID, &r.GroupID, &r.Egress, &r.IPProtocol, &r.FromPort, &r.ToPort, &r.CIDRIPv4, &r.CIDRIPv6,
			&r.ReferencedGroupID, &r.PrefixListID, &r.Description, &r.ManagedBy)
		return r, err
	}, `SELECT r.id, security_group_id, egress, ip_protocol, from_port, to_port, COALESCE(cidr_ipv4, ''), COALESCE(cidr_ipv6, ''),
		COALESCE(referenced_group_id, ''), COALESCE(prefix_list_id, ''), description, COALESCE(m.managed_by, '')
		FROM security_group_rules r LEFT JOIN security_group_rule_managers m ON m.rule_id = r.id WHERE `+where, arg)
}

// SecurityGroupRuleGroup returns the ID of the group that holds the rule
// with the given ID.
func (t *sqlTx) SecurityGroupRuleGroup(ruleID string) (string, bool, error) {
	var groupID string
	err := t.queryRow(`SELECT security_group_id FROM security_group_rules WHERE id = ?`, ruleID).Scan(&groupID)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return groupID, err == nil, err
}

func (t *sqlTx) PutSecurityGroupRule(r cloud.SecurityGroupRule) error {
	err := t.exec(`INSERT INTO security_group_rules (id, security_group_id, egress, ip_protocol, from_port, to_port,
		cidr_ipv4, cidr_ipv6, referenced_group_id, prefix_list_id, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.GroupID, r.Egress, r.IPProtocol, r.FromPort, r.ToPort,
		nullIfEmpty(r.CIDRIPv4), nullIfEmpty(r.CIDRIPv6), nullIfEmpty(r.ReferencedGroupID), nullIfEmpty(r.PrefixListID), r.Description)
	if err != nil || r.ManagedBy == "" {
		return err
	}
	return t.exec(`INSERT INTO security_group_rule_managers (rule_id, managed_by) VALUES (?, ?)`, r.ID, r.ManagedBy)
}

func (t *sqlTx) DeleteSecurityGroupRule(id string) error {
	return t.exec(`DELETE FROM security_group_rules WHERE id = ?`, id)
}

// NetworkACLEntries come in the order AWS evaluates them: by number, IPv4
// before IPv6 at the same number, inbound before outbound.
func (t *sqlTx) NetworkACLEntries(aclID string) ([]cloud.NetworkACLEntry, error) {
	return queryAll(t, func(rows *sql.Rows) (cloud.NetworkACLEntry, error) {
		e := cloud.NetworkACLEntry{NetworkACLID: aclID}
		var from, to, icmpType, icmpCode sql.NullInt64
		err := rows.Scan(&e.Egress, &e.RuleNumber, &e.Protocol, &e.RuleAction, &e.CIDRBlock, &e.IPv6CIDRBlock, &from, &to, &icmpType, &icmpCode)
		e.FromPort, e.ToPort, e.ICMPType, e.ICMPCode = intOrNil(from), intOrNil(to), intOrNil(icmpType), intOrNil(icmpCode)
		return e, err
	}, `SELECT egress, rule_number, protocol, rule_action, COALESCE(cidr_block, ''), COALESCE(ipv6_cidr_block, ''),
		from_port, to_port, icmp_type, icmp_code FROM network_acl_entries WHERE network_acl_id = ?
		ORDER BY egress, rule_number, ipv6_cidr_block IS NOT NULL`, aclID)
}

func (t *sqlTx) PutNetworkACLEntry(e cloud.NetworkACLEntry) error {
	return t.exec(`INSERT INTO network_acl_entries (network_acl_id, egress, rule_number, protocol, rule_action,
		cidr_block, ipv6_cidr_block, from_port, to_port, icmp_type, icmp_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.NetworkACLID, e.Egress, e.RuleNumber, e.Protocol, e.RuleAction, nullIfEmpty(e.CIDRBlock), nullIfEmpty(e.IPv6CIDRBlock),
		nilOrInt(e.FromPort), nilOrInt(e.ToPort), nilOrInt(e.ICMPType), nilOrInt(e.ICMPCode))
}

func (t *sqlTx) DeleteNetworkACLEntry(e cloud.NetworkACLEntry) error {
	return t.exec(`DELETE FROM network_acl_entries WHERE network_acl_id = ? AND egress = ? AND rule_number = ?
		AND (ipv6_cidr_block IS NULL) = ?`, e.NetworkACLID, e.Egress, e.RuleNumber, e.IPv6CIDRBlock == "")
}

func (t *sqlTx) NetworkACLAssociations(aclID string) ([]cloud.NetworkACLAssociation, error) {
	return queryAll(t, func(rows *sql.Rows) (cloud.NetworkACLAssociation, error) {
		a := cloud.NetworkACLAssociation{NetworkACLID: aclID}
		err := rows.Scan(&a.ID, &a.SubnetID)
		return a, err
	}, `SELECT id, subnet_id FROM network_acl_associations WHERE network_acl_id = ? ORDER BY id`, aclID)
}

func (t *sqlTx) PutNetworkACLAssociation(a cloud.NetworkACLAssociation) error {
	return t.exec(`INSERT INTO network_acl_associations (id, network_acl_id, subnet_id) VALUES (?, ?, ?)`,
		a.ID, a.NetworkACLID, a.SubnetID)
}

func intOrNil(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func nilOrInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// fillVPCDefaults gives the VPCs made before security groups and network
// ACLs existed their default group and ACL, and their subnets an
// association with that ACL, as cloud.CreateVPCDefaults says. It runs after
// migration 9 and after an import of a snapshot made before it. It writes
// through the engine, so that the default rules are said once; should a
// later migration change the tables it writes, this step must then write
// the rows as they were at version 9, since it runs before that migration.
func fillVPCDefaults(t *sqlTx) error {
	rows, err := t.query(`SELECT v.id, v.owner_id, v.region, COALESCE(v.ipv6_cidr_block, ''),
		COALESCE((SELECT sg.id FROM security_groups sg WHERE sg.vpc_id = v.id AND sg.is_default), ''),
		COALESCE((SELECT acl.id FROM network_acls acl WHERE acl.vpc_id = v.id AND acl.is_default), '')
		FROM vpcs v
		WHERE NOT EXISTS (SELECT 1 FROM security_groups sg WHERE sg.vpc_id = v.id AND sg.is_default)
		OR NOT EXISTS (SELECT 1 FROM network_acls acl WHERE acl.vpc_id = v.id AND acl.is_default)
		OR EXISTS (SELECT 1 FROM subnets s WHERE s.vpc_id = v.id
			AND NOT EXISTS (SELECT 1 FROM network_acl_associations aa WHERE aa.subnet_id = s.id))
		ORDER BY v.id`)
	if err != nil {
		return err
	}
	var vpcs []cloud.VPC
	for rows.Next() {
		var v cloud.VPC
		if err := rows.Scan(&v.ID, &v.OwnerID, &v.Region, &v.IPv6CIDRBlock, &v.DefaultSecurityGroupID, &v.DefaultNetworkACLID); err != nil {
			_ = rows.Close()
			return err
		}
		vpcs = append(vpcs, v)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, v := range vpcs {
		if err := cloud.CreateVPCDefaults(t, v); err != nil {
			return err
		}
	}
	return nil
}

func (t *sqlTx) networkACLAssociationWhere(column, value string) (cloud.NetworkACLAssociation, bool, error) {
	rows, err := t.query(`SELECT id, network_acl_id, subnet_id FROM network_acl_associations WHERE `+column+` = ?`, value)
	if err != nil {
		return cloud.NetworkACLAssociation{}, false, err
	}
	defer func() { _ = rows.Close() }()
	var a cloud.NetworkACLAssociation
	if !rows.Next() {
		return a, false, rows.Err()
	}
	err = rows.Scan(&a.ID, &a.NetworkACLID, &a.SubnetID)
	return a, err == nil, err
}

func (t *sqlTx) NetworkACLAssociationByID(id string) (cloud.NetworkACLAssociation, bool, error) {
	return t.networkACLAssociationWhere("id", id)
}

func (t *sqlTx) SubnetNetworkACLAssociation(subnetID string) (cloud.NetworkACLAssociation, bool, error) {
	return t.networkACLAssociationWhere("subnet_id", subnetID)
}

func (t *sqlTx) DeleteNetworkACLAssociation(subnetID string) error {
	return t.exec(`DELETE FROM network_acl_associations WHERE subnet_id = ?`, subnetID)
}

func (t *sqlTx) RoutePropagations(tableID string) ([]string, error) {
	return t.strings(`SELECT vpn_gateway_id FROM vgw_route_propagations WHERE route_table_id = ? ORDER BY vpn_gateway_id`, tableID)
}

func (t *sqlTx) PutRoutePropagation(tableID, vgwID string) error {
	if err := t.DeleteRoutePropagation(tableID, vgwID); err != nil {
		return err
	}
	return t.exec(`INSERT INTO vgw_route_propagations (route_table_id, vpn_gateway_id) VALUES (?, ?)`, tableID, vgwID)
}

func (t *sqlTx) DeleteRoutePropagation(tableID, vgwID string) error {
	return t.exec(`DELETE FROM vgw_route_propagations WHERE route_table_id = ? AND vpn_gateway_id = ?`, tableID, vgwID)
}

func (t *sqlTx) SetSubnetGroupSubnets(groupARN string, subnetIDs []string) error {
	if err := t.exec(`DELETE FROM subnet_group_subnets WHERE group_arn = ?`, groupARN); err != nil {
		return err
	}
	for _, id := range subnetIDs {
		if err := t.exec(`INSERT INTO subnet_group_subnets (group_arn, subnet_id) VALUES (?, ?)`, groupARN, id); err != nil {
			return err
		}
	}
	return nil
}

func (t *sqlTx) BlockPublicAccessMode(scope cloud.Scope) (string, error) {
	modes, err := t.strings(`SELECT internet_gateway_block_mode FROM vpc_block_public_access_options WHERE owner_id = ? AND region = ?`,
		scope.AccountID, scope.Region)
	if err != nil || len(modes) == 0 {
		return cloud.BlockPublicAccessOff, err
	}
	return modes[0], nil
}

// SetBlockPublicAccessMode keeps a row only for a mode other than off, so
// that a cloud never touched and one set back to off are the same.
func (t *sqlTx) SetBlockPublicAccessMode(scope cloud.Scope, mode string) error {
	if err := t.exec(`DELETE FROM vpc_block_public_access_options WHERE owner_id = ? AND region = ?`, scope.AccountID, scope.Region); err != nil {
		return err
	}
	if mode == cloud.BlockPublicAccessOff {
		return nil
	}
	return t.exec(`INSERT INTO vpc_block_public_access_options (owner_id, region, internet_gateway_block_mode) VALUES (?, ?, ?)`,
		scope.AccountID, scope.Region, mode)
}

func (t *sqlTx) ScopeUsed(scope cloud.Scope) (bool, error) {
	found, err := t.strings(`SELECT region FROM used_scopes WHERE owner_id = ? AND region = ?`, scope.AccountID, scope.Region)
	return len(found) > 0, err
}

// MarkScopeUsed inserts the scope's row, if it has none: the primary key
// keeps a second one out even where writers did not exclude each other.
func (t *sqlTx) MarkScopeUsed(scope cloud.Scope) (bool, error) {
	result, err := t.tx.ExecContext(t.ctx, t.dialect.rebind(`INSERT INTO used_scopes (owner_id, region) VALUES (?, ?) ON CONFLICT DO NOTHING`),
		scope.AccountID, scope.Region)
	if err != nil {
		return false, err
	}
	n, err := result.RowsAffected()
	return n > 0, err
}
