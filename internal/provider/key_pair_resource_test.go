package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

const keyPairAddress = "simcloud_key_pair.test"

// Keys made with ssh-keygen, and EC2's fingerprints of them as imported
// keys, recorded from openssl (RSA: the MD5 of the DER public key) and
// ssh-keygen -l (ED25519: the SHA-256, here with base64's padding).
const (
	rsaPublicKey       = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDnu62I+Ii63LSPIAnG1M5OUi1xpgDPZq2DQWtJMF754rz599efUK2nmrh8QAZnfhs+58EXJ56jwBg9/wUaznIFPpT5BXv2WIcGtD+RIawqGFA8mY/V/GP2wctnuod2O0JmFPfgWhREyvsjMEqQYxCdSV3OlIRiHhDPvwMsA6ZQMwdlqjXP6GelykK2ebaTastBCE3122+HpwGTpjhFUPCrhMrxZ5xMxOidf62oEwTHUUb3DhjNuOazf7B8TBUsKwRicm+9oDTyuCWzwtQe3B9/fxhon3DvyJEFf7tMLQ3W3jCeiBaa9h+6lvQNm4zfbc0xOF6kfcP67yIuYewiWjVl test@simcloud"
	rsaFingerprint     = "3b:70:d9:12:24:2f:a6:1a:c2:99:8e:11:65:a1:76:e2"
	ed25519PublicKey   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGwTrxJRW6lp7CXueaqmMn3IoairrTE0zBTairrCAr+ test@simcloud"
	ed25519Fingerprint = "OPROdUHnE0hEiMKoEOxA50mwgawQqqPpd333Tam7wgQ="
	ecdsaPublicKey     = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBLM87p3WaTJwTu9wIzua60N7CY25k6fNxAjnNld+QqmBXVow+4Ev669S6o7R/3iKnlj8PSBEiZYHKS0KP6SvBM= root@vm"
)

func tfKeyPair(name, key string, arguments ...string) string {
	return tfResource("key_pair", name, append([]string{`public_key = "` + key + `"`}, arguments...)...)
}

// TestAccKeyPair_lifecycle: a key pair is imported under its name, which
// is its id, with EC2's ID, type and fingerprint; a trailing newline is no
// change; tags change in place; it is imported by name; deleted out of
// band, it is planned again; AWS's refusals fail at plan.
func TestAccKeyPair_lifecycle(t *testing.T) {
	c := newTestCloud(t)
	taken := planFails(c.config(tfKeyPair("test", ed25519PublicKey, `key_name = "deployer"`)+tfKeyPair("taken", rsaPublicKey, `key_name = "taken"`)),
		"InvalidKeyPair.Duplicate", "The keypair 'taken' already exists", "Objects involved: key-")
	taken.PreConfig = func() { c.importTakenKey(t) }
	config := c.config(tfKeyPair("test", rsaPublicKey, `key_name = "deployer"`))
	tagged := c.config(tfKeyPair("test", rsaPublicKey, `key_name = "deployer"`, `tags = { Name = "deployer" }`))
	unitTest(t,
		createStep(config, keyPairAddress, `^deployer$`,
			attrIs(keyPairAddress, "key_pair_id", matching(`^key-[0-9a-f]{17}$`)),
			attrIs(keyPairAddress, "arn", knownvalue.StringExact("arn:aws:ec2:us-east-1:123456789012:key-pair/deployer")),
			attrIs(keyPairAddress, "fingerprint", knownvalue.StringExact(rsaFingerprint)),
			attrIs(keyPairAddress, "key_type", knownvalue.StringExact("rsa")),
			attrIs(keyPairAddress, "key_name_prefix", knownvalue.StringExact("")),
		),
		resource.TestStep{Config: c.config(tfKeyPair("test", rsaPublicKey+`\n`, `key_name = "deployer"`)), ConfigPlanChecks: expectEmptyPlan},
		importStep(keyPairAddress),
		renameStep(t, tagged, keyPairAddress, "deployer", func() map[string]string {
			return c.keyPair(t, "deployer").Tags
		}),
		c.deletedStep(t, func() string { return c.keyPair(t, "deployer").ID }, tagged, keyPairAddress),
		actionStep(c.config(tfKeyPair("test", ed25519PublicKey, `key_name = "deployer"`)), keyPairAddress, actionReplace),
		importFails(keyPairAddress, "missing", "InvalidKeyPair.NotFound", "The key pair 'missing' does not exist"),
		planFails(c.config(tfKeyPair("test", ed25519PublicKey, `key_name = "deployer"`)+tfKeyPair("again", rsaPublicKey, `key_name = "deployer"`)),
			"InvalidKeyPair.Duplicate", "The keypair 'deployer' already exists"),
		taken,
		planFails(c.config(tfKeyPair("test", ecdsaPublicKey, `key_name = "deployer"`)), "public_key", "InvalidKey.Format", "ecdsa-sha2-nistp256 is not supported"),
		planFails(c.config(tfKeyPair("test", "ssh-rsa not-a-key", `key_name = "deployer"`)), "public_key", "InvalidKey.Format"),
		planFails(c.config(tfKeyPair("test", rsaPublicKey, `key_name = "`+strings.Repeat("k", 256)+`"`)), "key_name", "InvalidParameterValue", "255 ASCII"),
		planFails(c.config(tfKeyPair("test", rsaPublicKey, `key_name = ""`)), "key_name", "must not be empty"),
		planFails(c.config(tfKeyPair("test", rsaPublicKey, `key_name = "deployer"`, `key_name_prefix = "ci-"`)), "InvalidParameterCombination", "key_name_prefix"),
		// The last configuration is the one destroyed.
		resource.TestStep{Config: c.config(tfKeyPair("test", ed25519PublicKey, `key_name = "deployer"`)), ConfigPlanChecks: expectEmptyPlan},
	)
}

