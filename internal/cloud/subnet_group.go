package cloud

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// SubnetGroup is a named set of subnets of one VPC in which a service built
// on VPC subnets (RDS, ElastiCache, Redshift) places what it runs. The
// services' groups obey the same rules with different codes, words and
// limits: those are data, in subnetGroupServices, and this engine is
// written once for all three. Kind says whose group it is.
type SubnetGroup struct {
	Kind        Kind
	ARN         string
	OwnerID     string
	Region      string
	Name        string
	Description string
	VPCID       string
	SubnetIDs   []string
	Tags        map[string]string
	// SupportedNetworkTypes are what RDS reports the group's subnets can
	// give an instance: IPV4, and DUAL when every one has an IPv6 block.
	// Derived when read, as a subnet may gain or lose its block.
	SupportedNetworkTypes []string
}

// StoredKind is the group's service's kind: one Go type serves the three,
// so the kind is data of the group, not of its type.
func (g SubnetGroup) StoredKind() Kind { return g.Kind }

// SubnetGroupFilter selects the subnet groups of one kind; empty fields
// match all.
type SubnetGroupFilter struct {
	Kind Kind
	Name string
	Tags map[string]string
}

func (f SubnetGroupFilter) FilteredKind() Kind { return f.Kind }

// SubnetGroupInput is the desired configuration of a subnet group. At plan
// the name and any subnet ID may be Unknown.
type SubnetGroupInput struct {
	Name        string
	Description string
	SubnetIDs   []string
	Tags        map[string]string
}

// subnetGroupService is what one service says of its subnet groups.
type subnetGroupService struct {
	kind                 Kind
	typeName, table      string
	createOp, describeOp string
	modifyOp, deleteOp   string
	arnService, arnType  string
	alreadyExistsCode    string
	alreadyExistsMessage string // %s is the name
	invalidSubnetMessage string // %s lists the subnets
	// minZones is how many availability zones the subnets must cover, 0
	// for no minimum; zonesCode refuses fewer.
	minZones  int
	zonesCode string
	// validName is the shape of a name, nameRule the same in words, and
	// defaultReserved says that "default" is the service's own.
	validName       *regexp.Regexp
	nameRule        string
	defaultReserved bool
	// storedLowercase says that the service takes a name in any case and
	// keeps it lowercased, as ElastiCache does; the others refuse capitals.
	storedLowercase bool
}

// stored is a name as the service keeps it.
func (svc *subnetGroupService) stored(name string) string {
	if svc.storedLowercase {
		return strings.ToLower(name)
	}
	return name
}

// maxSubnetGroupName is the longest name each service takes; the AWS
// provider's name_prefix leaves room for its 26-character suffix.
const (
	maxSubnetGroupName       = 255
	maxSubnetGroupNamePrefix = maxSubnetGroupName - 26
)

