package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// exactlyOne returns the single object a data source's criteria matched, or
// explains why there is not exactly one.
func exactlyOne[T any](diags *diag.Diagnostics, noun string, found []T, id func(T) string) (T, bool) {
	var zero T
	switch len(found) {
	case 1:
		return found[0], true
	case 0:
		diags.AddError("No matching "+noun+" found",
			fmt.Sprintf("No %s in this account and region matches the given criteria. Check them, or create the %s first.", noun, noun))
		return zero, false
	default:
		ids := make([]string, 0, len(found))
		for _, f := range found {
			ids = append(ids, id(f))
		}
		plural := noun + "s"
		if strings.HasSuffix(noun, "s") {
			plural = noun + "es"
		}
		diags.AddError(fmt.Sprintf("%d %s match", len(found), plural),
			fmt.Sprintf("The criteria match %s. Add criteria, such as a tag or the id, so that exactly one %s matches.", strings.Join(ids, ", "), noun))
		return zero, false
	}
}
