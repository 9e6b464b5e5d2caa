package cloud_test

import (
	"strings"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

func TestParseVPCCIDR(t *testing.T) {
	cases := []struct {
		in       string
		wantCode string
		wantFix  string
	}{
		{in: "10.0.0.0/16"},
		{in: "192.168.4.0/28"},
		{in: "172.31.128.0/17"},
		{in: "10.0.0.0/8", wantCode: "InvalidVpc.Range", wantFix: "10.0.0.0/16"},
		{in: "10.0.0.0/15", wantCode: "InvalidVpc.Range"},
		{in: "10.0.0.0/29", wantCode: "InvalidVpc.Range", wantFix: "10.0.0.0/28"},
		{in: "0.0.0.0/0", wantCode: "InvalidVpc.Range"},
		{in: "10.0.0.0/32", wantCode: "InvalidVpc.Range"},
		{in: "10.0.0.1/16", wantCode: "InvalidParameterValue", wantFix: "10.0.0.0/16"},
		{in: "10.0.0.0/33", wantCode: "InvalidParameterValue"},
		{in: "10.0.0.0", wantCode: "InvalidParameterValue"},
		{in: "010.0.0.0/16", wantCode: "InvalidParameterValue"},
		{in: "2001:db8::/56", wantCode: "InvalidParameterValue"},
		{in: "::ffff:10.0.0.0/112", wantCode: "InvalidParameterValue"},
		{in: "", wantCode: "InvalidParameterValue"},
		{in: "ten.zero/16", wantCode: "InvalidParameterValue"},
		{in: " 10.0.0.0/16", wantCode: "InvalidParameterValue"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			_, err := cloud.ParseVPCCIDR(tc.in)
			if got := cloud.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("ParseVPCCIDR(%q) code = %q, want %q (err %v)", tc.in, got, tc.wantCode, err)
			}
			if err == nil {
				return
			}
			ce := asCloudError(t, err)
			if ce.Field != "cidr_block" {
				t.Errorf("field = %q, want cidr_block", ce.Field)
			}
			if ce.Fix == "" || !strings.Contains(ce.Fix, tc.wantFix) {
				t.Errorf("fix %q does not suggest %q", ce.Fix, tc.wantFix)
			}
		})
	}
}

func TestParseVPCCIDRKeepsMessagesPrintable(t *testing.T) {
	hostile := "10.0.0.0/16\x00\n" + strings.Repeat("x", 100_000)
	_, err := cloud.ParseVPCCIDR(hostile)
	msg := err.Error()
	if strings.ContainsAny(msg, "\x00\n") || len(msg) > 500 {
		t.Fatalf("message not sanitised: %q", msg)
	}
}

// FuzzParseVPCCIDR checks that whatever a user writes, parsing never panics,
// and that every accepted block is a canonical IPv4 network of a size AWS
// allows.
func FuzzParseVPCCIDR(f *testing.F) {
	for _, seed := range []string{"10.0.0.0/16", "10.0.0.0/8", "10.0.0.1/24", "::/0", "", "1.2.3.4/28", "255.255.255.240/28", "10.0.0.0/016", "1.1.1.1/-1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := cloud.ParseVPCCIDR(s)
		if err != nil {
			if cloud.ErrorCode(err) == "" {
				t.Fatalf("error without an AWS code: %v", err)
			}
			return
		}
		if !p.Addr().Is4() || p.Bits() < 16 || p.Bits() > 28 || p.Masked() != p {
			t.Fatalf("accepted %q as %v", s, p)
		}
		if again, err := cloud.ParseVPCCIDR(p.String()); err != nil || again != p {
			t.Fatalf("canonical form %v does not parse back: %v", p, err)
		}
	})
}

func asCloudError(t *testing.T, err error) *cloud.Error {
	t.Helper()
	ce, ok := err.(*cloud.Error)
	if !ok {
		t.Fatalf("error %v (%T) is not a *cloud.Error", err, err)
	}
	return ce
}