// subnetGroupServices hold the facts of each service's API reference
// (CreateDBSubnetGroup, CreateCacheSubnetGroup, CreateClusterSubnetGroup)
// and of the AWS provider's name validation, which refuses what the
// services would store lowercased.
var subnetGroupServices = []subnetGroupService{
	{kind: KindDBSubnetGroup, typeName: "db_subnet_group", table: "db_subnet_groups",
		createOp: "CreateDBSubnetGroup", describeOp: "DescribeDBSubnetGroups", modifyOp: "ModifyDBSubnetGroup", deleteOp: "DeleteDBSubnetGroup",
		arnService: "rds", arnType: "subgrp",
		alreadyExistsCode: "DBSubnetGroupAlreadyExists", alreadyExistsMessage: "The DB subnet group '%s' already exists.",
		invalidSubnetMessage: "Some input subnets in :[%s] are invalid.",
		minZones:             2, zonesCode: "DBSubnetGroupDoesNotCoverEnoughAZs",
		validName: regexp.MustCompile(`^[0-9a-z_ .-]+$`), nameRule: "lowercase letters, digits, hyphens, underscores, periods and spaces",
		defaultReserved: true},
	{kind: KindCacheSubnetGroup, typeName: "elasticache_subnet_group", table: "elasticache_subnet_groups",
		createOp: "CreateCacheSubnetGroup", describeOp: "DescribeCacheSubnetGroups", modifyOp: "ModifyCacheSubnetGroup", deleteOp: "DeleteCacheSubnetGroup",
		arnService: "elasticache", arnType: "subnetgroup",
		alreadyExistsCode: "CacheSubnetGroupAlreadyExists", alreadyExistsMessage: "Cache subnet group %s already exists.",
		invalidSubnetMessage: "An invalid subnet identifier was specified: %s.",
		validName:            regexp.MustCompile(`^[0-9A-Za-z-]+$`), nameRule: "letters, digits and hyphens (kept lowercased)", storedLowercase: true},
	{kind: KindClusterSubnetGroup, typeName: "redshift_subnet_group", table: "redshift_subnet_groups",
		createOp: "CreateClusterSubnetGroup", describeOp: "DescribeClusterSubnetGroups", modifyOp: "ModifyClusterSubnetGroup", deleteOp: "DeleteClusterSubnetGroup",
		arnService: "redshift", arnType: "subnetgroup",
		alreadyExistsCode: "ClusterSubnetGroupAlreadyExists", alreadyExistsMessage: "The cluster subnet group name %s already exists.",
		invalidSubnetMessage: "The requested subnets are not valid: %s.",
		validName:            regexp.MustCompile(`^[0-9a-z-]+$`), nameRule: "lowercase letters, digits and hyphens",
		defaultReserved: true},
}

// subnetGroupKinds are the registry's entries of the subnet groups, made
// from their services' facts. A group uses its subnets, and names their
// VPC: it is deleted before them, and while it exists a subnet's delete
// names it (the store's hold of the group's members).
func subnetGroupKinds() []objectKind {
	var kinds []objectKind
	for i := range subnetGroupServices {
		svc := &subnetGroupServices[i]
		kinds = append(kinds, objectKind{Kind: svc.kind, typeName: svc.typeName, table: svc.table, idColumn: "arn", taggable: true,
			createOp: svc.createOp, describeOp: svc.describeOp, deleteOp: svc.deleteOp,
			uses: []Kind{KindVPC, KindSubnet},
			find: func(c *Client, tx ReadTx, name string) error {
				_, err := c.findSubnetGroup(tx, svc, name, "id")
				return err
			},
			remove: func(c *Client, ctx context.Context, name string) error {
				return c.DeleteSubnetGroup(ctx, svc.kind, name)
			},
		})
	}
	return kinds
}

func subnetGroupServiceOf(kind Kind) (*subnetGroupService, error) {
	for i := range subnetGroupServices {
		if subnetGroupServices[i].kind.Prefix == kind.Prefix {
			return &subnetGroupServices[i], nil
		}
	}
	return nil, fmt.Errorf("no service keeps subnet groups of kind %s", kind.label)
}

// arn is the ARN of the group with the given name in a scope. It is the
// group's key in the store: a name alone is unique only per service,
// account and region, and tags belong to one object.
func (svc *subnetGroupService) arn(scope Scope, name string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s:%s", partition(scope.Region), svc.arnService, scope.Region, scope.AccountID, svc.arnType, svc.stored(name))
}

// ClaimSubnetGroupName is the claim a planned subnet group makes on its
// name; its scope is the service's kind in one account and region.
const ClaimSubnetGroupName ClaimKind = "subnet-group-name"

func (c *Client) subnetGroupNameScope(svc *subnetGroupService) string {
	return svc.kind.Prefix + "/" + c.scope.AccountID + "/" + c.scope.Region
}

