package cloud

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// PolicyDocument is an IAM policy document as the AWS provider's
// aws_iam_policy_document builds one, so that the JSON it writes is the
// AWS provider's to the byte: statements merged from source documents, the
// configuration and override documents; lists of one value written as the
// value; actions, resources and principals in reverse order.
type PolicyDocument struct {
	Version    string             `json:",omitempty"`
	ID         string             `json:"Id,omitempty"`
	Statements []*PolicyStatement `json:"Statement,omitempty"`
}

// PolicyStatement is one statement. Actions and the other lists hold a
// string or a []string as configured, or what a source document held.
type PolicyStatement struct {
	Sid           string           `json:",omitempty"`
	Effect        string           `json:",omitempty"`
	Actions       any              `json:"Action,omitempty"`
	NotActions    any              `json:"NotAction,omitempty"`
	Resources     any              `json:"Resource,omitempty"`
	NotResources  any              `json:"NotResource,omitempty"`
	Principals    PolicyPrincipals `json:"Principal,omitempty"`
	NotPrincipals PolicyPrincipals `json:"NotPrincipal,omitempty"`
	Conditions    PolicyConditions `json:"Condition,omitempty"`
}

// PolicyPrincipal is a principals block: a type and its identifiers (a
// string or a []string).
type PolicyPrincipal struct {
	Type        string
	Identifiers any
}

// PolicyPrincipals are a statement's principals, written as IAM's map of
// type to identifiers.
type PolicyPrincipals []PolicyPrincipal

// PolicyCondition is a condition block: test, variable and values (a
// string or a []string).
type PolicyCondition struct {
	Test, Variable string
	Values         any
}

// PolicyConditions are a statement's conditions, written as IAM's map of
// test to variable to values.
type PolicyConditions []PolicyCondition

// PolicyDocumentVersions are the policy language versions.
var PolicyDocumentVersions = []string{"2008-10-17", "2012-10-17"}

// PolicyStrings is a configured set of strings as a statement holds it:
// one value alone, more in reverse order.
func PolicyStrings(values []string) any {
	if len(values) == 1 {
		return values[0]
	}
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	slices.Reverse(sorted)
	return sorted
}

// PolicyVariables writes the configuration's &{...} as the policy
// variable ${...}, which Terraform would otherwise interpolate; version
// 2008-10-17 has no variables.
func PolicyVariables(values []string, version string) ([]string, error) {
	out := make([]string, len(values))
	for i, v := range values {
		if version == "2008-10-17" && strings.Contains(v, "&{") {
			return nil, fmt.Errorf("found &{ sequence in (%s), which is not supported in document version 2008-10-17", v)
		}
		out[i] = strings.ReplaceAll(v, "&{", "${")
	}
	return out, nil
}

// Merge adds other's statements to d, one with the Sid of a statement of
// d replacing it; other's ID replaces d's, and its version wins when
// later.
func (d *PolicyDocument) Merge(other *PolicyDocument) {
	if other.ID != "" {
		d.ID = other.ID
	}
	if other.Version > d.Version {
		d.Version = other.Version
	}
	for _, s := range other.Statements {
		i := -1
		if s.Sid != "" {
			i = slices.IndexFunc(d.Statements, func(e *PolicyStatement) bool { return e.Sid == s.Sid })
		}
		if i < 0 {
			d.Statements = append(d.Statements, s)
			continue
		}
		d.Statements[i] = s
	}
}

