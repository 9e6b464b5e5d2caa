package cloud

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"slices"
	"strings"
)

// What the meta data sources read of the simulated cloud: its zones,
// regions and partitions, and who the caller is. None of it is stored; it
// follows from the region and account a client acts in.

// AvailabilityZone is a zone of a region as DescribeAvailabilityZones
// describes it.
type AvailabilityZone struct {
	Name, ZoneID, Region string
	// GroupName is the zone's group, as AWS names the group of a region's
	// ordinary zones: us-east-1-zg-1.
	GroupName string
	// State is always available: no simulated zone is ever impaired.
	State string
}

// ValidateAvailabilityZoneState refuses a state AWS gives no zone, as the
// AWS provider refuses it in the state argument of aws_availability_zones.
func ValidateAvailabilityZoneState(state string) error {
	states := []string{"available", "information", "impaired", "unavailable", "constrained"}
	if slices.Contains(states, state) {
		return nil
	}
	return invalidValue(state, "state", "state", "Use one of "+strings.Join(states, ", ")+".")
}

// DescribeAvailabilityZones returns the zones of the client's region that
// match filters, by name. The region has no Local or Wavelength Zones, so
// AWS's AllAvailabilityZones would add none.
func (c *Client) DescribeAvailabilityZones(filters []NamedFilter) ([]AvailabilityZone, error) {
	var zones []AvailabilityZone
	for _, name := range AvailabilityZones(c.scope.Region) {
		zones = append(zones, AvailabilityZone{Name: name, ZoneID: AvailabilityZoneID(name), Region: c.scope.Region,
			GroupName: c.scope.Region + "-zg-1", State: "available"})
	}
	return zoneFilters.keep(zones, filters)
}

// CheckZoneFilterName refuses a filter name that DescribeAvailabilityZones
// does not take.
func CheckZoneFilterName(name string) error { return zoneFilters.checkName(name) }

var zoneFilters = func() filterSet[AvailabilityZone] {
	region := func(z AvailabilityZone) []string { return one(z.Region) }
	return filterSet[AvailabilityZone]{
		op: "DescribeAvailabilityZones",
		fields: map[string]func(AvailabilityZone) []string{
			"zone-name":            func(z AvailabilityZone) []string { return one(z.Name) },
			"zone-id":              func(z AvailabilityZone) []string { return one(z.ZoneID) },
			"group-name":           func(z AvailabilityZone) []string { return one(z.GroupName) },
			"state":                func(z AvailabilityZone) []string { return one(z.State) },
			"region-name":          region,
			"network-border-group": region,
			"zone-type":            always[AvailabilityZone]("availability-zone"),
			"opt-in-status":        always[AvailabilityZone]("opt-in-not-required"),
		},
	}
}()

// RegionInfo is a region as DescribeRegions and aws_region describe it.
type RegionInfo struct {
	Name string
	// Endpoint is the region's EC2 endpoint, without a scheme.
	Endpoint string
	// Description is AWS's "Location (name)" wording, such as US East (N.
	// Virginia).
	Description string
	// OptInStatus is opt-in-not-required for the regions every account
	// has, opted-in for the others: the simulated account may use every
	// region, so it counts as opted in to all.
	OptInStatus string
}

// regionLocations are where AWS says its regions are.
var regionLocations = map[string]string{
	"af-south-1": "Africa (Cape Town)",
	"ap-east-1":  "Asia Pacific (Hong Kong)", "ap-east-2": "Asia Pacific (Taipei)",
	"ap-northeast-1": "Asia Pacific (Tokyo)", "ap-northeast-2": "Asia Pacific (Seoul)", "ap-northeast-3": "Asia Pacific (Osaka)",
	"ap-south-1": "Asia Pacific (Mumbai)", "ap-south-2": "Asia Pacific (Hyderabad)",
	"ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)", "ap-southeast-3": "Asia Pacific (Jakarta)",
	"ap-southeast-4": "Asia Pacific (Melbourne)", "ap-southeast-5": "Asia Pacific (Malaysia)", "ap-southeast-6": "Asia Pacific (New Zealand)",
	"ap-southeast-7": "Asia Pacific (Thailand)",
	"ca-central-1":   "Canada (Central)", "ca-west-1": "Canada West (Calgary)",
	"cn-north-1": "China (Beijing)", "cn-northwest-1": "China (Ningxia)",
	"eu-central-1": "Europe (Frankfurt)", "eu-central-2": "Europe (Zurich)",
	"eu-north-1": "Europe (Stockholm)",
	"eu-south-1": "Europe (Milan)", "eu-south-2": "Europe (Spain)",
	"eu-west-1": "Europe (Ireland)", "eu-west-2": "Europe (London)", "eu-west-3": "Europe (Paris)",
	"il-central-1": "Israel (Tel Aviv)",
	"me-central-1": "Middle East (UAE)", "me-south-1": "Middle East (Bahrain)",
	"mx-central-1": "Mexico (Central)",
	"sa-east-1":    "South America (Sao Paulo)",
	"us-east-1":    "US East (N. Virginia)", "us-east-2": "US East (Ohio)",
	"us-gov-east-1": "AWS GovCloud (US-East)", "us-gov-west-1": "AWS GovCloud (US-West)",
	"us-west-1": "US West (N. California)", "us-west-2": "US West (Oregon)",
}