// ValidateSubnetGroupName checks a subnet group's name, or with prefix a
// name_prefix, as the service of kind takes it, naming field in the error.
func ValidateSubnetGroupName(kind Kind, name, field string, prefix bool) error {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return err
	}
	limit := maxSubnetGroupName
	if prefix {
		limit = maxSubnetGroupNamePrefix
	}
	invalid := func(why string) *Error {
		return &Error{
			Code:    "InvalidParameterValue",
			Message: fmt.Sprintf("The parameter %s is not a valid identifier: %q %s.", field, printable(name), why),
			Fix:     fmt.Sprintf("A %s's name has 1 to %d characters: %s.", svc.kind.label, maxSubnetGroupName, svc.nameRule),
			Field:   field,
		}
	}
	switch {
	case name == "" && !prefix:
		return invalid("is empty")
	case len(name) > limit:
		return invalid(fmt.Sprintf("is longer than %d characters", limit))
	case name != "" && !svc.validName.MatchString(name):
		return invalid("has characters other than " + svc.nameRule)
	case svc.defaultReserved && !prefix && name == "default":
		return invalid("is the name the service keeps for its own default group")
	}
	return nil
}

// subnetGroupRule checks a group's configuration against the cloud: its
// name free (for a new group), its subnets known, of one VPC and covering
// the zones its service asks for. At plan the name and any subnet may be
// Unknown: what they decide is left to apply.
func (c *Client) subnetGroupRule(svc *subnetGroupService, in SubnetGroupInput, isNew bool) Rule {
	return func(v View) error {
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if IsKnown(in.Name) {
			if err := ValidateSubnetGroupName(svc.kind, in.Name, "name", false); err != nil {
				return err
			}
		}
		subnets, complete, err := c.subnetGroupSubnets(v, svc, in.SubnetIDs)
		if err != nil {
			return err
		}
		if err := subnetGroupOneVPC(subnets); err != nil {
			return err
		}
		if complete {
			if err := svc.coversZones(subnets); err != nil {
				return err
			}
		}
		if isNew && IsKnown(in.Name) {
			return c.subnetGroupNameFree(v, svc, in.Name)
		}
		return nil
	}
}

// subnetGroupSubnets looks up the known subnets of a group; complete says
// that none was Unknown.
func (c *Client) subnetGroupSubnets(v View, svc *subnetGroupService, ids []string) (subnets []Subnet, complete bool, err error) {
	var invalid []string
	complete = true
	for _, id := range ids {
		if !IsKnown(id) {
			complete = false
			continue
		}
		if ValidateID(KindSubnet, id, "subnet_ids") != nil {
			invalid = append(invalid, printable(id))
			continue
		}
		s, ok, err := get[Subnet](v, c.scope, id)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			invalid = append(invalid, id)
			continue
		}
		subnets = append(subnets, s)
	}
	if len(invalid) > 0 {
		return nil, false, &Error{
			Code:    "InvalidSubnet",
			Message: fmt.Sprintf(svc.invalidSubnetMessage, strings.Join(invalid, ", ")),
			Fix:     "Give IDs of subnets of this account and region, such as references to simcloud_subnet resources' id; IDs are only valid where they were made.",
			Field:   "subnet_ids",
			Objects: invalid,
		}
	}
	return subnets, complete, requireSubnets(svc, ids)
}

// ValidateSubnetGroupSubnets checks a group's subnet IDs from the
// configuration alone: at least one, each of a subnet's form (Unknown ones
// wait for apply).
func ValidateSubnetGroupSubnets(kind Kind, ids []string) error {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return err
	}
	if err := requireSubnets(svc, ids); err != nil {
		return err
	}
	for _, id := range ids {
		if IsKnown(id) {
			if err := ValidateID(KindSubnet, id, "subnet_ids"); err != nil {
				return err
			}
		}
	}
	return nil
}

// requireSubnets refuses a group of no subnets, from the request alone.
func requireSubnets(svc *subnetGroupService, ids []string) error {
	if len(ids) > 0 {
		return nil
	}
	return &Error{
		Code:    "InvalidSubnet",
		Message: fmt.Sprintf(svc.invalidSubnetMessage, ""),
		Fix:     fmt.Sprintf("A %s needs at least one subnet: list them in subnet_ids.", svc.kind.label),
		Field:   "subnet_ids",
	}
}

