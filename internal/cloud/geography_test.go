package cloud_test

import (
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestDescribeAvailabilityZones(t *testing.T) {
	st, _ := openStore(t)
	c := newClient(t, st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: "eu-west-1"})
	zones, err := c.DescribeAvailabilityZones(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(zones) != 6 || zones[0].Name != "eu-west-1a" || zones[0].ZoneID != "euw1-az1" || zones[5].Name != "eu-west-1f" ||
		zones[0].GroupName != "eu-west-1-zg-1" {
		t.Fatalf("zones of eu-west-1: %+v", zones)
	}
	zones, err = c.DescribeAvailabilityZones([]cloud.NamedFilter{{Name: "zone-id", Values: []string{"euw1-az2", "use1-az3"}}})
	if err != nil || len(zones) != 1 || zones[0].Name != "eu-west-1b" {
		t.Fatalf("zone-id filter kept %+v (%v)", zones, err)
	}
	_, err = c.DescribeAvailabilityZones([]cloud.NamedFilter{{Name: "zone", Values: []string{"a"}}})
	wantCode(t, err, "InvalidParameterValue")
}

// DescribeRegions lists the regions of the caller's partition only.
func TestDescribeRegionsStaysInItsPartition(t *testing.T) {
	st, _ := openStore(t)
	for region, want := range map[string]string{"cn-north-1": "cn-north-1 cn-northwest-1", "us-gov-west-1": "us-gov-east-1 us-gov-west-1"} {
		regions, err := newClient(t, st, cloud.Scope{AccountID: cloud.DefaultAccountID, Region: region}).DescribeRegions(nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range regions {
			names = append(names, r.Name)
		}
		if strings.Join(names, " ") != want {
			t.Errorf("regions seen from %s: %v, want %s", region, names, want)
		}
	}
	regions, err := freshClient(t).DescribeRegions([]cloud.NamedFilter{{Name: "opt-in-status", Values: []string{"opt-in-not-required"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range regions {
		if strings.HasPrefix(r.Name, "cn-") || strings.HasPrefix(r.Name, "us-gov-") || r.Name == "af-south-1" {
			t.Errorf("%s listed from us-east-1 among the regions that need no opt-in", r.Name)
		}
	}
}

func TestEveryRegionIsDescribed(t *testing.T) {
	for _, name := range cloud.Regions() {
		r, err := cloud.DescribeRegion(name)
		if err != nil || r.Description == "" {
			t.Errorf("region %s: %+v, %v", name, r, err)
		}
		if back, err := cloud.RegionByEndpoint(r.Endpoint); err != nil || back.Name != name {
			t.Errorf("endpoint %s leads to %+v, %v", r.Endpoint, back, err)
		}
	}
	if r, _ := cloud.DescribeRegion("cn-north-1"); r.Endpoint != "ec2.cn-north-1.amazonaws.com.cn" {
		t.Errorf("cn-north-1's endpoint is %s", r.Endpoint)
	}
	_, err := cloud.RegionByEndpoint("https://ec2.us-east-1.amazonaws.com")
	wantCode(t, err, "InvalidParameterValue")
}

func TestCallerIdentity(t *testing.T) {
	st, _ := openStore(t)
	id := newClient(t, st, cloud.Scope{AccountID: "210987654321", Region: "cn-northwest-1"}).CallerIdentity()
	if id.AccountID != "210987654321" || id.ARN != "arn:aws-cn:iam::210987654321:user/simcloud" {
		t.Fatalf("identity %+v", id)
	}
	other := newClient(t, st, defaultScope).CallerIdentity()
	if len(id.UserID) != 21 || !strings.HasPrefix(id.UserID, "AIDA") || other.UserID == id.UserID ||
		other.UserID != newClient(t, st, defaultScope).CallerIdentity().UserID {
		t.Fatalf("user IDs %s and %s: want AIDA and 17 characters, stable for an account, differing between accounts", id.UserID, other.UserID)
	}
}