// optInRegions are the regions an AWS account must opt in to: those
// launched since March 2019.
var optInRegions = []string{"af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
	"ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1",
	"me-south-1", "mx-central-1"}

// DescribeRegion returns what AWS says of a region, or AWS's refusal of a
// name that is no region.
func DescribeRegion(name string) (RegionInfo, error) {
	if err := ValidateRegion(name); err != nil {
		return RegionInfo{}, err
	}
	status := "opt-in-not-required"
	if slices.Contains(optInRegions, name) {
		status = "opted-in"
	}
	return RegionInfo{Name: name, Endpoint: "ec2." + name + "." + PartitionOf(name).DNSSuffix,
		Description: regionLocations[name], OptInStatus: status}, nil
}

// RegionByEndpoint returns the region whose EC2 endpoint is endpoint.
func RegionByEndpoint(endpoint string) (RegionInfo, error) {
	for _, name := range regions {
		if r, _ := DescribeRegion(name); r.Endpoint == endpoint {
			return r, nil
		}
	}
	return RegionInfo{}, &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("Region not found for endpoint %q.", printable(endpoint)),
		Fix:     "Give a region's EC2 endpoint without a scheme, such as ec2.us-east-1.amazonaws.com.",
		Field:   "endpoint",
	}
}

// DescribeRegions returns the regions of the client's partition that match
// filters, by name, as DescribeRegions does: it never lists the regions of
// other partitions. AWS's AllRegions would add the regions the account has
// not opted in to; the simulated account has opted in to every region.
func (c *Client) DescribeRegions(filters []NamedFilter) ([]RegionInfo, error) {
	var found []RegionInfo
	for _, name := range regions {
		if partition(name) == partition(c.scope.Region) {
			r, _ := DescribeRegion(name)
			found = append(found, r)
		}
	}
	return regionFilters.keep(found, filters)
}

// CheckRegionFilterName refuses a filter name that DescribeRegions does not
// take.
func CheckRegionFilterName(name string) error { return regionFilters.checkName(name) }

var regionFilters = filterSet[RegionInfo]{
	op: "DescribeRegions",
	fields: map[string]func(RegionInfo) []string{
		"region-name":   func(r RegionInfo) []string { return one(r.Name) },
		"endpoint":      func(r RegionInfo) []string { return one(r.Endpoint) },
		"opt-in-status": func(r RegionInfo) []string { return one(r.OptInStatus) },
	},
}

// Partition is a group of regions with names, domains and accounts of its
// own.
type Partition struct {
	// ID is the partition's name in ARNs: aws, aws-cn or aws-us-gov.
	ID               string
	DNSSuffix        string
	ReverseDNSPrefix string
}

// PartitionOf returns the partition a region belongs to.
func PartitionOf(region string) Partition {
	switch id := partition(region); id {
	case "aws-cn":
		return Partition{ID: id, DNSSuffix: "amazonaws.com.cn", ReverseDNSPrefix: "cn.com.amazonaws"}
	default:
		return Partition{ID: id, DNSSuffix: "amazonaws.com", ReverseDNSPrefix: "com.amazonaws"}
	}
}

// CallerUserName is the name of the IAM user every simulated caller acts
// as.
const CallerUserName = "simcloud"

// Identity is who the caller is, as STS GetCallerIdentity says.
type Identity struct {
	AccountID string
	// ARN is the IAM user simcloud in the account and its partition.
	ARN string
	// UserID is shaped like an IAM user's unique ID (AIDA and 17 more
	// characters) and derived from the account, so that it is the same on
	// every run and differs between tenants of a shared cloud.
	UserID string
}

// CallerIdentity returns the identity of the client's caller.
func (c *Client) CallerIdentity() Identity {
	sum := sha256.Sum256([]byte("simcloud caller " + c.scope.AccountID))
	return Identity{
		AccountID: c.scope.AccountID,
		ARN:       fmt.Sprintf("arn:%s:iam::%s:user/%s", partition(c.scope.Region), c.scope.AccountID, CallerUserName),
		UserID:    "AIDA" + strings.ToUpper(base32.StdEncoding.EncodeToString(sum[:]))[:17],
	}
}