// subnetGroupOneVPC refuses subnets of more than one VPC, which every
// service refuses with InvalidSubnet.
func subnetGroupOneVPC(subnets []Subnet) error {
	for _, s := range subnets[min(1, len(subnets)):] {
		if first := subnets[0]; s.VPCID != first.VPCID {
			return &Error{
				Code:    "InvalidSubnet",
				Message: "Subnets must be in the same VPC.",
				Fix: fmt.Sprintf("A subnet group's subnets are all of one VPC, and %s is in %s but %s in %s: make a group per VPC.",
					first.ID, first.VPCID, s.ID, s.VPCID),
				Field:   "subnet_ids",
				Objects: []string{first.ID, s.ID, first.VPCID, s.VPCID},
			}
		}
	}
	return nil
}

// coversZones refuses subnets that cover fewer zones than the service asks.
func (svc *subnetGroupService) coversZones(subnets []Subnet) error {
	var zones []string
	for _, s := range subnets {
		if !slices.Contains(zones, s.AvailabilityZone) {
			zones = append(zones, s.AvailabilityZone)
		}
	}
	if len(zones) >= svc.minZones {
		return nil
	}
	ids := make([]string, len(subnets))
	for i, s := range subnets {
		ids[i] = s.ID
	}
	slices.Sort(zones)
	return &Error{
		Code: svc.zonesCode,
		Message: fmt.Sprintf("The %s doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: %s. Add subnets to cover at least %d AZs.",
			svc.kind.label, strings.Join(zones, ", "), svc.minZones),
		Fix:     fmt.Sprintf("Add a subnet of another availability zone of the VPC (simcloud_subnet with availability_zone) to subnet_ids: a %s spans at least %d zones.", svc.kind.label, svc.minZones),
		Field:   "subnet_ids",
		Objects: ids,
	}
}

// subnetGroupNameFree refuses a name that a group of the service has in
// this account and region, stored or claimed by another resource of the
// plan.
func (c *Client) subnetGroupNameFree(v View, svc *subnetGroupService, name string) error {
	taken := func(holder string) *Error {
		return &Error{
			Code:    svc.alreadyExistsCode,
			Message: fmt.Sprintf(svc.alreadyExistsMessage, name),
			Fix:     fmt.Sprintf("A %s's name is unique in its account and region, and %s has %s. Choose another name, or use name_prefix where the resource has it.", svc.kind.label, holder, name),
			Field:   "name",
			Objects: []string{name, holder},
		}
	}
	if _, ok, err := v.Get(c.scope, svc.kind, svc.arn(c.scope, name)); err != nil {
		return err
	} else if ok {
		err := taken("the existing group " + name)
		err.Objects, err.Obstacle = []string{name}, name
		return err
	}
	for _, claim := range v.Claimed(ClaimSubnetGroupName, c.subnetGroupNameScope(svc)) {
		if claim.Value == svc.stored(name) {
			return taken(claim.Who())
		}
	}
	return nil
}

// CheckSubnetGroup runs at plan time the rules that creating (isNew) or
// updating a subnet group of kind will meet at apply, and claims its name.
func (c *Client) CheckSubnetGroup(ctx context.Context, p *Plan, holder Holder, kind Kind, in SubnetGroupInput, isNew bool) error {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return err
	}
	var claims []Claim
	if IsKnown(in.Name) {
		claims = append(claims, Claim{Kind: ClaimSubnetGroupName, Scope: c.subnetGroupNameScope(svc), Value: svc.stored(in.Name)})
	}
	return c.Check(ctx, p, holder, c.subnetGroupRule(svc, in, isNew), claims...)
}

// CreateSubnetGroup creates a subnet group of kind.
func (c *Client) CreateSubnetGroup(ctx context.Context, kind Kind, in SubnetGroupInput) (SubnetGroup, error) {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return SubnetGroup{}, err
	}
	g := SubnetGroup{Kind: kind, ARN: svc.arn(c.scope, in.Name), OwnerID: c.scope.AccountID, Region: c.scope.Region, Name: svc.stored(in.Name)}
	err = c.apply(ctx, svc.createOp, svc.ids(in.Name), c.subnetGroupRule(svc, in, true), func(tx Tx) error {
		return c.storeSubnetGroup(tx, svc, &g, in, tx.Insert)
	})
	return g, err
}

