package cloud

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzWildcardMatch compares the filter values' matcher, which reads user
// input, with a regular expression that means the same.
func FuzzWildcardMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"10.*", "10.0.0.0/16"}, {"*", ""}, {"", ""}, {"", "x"}, {"a*b*c", "abbbc"}, {"a*b*c", "abcb"}, {"?", "é"},
		{"*?", ""}, {"**a", "ba"}, {"prod-?", "prod-db"}, {"a*", "a"}, {"*a*a", "aaa"}, {"*ab", "aab"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, value string) {
		var b strings.Builder
		for _, r := range pattern {
			switch r {
			case '*':
				b.WriteString(".*")
			case '?':
				b.WriteString(".")
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		// (?s) so that . also matches a newline, as a wildcard does.
		want := regexp.MustCompile(`(?s)\A` + b.String() + `\z`).MatchString(value)
		if got := wildcardMatch(pattern, value); got != want {
			t.Fatalf("wildcardMatch(%q, %q) = %v, want %v", pattern, value, got, want)
		}
	})
}
