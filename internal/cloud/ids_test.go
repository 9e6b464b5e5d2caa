package cloud_test

import (
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestValidateID(t *testing.T) {
	cases := []struct {
		id   string
		ok   bool
		kind cloud.Kind
	}{
		{"vpc-0123456789abcdef0", true, cloud.KindVPC},
		{"vpc-a01106c2", true, cloud.KindVPC},
		{"vpc-0123456789ABCDEF0", false, cloud.KindVPC},
		{"vpc-0123456789abcdef", false, cloud.KindVPC},
		{"vpc-", false, cloud.KindVPC},
		{"subnet-0123456789abcdef0", false, cloud.KindVPC},
		{"rtb-0123456789abcdef0", true, cloud.KindRouteTable},
		{"vpc-0123456789abcdef0", false, cloud.KindRouteTable},
		{"", false, cloud.KindVPC},
		{"vpc-0123456789abcdefg", false, cloud.KindVPC},
	}
	for _, tc := range cases {
		err := cloud.ValidateID(tc.kind, tc.id, "vpc_id")
		if (err == nil) != tc.ok {
			t.Errorf("ValidateID(%s, %q) = %v, want ok=%v", tc.kind.Prefix, tc.id, err, tc.ok)
			continue
		}
		if err != nil {
			ce := asCloudError(t, err)
			if !strings.HasSuffix(ce.Code, ".Malformed") || ce.Field != "vpc_id" || !strings.Contains(ce.Fix, tc.kind.Prefix+"-") {
				t.Errorf("ValidateID(%q): unexpected error %+v", tc.id, ce)
			}
		}
	}
}

// FuzzValidateID checks that an accepted ID always has the documented shape.
func FuzzValidateID(f *testing.F) {
	for _, seed := range []string{"vpc-0123456789abcdef0", "vpc-a01106c2", "vpc-", "vpc-\x00", "VPC-0123456789abcdef0"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if cloud.ValidateID(cloud.KindVPC, id, "id") != nil {
			return
		}
		hexPart := strings.TrimPrefix(id, "vpc-")
		if hexPart == id || (len(hexPart) != 17 && len(hexPart) != 8) || strings.Trim(hexPart, "0123456789abcdef") != "" {
			t.Fatalf("accepted malformed ID %q", id)
		}
	})
}

func TestValidateRegionAndAccount(t *testing.T) {
	for _, r := range []string{"us-east-1", "eu-west-3", "cn-north-1", "us-gov-west-1"} {
		if err := cloud.ValidateRegion(r); err != nil {
			t.Errorf("region %s refused: %v", r, err)
		}
	}
	for _, r := range []string{"", "us-east-9", "US-EAST-1", "mars-1"} {
		if err := cloud.ValidateRegion(r); err == nil {
			t.Errorf("region %q accepted", r)
		}
	}
	for _, a := range []string{"123456789012", "000000000000"} {
		if err := cloud.ValidateAccountID(a); err != nil {
			t.Errorf("account %s refused: %v", a, err)
		}
	}
	for _, a := range []string{"", "12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢"} {
		if err := cloud.ValidateAccountID(a); err == nil {
			t.Errorf("account %q accepted", a)
		}
	}
}

func TestValidateTags(t *testing.T) {
	many := map[string]string{}
	for i := range 51 {
		many[strings.Repeat("k", i+1)] = "v"
	}
	cases := []struct {
		name string
		tags map[string]string
		ok   bool
	}{
		{"none", nil, true},
		{"plain", map[string]string{"Name": "main", "empty": ""}, true},
		{"too many", many, false},
		{"empty key", map[string]string{"": "v"}, false},
		{"reserved prefix", map[string]string{"aws:cloudformation": "v"}, false},
		{"long key", map[string]string{strings.Repeat("k", 129): "v"}, false},
		{"long value", map[string]string{"k": strings.Repeat("v", 257)}, false},
		{"invalid utf-8", map[string]string{"k": "\xff"}, false},
		{"unicode ok", map[string]string{"名前": "値"}, true},
	}
	for _, tc := range cases {
		err := cloud.ValidateTags(tc.tags, "tags")
		if (err == nil) != tc.ok {
			t.Errorf("%s: ValidateTags = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil && asCloudError(t, err).Field != "tags" {
			t.Errorf("%s: error does not name tags", tc.name)
		}
	}
}

func TestARNPartitions(t *testing.T) {
	cases := map[string]string{
		"us-east-1":     "arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1",
		"cn-north-1":    "arn:aws-cn:ec2:cn-north-1:123456789012:vpc/vpc-1",
		"us-gov-west-1": "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:vpc/vpc-1",
	}
	for region, want := range cases {
		got := cloud.Scope{AccountID: "123456789012", Region: region}.ARN(cloud.KindVPC, "vpc-1")
		if got != want {
			t.Errorf("ARN in %s = %s, want %s", region, got, want)
		}
	}
}
