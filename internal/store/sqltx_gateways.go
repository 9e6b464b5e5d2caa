package store

import (
	"errors"
	"strings"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// gatewayRow is what internet gateways and egress-only gateways share in
// their tables.
type gatewayRow struct {
	id, ownerID, region, vpcID string
}

// gatewayFilter builds the WHERE clause shared by lookups of both kinds of
// gateway.
func gatewayFilter(scope cloud.Scope, id, vpcID string, tags map[string]string) (string, []any) {
	where := []string{"g0.owner_id = ?", "g0.region = ?"}
	args := []any{scope.AccountID, scope.Region}
	if id != "" {
		where = append(where, "g0.id = ?")
		args = append(args, id)
	}
	if vpcID != "" {
		where = append(where, "g0.vpc_id = ?")
		args = append(args, vpcID)
	}
	tagWhere, tagArgs := tagConditions("g0.id", tags)
	return strings.Join(append(where, tagWhere...), " AND "), append(args, tagArgs...)
}

// gateways reads the gateways of one table that match a WHERE clause over
// alias g0, with their tags.
func (t *sqlTx) gateways(table, where string, args ...any) ([]gatewayRow, []map[string]string, error) {
	rows, err := t.query(`SELECT g0.id, g0.owner_id, g0.region, COALESCE(g0.vpc_id, '')
		FROM `+table+` g0 WHERE `+where+` ORDER BY g0.id`, args...)
	if err != nil {
		return nil, nil, err
	}
	var found []gatewayRow
	for rows.Next() {
		var g gatewayRow
		if err := rows.Scan(&g.id, &g.ownerID, &g.region, &g.vpcID); err != nil {
			_ = rows.Close()
			return nil, nil, err
		}
		found = append(found, g)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, nil, err
	}
	tags := make([]map[string]string, len(found))
	for i, g := range found {
		if tags[i], err = t.Tags(g.id); err != nil {
			return nil, nil, err
		}
	}
	return found, tags, nil
}

func (t *sqlTx) InternetGateways(scope cloud.Scope, f cloud.InternetGatewayFilter) ([]cloud.InternetGateway, error) {
	where, args := gatewayFilter(scope, f.ID, f.VPCID, f.Tags)
	rows, tags, err := t.gateways("internet_gateways", where, args...)
	if err != nil {
		return nil, err
	}
	out := make([]cloud.InternetGateway, len(rows))
	for i, g := range rows {
		out[i] = cloud.InternetGateway{ID: g.id, OwnerID: g.ownerID, Region: g.region, VPCID: g.vpcID, Tags: tags[i]}
	}
	return out, nil
}

func (t *sqlTx) InternetGateway(scope cloud.Scope, id string) (cloud.InternetGateway, bool, error) {
	found, err := t.InternetGateways(scope, cloud.InternetGatewayFilter{ID: id})
	if err != nil || len(found) == 0 {
		return cloud.InternetGateway{}, false, err
	}
	return found[0], true, nil
}

func (t *sqlTx) AttachedInternetGateway(vpcID string) (string, error) {
	ids, err := t.strings(`SELECT id FROM internet_gateways WHERE vpc_id = ?`, vpcID)
	if err != nil || len(ids) == 0 {
		return "", err
	}
	return ids[0], nil
}

func (t *sqlTx) InsertInternetGateway(g cloud.InternetGateway) error {
	return t.exec(`INSERT INTO internet_gateways (id, owner_id, region, vpc_id) VALUES (?, ?, ?, ?)`,
		g.ID, g.OwnerID, g.Region, nullIfEmpty(g.VPCID))
}

func (t *sqlTx) SetInternetGatewayVPC(igwID, vpcID string) error {
	return t.exec(`UPDATE internet_gateways SET vpc_id = ? WHERE id = ?`, nullIfEmpty(vpcID), igwID)
}

func (t *sqlTx) DeleteInternetGateway(id string) error {
	return t.exec(`DELETE FROM internet_gateways WHERE id = ?`, id)
}

func (t *sqlTx) EgressOnlyInternetGateways(scope cloud.Scope, f cloud.EgressOnlyInternetGatewayFilter) ([]cloud.EgressOnlyInternetGateway, error) {
	where, args := gatewayFilter(scope, f.ID, f.VPCID, f.Tags)
	rows, tags, err := t.gateways("egress_only_internet_gateways", where, args...)
	if err != nil {
		return nil, err
	}
	out := make([]cloud.EgressOnlyInternetGateway, len(rows))
	for i, g := range rows {
		out[i] = cloud.EgressOnlyInternetGateway{ID: g.id, OwnerID: g.ownerID, Region: g.region, VPCID: g.vpcID, Tags: tags[i]}
	}
	return out, nil
}

func (t *sqlTx) EgressOnlyInternetGateway(scope cloud.Scope, id string) (cloud.EgressOnlyInternetGateway, bool, error) {
	found, err := t.EgressOnlyInternetGateways(scope, cloud.EgressOnlyInternetGatewayFilter{ID: id})
	if err != nil || len(found) == 0 {
		return cloud.EgressOnlyInternetGateway{}, false, err
	}
	return found[0], true, nil
}

func (t *sqlTx) InsertEgressOnlyInternetGateway(g cloud.EgressOnlyInternetGateway) error {
	return t.exec(`INSERT INTO egress_only_internet_gateways (id, owner_id, region, vpc_id) VALUES (?, ?, ?, ?)`,
		g.ID, g.OwnerID, g.Region, g.VPCID)
}

func (t *sqlTx) DeleteEgressOnlyInternetGateway(id string) error {
	return t.exec(`DELETE FROM egress_only_internet_gateways WHERE id = ?`, id)
}