// keyPair reads the key pair of that name from the cloud.
func (c *testCloud) keyPair(t *testing.T, name string) cloud.KeyPair {
	t.Helper()
	k, err := c.client.KeyPairByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// importTakenKey imports a key pair named taken, as another configuration
// would.
func (c *testCloud) importTakenKey(t *testing.T) {
	t.Helper()
	if _, err := c.client.ImportKeyPair(context.Background(), cloud.KeyPairInput{Name: "taken", PublicKey: ed25519PublicKey}); err != nil {
		t.Fatal(err)
	}
}

// TestAccKeyPair_prefix: without key_name, the name is made of
// key_name_prefix and a unique suffix, and an ED25519 key gets EC2's
// SHA-256 fingerprint; the data source finds the pair by name, ID and
// filter, and refuses a name no pair has.
func TestAccKeyPair_prefix(t *testing.T) {
	c := newTestCloud(t)
	pair := tfKeyPair("test", ed25519PublicKey, `key_name_prefix = "ci-"`, `tags = { Team = "ci" }`)
	unitTest(t,
		createStep(c.config(pair), keyPairAddress, `^ci-[0-9]{16}[0-9a-f]{10}$`,
			attrIs(keyPairAddress, "key_name_prefix", knownvalue.StringExact("ci-")),
			attrIs(keyPairAddress, "fingerprint", knownvalue.StringExact(ed25519Fingerprint)),
			attrIs(keyPairAddress, "key_type", knownvalue.StringExact("ed25519")),
		),
		resource.TestStep{Config: c.config(pair + `
data "simcloud_key_pair" "by_name" {
  key_name           = simcloud_key_pair.test.key_name
  include_public_key = true
}
data "simcloud_key_pair" "by_id" { key_pair_id = simcloud_key_pair.test.key_pair_id }
data "simcloud_key_pair" "by_filter" {
  filter {
    name   = "fingerprint"
    values = [simcloud_key_pair.test.fingerprint]
  }
  tags = { Team = "ci" }
}
`), ConfigStateChecks: []statecheck.StateCheck{
			sameValue("data.simcloud_key_pair.by_name", "id", keyPairAddress, "key_pair_id"),
			sameValue("data.simcloud_key_pair.by_name", "arn", keyPairAddress, "arn"),
			attrIs("data.simcloud_key_pair.by_name", "public_key", knownvalue.StringExact(ed25519PublicKey)),
			attrIs("data.simcloud_key_pair.by_id", "public_key", knownvalue.StringExact("")),
			sameValue("data.simcloud_key_pair.by_id", "key_name", keyPairAddress, "key_name"),
			sameValue("data.simcloud_key_pair.by_filter", "key_name", keyPairAddress, "key_name"),
			attrIs("data.simcloud_key_pair.by_filter", "tags", knownvalue.MapExact(map[string]knownvalue.Check{"Team": knownvalue.StringExact("ci")})),
		}},
		resource.TestStep{Config: c.config(pair + `data "simcloud_key_pair" "missing" { key_name = "missing" }`),
			ExpectError: expectError("InvalidKeyPair.NotFound", "The key pair 'missing' does not exist")},
	)
}
