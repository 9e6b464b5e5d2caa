package cloud_test

import (
	"context"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// Keys made with ssh-keygen 9 (-t rsa -b 2048, -t ed25519, -t ecdsa), with
// the fingerprints recorded from the tools AWS's "Verify the fingerprint of
// your key pair" names: for the RSA key,
//
//	ssh-keygen -e -m PKCS8 -f rsa.pub | openssl pkey -pubin -outform DER | openssl md5 -c
//
// (OpenSSL 3.0), and for the ED25519 key, ssh-keygen -l -f ed.pub, which
// prints the base64 SHA-256 digest without its = padding.
const (
	testRSAPublicKey   = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDnu62I+Ii63LSPIAnG1M5OUi1xpgDPZq2DQWtJMF754rz599efUK2nmrh8QAZnfhs+58EXJ56jwBg9/wUaznIFPpT5BXv2WIcGtD+RIawqGFA8mY/V/GP2wctnuod2O0JmFPfgWhREyvsjMEqQYxCdSV3OlIRiHhDPvwMsA6ZQMwdlqjXP6GelykK2ebaTastBCE3122+HpwGTpjhFUPCrhMrxZ5xMxOidf62oEwTHUUb3DhjNuOazf7B8TBUsKwRicm+9oDTyuCWzwtQe3B9/fxhon3DvyJEFf7tMLQ3W3jCeiBaa9h+6lvQNm4zfbc0xOF6kfcP67yIuYewiWjVl test@simcloud"
	testRSAFingerprint = "3b:70:d9:12:24:2f:a6:1a:c2:99:8e:11:65:a1:76:e2"
	// ssh-keygen -l -E md5 prints 3e:76:ed:14:02:f8:b4:9c:00:70:47:59:01:be:d7:6f
	// for the same key: not what EC2 shows for an imported key.
	testRSASSHMD5          = "3e:76:ed:14:02:f8:b4:9c:00:70:47:59:01:be:d7:6f"
	testED25519PublicKey   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"
	testED25519Fingerprint = "OPROdUHnE0hEiMKoEOxA50mwgawQqqPpd333Tam7wgQ="
	testECDSAPublicKey     = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBLM87p3WaTJwTu9wIzua60N7CY25k6fNxAjnNld+QqmBXVow+4Ev669S6o7R/3iKnlj8PSBEiZYHKS0KP6SvBM= root@vm"
)

// TestPublicKeyFingerprints: EC2's type and fingerprint of imported keys,
// against the tools' output; keys EC2 does not import are refused.
func TestPublicKeyFingerprints(t *testing.T) {
	for _, tc := range []struct {
		key, keyType, fingerprint string
	}{
		{testRSAPublicKey, cloud.KeyTypeRSA, testRSAFingerprint},
		{"\n  " + testRSAPublicKey + "\n", cloud.KeyTypeRSA, testRSAFingerprint},
		{testED25519PublicKey, cloud.KeyTypeED25519, testED25519Fingerprint},
	} {
		got, err := cloud.ParsePublicKey(tc.key)
		if err != nil || got.KeyType != tc.keyType || got.Fingerprint != tc.fingerprint {
			t.Errorf("%.20s: %+v, %v; want %s %s", tc.key, got, err, tc.keyType, tc.fingerprint)
		}
		if got.Fingerprint == testRSASSHMD5 {
			t.Error("the RSA fingerprint is ssh-keygen's MD5 of the SSH encoding, not EC2's of the DER key")
		}
	}
	for _, bad := range []string{"", "ssh-rsa", "ssh-rsa AAAAnotbase64!", testECDSAPublicKey, testRSAPublicKey + "\n" + testED25519PublicKey,
		"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----"} {
		if _, err := cloud.ParsePublicKey(bad); cloud.ErrorCode(err) != "InvalidKey.Format" {
			t.Errorf("%q: %v, want InvalidKey.Format", bad, err)
		}
	}
}

// TestKeyPairNames: a name is unique in an account and region (at plan,
// against the cloud and the other claims of the plan, and at apply), at
// most 255 ASCII characters; a pair is found and deleted by name.
func TestKeyPairNames(t *testing.T) {
	ctx := context.Background()
	c := freshClient(t)
	k := must(c.ImportKeyPair(ctx, cloud.KeyPairInput{Name: "deployer", PublicKey: testED25519PublicKey + "\n", Tags: map[string]string{"Name": "deployer"}}))(t)
	if k.PublicKey != testED25519PublicKey || k.KeyType != cloud.KeyTypeED25519 || k.ARN() != "arn:aws:ec2:us-east-1:123456789012:key-pair/deployer" {
		t.Errorf("imported %+v (%s)", k, k.ARN())
	}
	if err := cloud.ValidateID(cloud.KindKeyPair, k.ID, "key_pair_id"); err != nil {
		t.Errorf("key pair ID %s: %v", k.ID, err)
	}
	if _, err := c.ImportKeyPair(ctx, cloud.KeyPairInput{Name: "deployer", PublicKey: testRSAPublicKey}); cloud.ErrorCode(err) != "InvalidKeyPair.Duplicate" {
		t.Errorf("a second deployer at apply: %v", err)
	}
	p := cloud.NewPlan()
	if err := c.CheckKeyPair(ctx, p, p.NewHolder(), cloud.KeyPairInput{Name: "deployer", PublicKey: testRSAPublicKey}, ""); cloud.ErrorCode(err) != "InvalidKeyPair.Duplicate" {
		t.Errorf("a second deployer at plan: %v", err)
	}
	if err := c.CheckKeyPair(ctx, p, cloud.ExistingHolder("deployer"), cloud.KeyPairInput{Name: "deployer", PublicKey: testED25519PublicKey}, k.ID); err != nil {
		t.Errorf("the pair itself at plan: %v", err)
	}
	if err := c.CheckKeyPair(ctx, p, p.NewHolder(), cloud.KeyPairInput{Name: "ci", PublicKey: testRSAPublicKey}, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckKeyPair(ctx, p, p.NewHolder(), cloud.KeyPairInput{Name: "ci", PublicKey: testED25519PublicKey}, ""); cloud.ErrorCode(err) != "InvalidKeyPair.Duplicate" {
		t.Errorf("two pairs named ci in one plan: %v", err)
	}
	for _, name := range []string{string(make([]byte, 256)), "clé", ""} {
		if err := c.CheckKeyPair(ctx, p, p.NewHolder(), cloud.KeyPairInput{Name: name, PublicKey: testRSAPublicKey}, ""); cloud.ErrorCode(err) != "InvalidParameterValue" {
			t.Errorf("name %.10q: %v", name, err)
		}
	}
	if got := must(c.KeyPairByName(ctx, "deployer"))(t); got.ID != k.ID || got.Tags["Name"] != "deployer" {
		t.Errorf("by name: %+v", got)
	}
	must(0, c.DeleteKeyPairByName(ctx, "deployer"))(t)
	if _, err := c.KeyPairByName(ctx, "deployer"); cloud.ErrorCode(err) != "InvalidKeyPair.NotFound" {
		t.Errorf("the deleted pair: %v", err)
	}
}