// ParsePolicyDocument reads a source or override document.
func ParsePolicyDocument(doc string) (*PolicyDocument, error) {
	var d PolicyDocument
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// UnmarshalJSON takes a statement list or a single statement, as IAM
// does.
func (d *PolicyDocument) UnmarshalJSON(b []byte) error {
	var raw struct {
		Version   string
		ID        string `json:"Id"`
		Statement json.RawMessage
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	d.Version, d.ID = raw.Version, raw.ID
	if len(raw.Statement) == 0 {
		return nil
	}
	if raw.Statement[0] == '{' {
		var s PolicyStatement
		if err := json.Unmarshal(raw.Statement, &s); err != nil {
			return err
		}
		d.Statements = []*PolicyStatement{&s}
		return nil
	}
	return json.Unmarshal(raw.Statement, &d.Statements)
}

// JSON is the document as the AWS provider's json and minified_json
// write it.
func (d *PolicyDocument) JSON() (indented, minified string, err error) {
	a, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return "", "", err
	}
	b, err := json.Marshal(d)
	return string(a), string(b), err
}

// PolicyDocumentID is the data source's ID: the CRC-32 of its JSON.
func PolicyDocumentID(indented string) string {
	return strconv.FormatUint(uint64(crc32String(indented)), 10)
}

func (ps PolicyPrincipals) MarshalJSON() ([]byte, error) {
	// {"*": "*"} alone is written "*"; {"AWS": "*"} is not, as IAM tells
	// them apart in trust policies.
	if len(ps) == 1 && ps[0].Type == "*" {
		if s, ok := ps[0].Identifiers.(string); ok && s == "*" {
			return []byte(`"*"`), nil
		}
		if l, ok := ps[0].Identifiers.([]string); ok && len(l) == 1 && l[0] == "*" {
			return []byte(`"*"`), nil
		}
	}
	raw := map[string]any{}
	for _, p := range ps {
		var ids []string
		switch v := p.Identifiers.(type) {
		case string:
			ids = []string{v}
		case []string:
			ids = slices.Clone(v)
			slices.Sort(ids)
			slices.Reverse(ids)
		default:
			return nil, fmt.Errorf("unsupported identifiers %T", v)
		}
		switch prev := raw[p.Type].(type) {
		case nil:
			if s, single := p.Identifiers.(string); single {
				raw[p.Type] = s
			} else {
				raw[p.Type] = ids
			}
		case string:
			raw[p.Type] = append([]string{prev}, ids...)
		case []string:
			raw[p.Type] = append(prev, ids...)
		}
	}
	return json.Marshal(raw)
}

func (ps *PolicyPrincipals) UnmarshalJSON(b []byte) error {
	var data any
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	switch v := data.(type) {
	case string:
		*ps = PolicyPrincipals{{Type: "*", Identifiers: []string{"*"}}}
	case map[string]any:
		var out PolicyPrincipals
		for _, typ := range sortedKeys(v) {
			switch ids := v[typ].(type) {
			case string:
				out = append(out, PolicyPrincipal{Type: typ, Identifiers: ids})
			case []any:
				values, err := stringList(ids)
				if err != nil {
					return fmt.Errorf("principal type %q: %w", typ, err)
				}
				slices.Sort(values)
				out = append(out, PolicyPrincipal{Type: typ, Identifiers: values})
			default:
				return fmt.Errorf("unsupported principal identifiers %T", ids)
			}
		}
		*ps = out
	default:
		return fmt.Errorf("unsupported principal %T", v)
	}
	return nil
}

func (cs PolicyConditions) MarshalJSON() ([]byte, error) {
	raw := map[string]map[string]any{}
	for _, c := range cs {
		if raw[c.Test] == nil {
			raw[c.Test] = map[string]any{}
		}
		values, _ := raw[c.Test][c.Variable].([]string)
		switch v := c.Values.(type) {
		case []string:
			// A condition's values keep their order.
			values = append(values, v...)
		case string:
			values = append(values, v)
		default:
			return nil, fmt.Errorf("unsupported condition values %T", v)
		}
		raw[c.Test][c.Variable] = values
	}
	for _, vars := range raw {
		for name, v := range vars {
			if l, ok := v.([]string); ok && len(l) == 1 {
				vars[name] = l[0]
			}
		}
	}
	return json.Marshal(raw)
}

func (cs *PolicyConditions) UnmarshalJSON(b []byte) error {
	var data map[string]map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	var out PolicyConditions
	for _, test := range sortedKeys(data) {
		for _, variable := range sortedKeys(data[test]) {
			switch v := data[test][variable].(type) {
			case string:
				out = append(out, PolicyCondition{Test: test, Variable: variable, Values: []string{v}})
			case bool:
				out = append(out, PolicyCondition{Test: test, Variable: variable, Values: strconv.FormatBool(v)})
			case []any:
				values, err := stringList(v)
				if err != nil {
					return fmt.Errorf("condition %s %s: %w", test, variable, err)
				}
				out = append(out, PolicyCondition{Test: test, Variable: variable, Values: values})
			}
		}
	}
	*cs = out
	return nil
}

func stringList(items []any) ([]string, error) {
	return asEach[string](items, func(i int, item any) error { return fmt.Errorf("element %d is a %T, not a string", i, item) })
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var policySidChars = regexp.MustCompile(`^[a-zA-Z0-9]*$`)

func policyDocumentInvalid(field, message, fix string) *Error {
	return &Error{Code: "MalformedPolicyDocument", Message: message, Fix: fix, Field: field}
}

// ValidatePolicyVersion checks a document's policy language version.
func ValidatePolicyVersion(version string) error {
	if !slices.Contains(PolicyDocumentVersions, version) {
		return policyDocumentInvalid("version", fmt.Sprintf("The policy language version %s is not supported.", printable(version)),
			"Use 2012-10-17, the current version, or 2008-10-17.")
	}
	return nil
}

// ValidatePolicyEffect checks a statement's effect.
func ValidatePolicyEffect(effect string) error {
	if effect != "Allow" && effect != "Deny" {
		return policyDocumentInvalid("effect", fmt.Sprintf("Invalid effect: %s", printable(effect)), "Use Allow or Deny.")
	}
	return nil
}

// ValidatePolicySid checks a statement's Sid: letters and digits only.
func ValidatePolicySid(sid string) error {
	if !policySidChars.MatchString(sid) {
		return policyDocumentInvalid("sid", fmt.Sprintf("Statement IDs (SID) must be alpha-numeric: %s", printable(sid)),
			"must only include alphanumeric characters: drop the others.")
	}
	return nil
}
