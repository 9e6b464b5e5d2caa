package cloud

import (
	"fmt"
	"slices"
	"strings"
)

// regions lists the AWS regions a simulated cloud may pretend to be in.
var regions = []string{
	"af-south-1",
	"ap-east-1", "ap-east-2",
	"ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ap-south-1", "ap-south-2",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
	"ca-central-1", "ca-west-1",
	"cn-north-1", "cn-northwest-1",
	"eu-central-1", "eu-central-2",
	"eu-north-1",
	"eu-south-1", "eu-south-2",
	"eu-west-1", "eu-west-2", "eu-west-3",
	"il-central-1",
	"me-central-1", "me-south-1",
	"mx-central-1",
	"sa-east-1",
	"us-east-1", "us-east-2",
	"us-gov-east-1", "us-gov-west-1",
	"us-west-1", "us-west-2",
}

// DefaultRegion is the region used when none is configured.
const DefaultRegion = "us-east-1"

// DefaultAccountID is the account used when none is configured.
const DefaultAccountID = "123456789012"

// Regions returns the names of the regions the cloud accepts.
func Regions() []string { return slices.Clone(regions) }

// ValidateRegion checks that name is a real AWS region.
func ValidateRegion(name string) error {
	if slices.Contains(regions, name) {
		return nil
	}
	return invalidParameter("region", fmt.Sprintf("Invalid region: %q is not an AWS region.", printable(name)),
		"Use an AWS region name such as us-east-1 or eu-west-1.")
}

// ValidateAccountID checks that id is a 12-digit AWS account number.
func ValidateAccountID(id string) error {
	if len(id) == 12 && strings.Trim(id, "0123456789") == "" {
		return nil
	}
	return invalidParameter("account_id", fmt.Sprintf("Invalid account ID: %q is not 12 digits.", printable(id)),
		"Use a 12-digit account number such as 123456789012.")
}

// AvailabilityZones returns the zones of a region: its name followed by a to f.
func AvailabilityZones(region string) []string {
	zones := make([]string, 0, 6)
	for z := 'a'; z <= 'f'; z++ {
		zones = append(zones, region+string(z))
	}
	return zones
}

// partition is the ARN partition a region belongs to.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	default:
		return "aws"
	}
}

// AvailabilityZoneID returns the ID of a zone of a region, such as use1-az1
// for us-east-1a: the region's short code, "-az", and the zone's number. AWS
// shuffles the numbers between accounts; the simulation numbers zones in
// order.
func AvailabilityZoneID(zone string) string {
	region, letter := zone[:len(zone)-1], zone[len(zone)-1]
	return regionCode(region) + "-az" + string(rune('1'+letter-'a'))
}

// regionCode shortens a region's name as AWS does in zone IDs: us-east-1 is
// use1, ap-southeast-2 is apse2, us-gov-west-1 is usgw1.
func regionCode(region string) string {
	short := map[string]string{"north": "n", "south": "s", "east": "e", "west": "w", "central": "c", "gov": "g",
		"northeast": "ne", "southeast": "se", "northwest": "nw", "southwest": "sw"}
	var b strings.Builder
	for i, part := range strings.Split(region, "-") {
		switch {
		case i == 0:
			b.WriteString(part)
		case short[part] != "":
			b.WriteString(short[part])
		default:
			b.WriteString(part)
		}
	}
	return b.String()
}

// ValidateAvailabilityZone checks that zone is one of region's.
func ValidateAvailabilityZone(region, zone string) error {
	zones := AvailabilityZones(region)
	if slices.Contains(zones, zone) {
		return nil
	}
	return invalidParameter("availability_zone",
		fmt.Sprintf("Value (%s) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: %s.",
			printable(zone), strings.Join(zones, ", ")),
		fmt.Sprintf("Use one of the zones of %s, such as %s.", region, zones[0]))
}

// AvailabilityZoneByID returns the zone of region whose ID is id.
func AvailabilityZoneByID(region, id string) (string, error) {
	for _, zone := range AvailabilityZones(region) {
		if AvailabilityZoneID(zone) == id {
			return zone, nil
		}
	}
	return "", invalidValue(id, "availabilityZoneId", "availability_zone_id",
		fmt.Sprintf("Use a zone ID of %s, from %s to %s.", region, AvailabilityZoneID(AvailabilityZones(region)[0]), AvailabilityZoneID(AvailabilityZones(region)[5])))
}