// UpdateSubnetGroup changes a group's description, subnets and tags, as the
// service's modify call (and its tagging calls) do.
func (c *Client) UpdateSubnetGroup(ctx context.Context, kind Kind, name string, in SubnetGroupInput) (SubnetGroup, error) {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return SubnetGroup{}, err
	}
	in.Name = name
	var g SubnetGroup
	err = c.apply(ctx, svc.modifyOp, svc.ids(name), c.subnetGroupRule(svc, in, false), func(tx Tx) error {
		if g, err = c.findSubnetGroup(tx, svc, name, "name"); err != nil {
			return err
		}
		return c.storeSubnetGroup(tx, svc, &g, in, tx.Update)
	})
	return g, err
}

// storeSubnetGroup writes (with write, an insert or an update) what a group
// is given, inside the transaction whose rule has passed, so its subnets
// exist and share one VPC; then reads it back as it now is.
func (c *Client) storeSubnetGroup(tx Tx, svc *subnetGroupService, g *SubnetGroup, in SubnetGroupInput, write func(Row) error) error {
	first, _, err := get[Subnet](tx, c.scope, in.SubnetIDs[0])
	if err != nil {
		return err
	}
	g.Description, g.VPCID = in.Description, first.VPCID
	if err := write(*g); err != nil {
		return err
	}
	if err := tx.SetSubnetGroupSubnets(g.ARN, in.SubnetIDs); err != nil {
		return err
	}
	if err := tx.SetTags(g.ARN, in.Tags); err != nil {
		return err
	}
	*g, err = c.findSubnetGroup(tx, svc, g.Name, "name")
	return err
}

// SubnetGroup returns the subnet group of kind with the given name.
func (c *Client) SubnetGroup(ctx context.Context, kind Kind, name string) (SubnetGroup, error) {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return SubnetGroup{}, err
	}
	return readResult(ctx, c, svc.describeOp, svc.ids(name), func(tx ReadTx) (SubnetGroup, error) {
		return c.findSubnetGroup(tx, svc, name, "name")
	})
}

// DeleteSubnetGroup deletes a subnet group of kind. Nothing in the
// simulated cloud runs in a group, so nothing stops it.
func (c *Client) DeleteSubnetGroup(ctx context.Context, kind Kind, name string) error {
	svc, err := subnetGroupServiceOf(kind)
	if err != nil {
		return err
	}
	return c.write(ctx, svc.deleteOp, svc.ids(name), func(tx Tx) error {
		g, err := c.findSubnetGroup(tx, svc, name, "name")
		if err != nil {
			return err
		}
		return tx.Delete(kind, g.ARN)
	})
}

func (svc *subnetGroupService) ids(name string) map[string]string {
	return map[string]string{svc.typeName + "_name": name}
}

// findSubnetGroup looks a group up by name, with the service's error for an
// unknown one, and derives what its subnets make of it.
func (c *Client) findSubnetGroup(tx ReadTx, svc *subnetGroupService, name, field string) (SubnetGroup, error) {
	row, ok, err := tx.Get(c.scope, svc.kind, svc.arn(c.scope, name))
	if err != nil {
		return SubnetGroup{}, err
	}
	g, isGroup := row.(SubnetGroup)
	if !ok || !isGroup {
		return SubnetGroup{}, notFound(svc.kind, name, field)
	}
	g.SupportedNetworkTypes = []string{"IPV4", "DUAL"}
	for _, id := range g.SubnetIDs {
		if s, ok, err := get[Subnet](tx, c.scope, id); err != nil {
			return SubnetGroup{}, err
		} else if !ok || s.IPv6CIDRBlock == "" {
			g.SupportedNetworkTypes = []string{"IPV4"}
		}
	}
	return g, nil
}
