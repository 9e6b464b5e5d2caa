package cloud

import (
	"context"
	"crypto/md5" //nolint:gosec // AWS's fingerprint of an imported RSA key is an MD5 digest.
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"
)

// KeyPair is an EC2 key pair imported from the user's public key, as
// ImportKeyPair makes it (aws_key_pair never has EC2 make the key). Its
// name is unique in the account and region, and is what Terraform calls
// its id; ID is EC2's key-... ID, which its tags hang on.
type KeyPair struct {
	ID, OwnerID, Region string
	Name                string
	// KeyType is rsa or ed25519; Fingerprint is as EC2 computes it for an
	// imported key (see KeyFingerprint).
	KeyType, Fingerprint string
	// PublicKey is the key as given, without surrounding space.
	PublicKey  string
	CreateTime string
	Tags       map[string]string
}

// KeyPairInput is a key pair as ImportKeyPair takes it.
type KeyPairInput struct {
	Name, PublicKey string
	Tags            map[string]string
}

// KeyPairFilter selects key pairs; empty fields match all.
type KeyPairFilter struct {
	ID, Name string
	Tags     map[string]string
}

// KindKeyPair is an EC2 key pair.
var KindKeyPair = ec2Kind("key", "keyPair", "key pair", "key-pair", "InvalidKeyPair").
	missingWith("The key pair '%s' does not exist",
		"Check the name or ID, or import the key first (simcloud_key_pair); key pairs are only found in their own account and region.")

func (KeyPair) StoredKind() Kind         { return KindKeyPair }
func (KeyPairFilter) FilteredKind() Kind { return KindKeyPair }

// ARN is the key pair's ARN, which AWS makes of its name, not its ID.
func (k KeyPair) ARN() string {
	return fmt.Sprintf("arn:%s:ec2:%s:%s:key-pair/%s", partition(k.Region), k.Region, k.OwnerID, k.Name)
}

// The key types EC2 imports.
const (
	KeyTypeRSA     = "rsa"
	KeyTypeED25519 = "ed25519"
)

// MaxKeyNameLength is AWS's limit on a key pair's name, in ASCII
// characters.
const MaxKeyNameLength = 255

// ClaimKeyPairName is a plan's claim on a key pair's name, unique in an
// account and region.
const ClaimKeyPairName ClaimKind = "key-pair-name"

// ValidateKeyName checks a key pair's name: 1 to 255 ASCII characters.
func ValidateKeyName(name string) error {
	if name == "" {
		return invalidParameter("key_name", "Value () for parameter KeyName is invalid. The key name must not be empty.",
			"Give a name, or leave key_name out to have one made (from key_name_prefix if given).")
	}
	return validateKeyNameChars(name, "key_name", MaxKeyNameLength)
}

// ValidateKeyNamePrefix checks a prefix of a key pair's name, which leaves
// room for the 26-character unique suffix the provider adds.
func ValidateKeyNamePrefix(prefix string) error {
	return validateKeyNameChars(prefix, "key_name_prefix", MaxKeyNamePrefixLength)
}

// MaxKeyNamePrefixLength is the longest key_name_prefix, as the AWS
// provider allows it.
const MaxKeyNamePrefixLength = MaxKeyNameLength - 26

func validateKeyNameChars(name, field string, maxLength int) error {
	if len(name) > maxLength || strings.ContainsFunc(name, func(r rune) bool { return r > 0x7f }) {
		return invalidParameter(field, fmt.Sprintf("Value (%s) for parameter KeyName is invalid. Up to %d ASCII characters are allowed.", printable(name), maxLength),
			fmt.Sprintf("Give a name of at most %d ASCII characters.", maxLength))
	}
	return nil
}

// CheckKeyNameArguments refuses key_name and key_name_prefix together;
// set holds those of the two that are configured (a value unknown at
// validate may still turn out null).
func CheckKeyNameArguments(set map[string]string) error {
	name, hasName := set["key_name"]
	prefix, hasPrefix := set["key_name_prefix"]
	if !hasName || !hasPrefix || !IsKnown(name) || !IsKnown(prefix) {
		return nil
	}
	return &Error{Code: "InvalidParameterCombination", Message: "Only one of key_name or key_name_prefix may be specified",
		Fix: "Give the name with key_name, or let the provider make one from key_name_prefix, not both.", Field: "key_name_prefix"}
}

