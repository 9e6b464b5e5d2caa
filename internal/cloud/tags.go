package cloud

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AWS's limits on tags.
const (
	maxTagsPerResource = 50
	maxTagKeyLength    = 128
	maxTagValueLength  = 256
)

// ValidateTags checks a set of tags against AWS's limits. field names the
// argument the tags came from.
func ValidateTags(tags map[string]string, field string) error {
	if len(tags) > maxTagsPerResource {
		return &Error{
			Code:    "TagLimitExceeded",
			Message: fmt.Sprintf("The maximum number of tags per resource is %d; %d were given.", maxTagsPerResource, len(tags)),
			Fix:     fmt.Sprintf("Keep at most %d tags on one object, default tags included.", maxTagsPerResource),
			Field:   field,
		}
	}
	for k, v := range tags {
		if err := validateTag(k, v); err != nil {
			err.Field = field
			return err
		}
	}
	return nil
}

func validateTag(k, v string) *Error {
	invalid := func(msg, fix string) *Error {
		return &Error{Code: "InvalidParameterValue", Message: msg, Fix: fix}
	}
	switch {
	case k == "" || utf8.RuneCountInString(k) > maxTagKeyLength || !utf8.ValidString(k):
		return invalid(fmt.Sprintf("Tag key %q must be between 1 and %d characters of valid UTF-8.", printable(k), maxTagKeyLength),
			"Shorten or correct the tag key.")
	case strings.HasPrefix(strings.ToLower(k), "aws:"):
		return invalid(fmt.Sprintf("Tag keys starting with 'aws:' are reserved for internal use; %q is not allowed.", printable(k)),
			"Choose a tag key that does not start with aws:.")
	case strings.ContainsFunc(k+v, unicode.IsControl):
		return invalid(fmt.Sprintf("Tag %q has control characters in its key or value.", printable(k)),
			"Remove the control characters (line breaks, tabs, escapes) from the tag.")
	case utf8.RuneCountInString(v) > maxTagValueLength || !utf8.ValidString(v):
		return invalid(fmt.Sprintf("The value of tag %q must be at most %d characters of valid UTF-8.", printable(k), maxTagValueLength),
			"Shorten or correct the tag value.")
	}
	return nil
}
