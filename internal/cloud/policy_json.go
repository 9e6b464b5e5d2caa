package cloud

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// ValidatePolicy checks that doc is an IAM policy document as IAM parses
// one: a JSON object with a Statement. field names the argument that holds
// it.
func ValidatePolicy(doc, field string) error {
	v, err := decodePolicy(doc)
	if err == nil {
		obj, isObject := v.(map[string]any)
		if !isObject {
			err = errPolicyShape
		} else if _, ok := obj["Statement"]; !ok {
			err = errPolicyShape
		}
	}
	if err != nil {
		return &Error{
			Code:    "MalformedPolicyDocument",
			Message: "Syntax errors in policy.",
			Fix:     "Give a JSON object with a Statement, such as the json of a simcloud_iam_policy_document data source or jsonencode({ Version = \"2012-10-17\", Statement = [...] }).",
			Field:   field,
		}
	}
	return nil
}

var errPolicyShape = &Error{Code: "MalformedPolicyDocument"}

func decodePolicy(doc string) (any, error) {
	d := json.NewDecoder(strings.NewReader(doc))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errPolicyShape
	}
	return v, nil
}

// NormalizePolicy is the canonical form of a policy document, the same
// for documents that IAM reads alike: keys sorted, no spaces, a list of
// one value written as that value and lists of strings in order (IAM
// treats the Action, Resource and principal lists as sets). "" when doc is
// not JSON.
func NormalizePolicy(doc string) string {
	v, err := decodePolicy(doc)
	if err != nil {
		return ""
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(canonicalPolicyValue(v)); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func canonicalPolicyValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, item := range x {
			out[k] = canonicalPolicyValue(item)
		}
		return out
	case []any:
		if len(x) == 1 {
			return canonicalPolicyValue(x[0])
		}
		out := make([]any, len(x))
		strs := make([]string, 0, len(x))
		for i, item := range x {
			out[i] = canonicalPolicyValue(item)
			if s, ok := out[i].(string); ok {
				strs = append(strs, s)
			}
		}
		if len(strs) == len(x) {
			slices.Sort(strs)
			for i, s := range strs {
				out[i] = s
			}
		}
		return out
	default:
		return v
	}
}

// PoliciesEquivalent reports whether two policy documents say the same to
// IAM, so that a document written another way makes no change.
func PoliciesEquivalent(a, b string) bool {
	na := NormalizePolicy(a)
	return na != "" && na == NormalizePolicy(b)
}