// ParsedPublicKey is what EC2 reads of an imported public key.
type ParsedPublicKey struct {
	KeyType, Fingerprint string
}

// ParsePublicKey reads a public key in OpenSSH's format ("ssh-rsa AAAA...
// comment", as in an authorized_keys line or a .pub file) and works out
// its type and fingerprint. EC2 imports RSA and ED25519 keys only: an
// ECDSA key parses but is refused, as ImportKeyPair refuses it.
func ParsePublicKey(text string) (ParsedPublicKey, error) {
	key, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(strings.TrimSpace(text)))
	if err != nil || len(strings.TrimSpace(string(rest))) > 0 {
		return ParsedPublicKey{}, badKeyFormat("Key is not in valid OpenSSH public key format",
			"Give one public key as a .pub file holds it: its type (ssh-rsa or ssh-ed25519), the key in base64 and an optional comment, such as file(\"~/.ssh/id_ed25519.pub\").")
	}
	switch key.Type() {
	case ssh.KeyAlgoRSA:
		crypto, ok := key.(ssh.CryptoPublicKey)
		if !ok {
			return ParsedPublicKey{}, badKeyFormat("Key is not in valid OpenSSH public key format", "Give an RSA or ED25519 public key.")
		}
		der, err := x509.MarshalPKIXPublicKey(crypto.CryptoPublicKey())
		if err != nil {
			return ParsedPublicKey{}, badKeyFormat("Key is not in valid OpenSSH public key format", "Give an RSA or ED25519 public key.")
		}
		return ParsedPublicKey{KeyType: KeyTypeRSA, Fingerprint: rsaFingerprint(der)}, nil
	case ssh.KeyAlgoED25519:
		sum := sha256.Sum256(key.Marshal())
		return ParsedPublicKey{KeyType: KeyTypeED25519, Fingerprint: base64.StdEncoding.EncodeToString(sum[:])}, nil
	}
	return ParsedPublicKey{}, badKeyFormat(fmt.Sprintf("Key type %s is not supported: EC2 imports RSA and ED25519 keys.", key.Type()),
		"Make an RSA or ED25519 key (ssh-keygen -t ed25519) and give its public key.")
}

// rsaFingerprint is EC2's fingerprint of an imported RSA key: the MD5
// digest of the DER-encoded public key (SubjectPublicKeyInfo), in
// colon-separated hexadecimal, as AWS's "Verify the fingerprint of your
// key pair" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html)
// has it computed with `openssl pkey -pubout -outform DER | openssl md5 -c`.
// It is not the MD5 fingerprint that ssh-keygen -E md5 prints, which
// digests the key's SSH encoding instead. An ED25519 key's is the
// base64-encoded SHA-256 digest of the key's SSH encoding, with its
// padding: ssh-keygen -l prints the same digest without the trailing =.
func rsaFingerprint(der []byte) string {
	sum := md5.Sum(der) //nolint:gosec // a fingerprint, not a protection
	digits := hex.EncodeToString(sum[:])
	pairs := make([]string, 0, len(sum))
	for i := 0; i < len(digits); i += 2 {
		pairs = append(pairs, digits[i:i+2])
	}
	return strings.Join(pairs, ":")
}

func badKeyFormat(message, fix string) *Error {
	return &Error{Code: "InvalidKey.Format", Message: message, Fix: fix, Field: "public_key"}
}

// rule checks a key pair to be imported: its name, its key, its tags, and
// that no other key pair of the account and region, stored or planned, has
// its name (selfID is the pair itself, "" for a new one).
func (c *Client) keyPairRule(in KeyPairInput, selfID string) Rule {
	return func(v View) error {
		if IsKnown(in.Name) {
			if err := ValidateKeyName(in.Name); err != nil {
				return err
			}
		}
		if IsKnown(in.PublicKey) {
			if _, err := ParsePublicKey(in.PublicKey); err != nil {
				return err
			}
		}
		if err := tagsRule(in.Tags)(v); err != nil {
			return err
		}
		if !IsKnown(in.Name) {
			return nil
		}
		duplicate := func(holder string) *Error {
			return &Error{Code: "InvalidKeyPair.Duplicate", Message: fmt.Sprintf("The keypair '%s' already exists.", printable(in.Name)),
				Fix:   fmt.Sprintf("Key pair names are unique in an account and region, and %s has %s: choose another key_name, use key_name_prefix, or import the key pair.", holder, in.Name),
				Field: "key_name", Objects: []string{holder}}
		}
		other, found, err := first[KeyPair](v, c.scope, KeyPairFilter{Name: in.Name})
		if err != nil {
			return err
		}
		if found && other.ID != selfID {
			e := duplicate(other.ID)
			e.Obstacle = other.ID
			return e
		}
		for _, cl := range v.Claimed(ClaimKeyPairName, c.scope.AccountID+"/"+c.scope.Region) {
			if cl.Value == in.Name {
				return duplicate(cl.Who())
			}
		}
		return nil
	}
}

// CheckKeyPair runs at plan time the rules that importing a key pair (or
// changing the tags of selfID) will meet at apply.
func (c *Client) CheckKeyPair(ctx context.Context, p *Plan, holder Holder, in KeyPairInput, selfID string) error {
	return c.Check(ctx, p, holder, c.keyPairRule(in, selfID), nameClaim(ClaimKeyPairName, c.scope.AccountID+"/"+c.scope.Region, in.Name)...)
}

// ImportKeyPair imports a public key as a key pair.
func (c *Client) ImportKeyPair(ctx context.Context, in KeyPairInput) (KeyPair, error) {
	in.PublicKey = strings.TrimSpace(in.PublicKey)
	parsed, err := ParsePublicKey(in.PublicKey)
	if err != nil {
		return KeyPair{}, err
	}
	k := KeyPair{ID: newID(KindKeyPair), OwnerID: c.scope.AccountID, Region: c.scope.Region, Name: in.Name,
		KeyType: parsed.KeyType, Fingerprint: parsed.Fingerprint, PublicKey: in.PublicKey, CreateTime: now(), Tags: in.Tags}
	return createTagged(c, ctx, "ImportKeyPair", map[string]string{"key_name": in.Name}, c.keyPairRule(in, ""), k, k.ID, in.Tags)
}

// KeyPairByName reads a key pair by its name, as DescribeKeyPairs with
// KeyNames does.
func (c *Client) KeyPairByName(ctx context.Context, name string) (KeyPair, error) {
	return readResult(ctx, c, "DescribeKeyPairs", map[string]string{"key_name": name}, func(tx ReadTx) (KeyPair, error) {
		return c.findKeyPairByName(tx, name)
	})
}

func (c *Client) findKeyPairByName(tx ReadTx, name string) (KeyPair, error) {
	k, ok, err := first[KeyPair](tx, c.scope, KeyPairFilter{Name: name})
	if err != nil || ok {
		return k, err
	}
	return k, notFound(KindKeyPair, printable(name), "key_name")
}

// DeleteKeyPairByName deletes the key pair of that name, as DeleteKeyPair
// with KeyName does.
func (c *Client) DeleteKeyPairByName(ctx context.Context, name string) error {
	return c.write(ctx, "DeleteKeyPair", map[string]string{"key_name": name}, func(tx Tx) error {
		k, err := c.findKeyPairByName(tx, name)
		if err != nil {
			return err
		}
		return tx.Delete(KindKeyPair, k.ID)
	})
}

// CheckKeyPairFilterName refuses a filter name DescribeKeyPairs does not
// take or the simulated cloud cannot answer.
func CheckKeyPairFilterName(name string) error { return keyPairFilters.checkName(name) }

func (KeyPair) describeFilters() filterSet[KeyPair] { return keyPairFilters }

var keyPairFilters = filterSet[KeyPair]{
	op: "DescribeKeyPairs",
	fields: map[string]func(KeyPair) []string{
		"key-pair-id": func(k KeyPair) []string { return one(k.ID) },
		"key-name":    func(k KeyPair) []string { return one(k.Name) },
		"fingerprint": func(k KeyPair) []string { return one(k.Fingerprint) },
		"key-type":    func(k KeyPair) []string { return one(k.KeyType) },
	},
	tags: func(k KeyPair) map[string]string { return k.Tags },
}

func describeKeyPair(k KeyPair) Object { return Object{ID: k.ID, Tags: k.Tags, Value: k} }
