package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// linkEnd is one of the two objects a link joins: the argument that holds
// its ID, the kind of object that ID names, and the argument's description.
type linkEnd struct {
	attribute   string
	kind        cloud.Kind
	description string
}

// linkCheck is what a link's cloud check is given: the holder of its
// claims, the IDs of the two objects it is planned to join, and, for a link
// in state, its ID and the two it joins now ("" for a new link).
type linkCheck struct {
	holder              cloud.Holder
	first, second       string
	wasFirst, wasSecond string
	selfID              string
}

// objectLink describes a resource that links two objects, as an attachment
// or an association does: it is nothing but the link, so both arguments
// replace it, and the plan holds it by the two objects it joins, as
// checkPlanned holds an object, so that a link replaced within one plan does
// not refuse itself. resourceKind says what is the resource's own: the
// cloud's calls, the form of its ID, how it is imported.
type objectLink[M, O any] struct {
	resourceKind[M, O]
	description string
	// idDescription describes the ID; left out, it is the registry's for
	// the kind.
	idDescription string
	first, second linkEnd
	// ends is the model's two arguments, in the order of first and second.
	ends func(m *M) (first, second types.String)
	// checkLink runs the cloud's rules on the planned link.
	checkLink func(ctx context.Context, d *providerData, c linkCheck) error
}

// linkKind is the resourceKind of a link: the description's own, with the
// schema of its two arguments and the plan check that holds it.
func linkKind[M any, P modelOf[M], O any](l objectLink[M, O]) resourceKind[M, O] {
	k := l.resourceKind
	if k.typeName == "" {
		names, _ := cloud.Naming(k.kind)
		k.typeName = "_" + names.TypeName
	}
	k.schema = schema.Schema{
		MarkdownDescription: l.description,
		Attributes: map[string]schema.Attribute{
			l.first.attribute:  replacingReference(l.first.kind, l.first.description),
			l.second.attribute: replacingReference(l.second.kind, l.second.description),
		},
	}
	if l.idDescription != "" {
		k.schema.Attributes["id"] = computedID(l.idDescription)
	}
	typeName := "simcloud" + k.typeName
	k.check = func(ctx context.Context, d *providerData, p planStep[M]) error {
		first, second := l.ends(p.plan)
		c := linkCheck{first: plannedID(first, l.first.kind), second: plannedID(second, l.second.kind)}
		change := unchanged
		if p.state != nil {
			wasFirst, wasSecond := l.ends(p.state)
			c.wasFirst, c.wasSecond = wasFirst.ValueString(), wasSecond.ValueString()
			c.selfID = P(p.state).identity().ValueString()
			change = changeOf(c.first != c.wasFirst || c.second != c.wasSecond, true)
		}
		key := strings.Join([]string{typeName, c.first, c.second}, "|")
		description := fmt.Sprintf("the %s planned in this configuration for %s and %s", typeName, c.first, c.second)
		return d.checkPlanned(key, description, c.selfID, change, func(holder cloud.Holder, _ string) error {
			c.holder = holder
			return l.checkLink(ctx, d, c)
		})
	}
	return k
}

// unlessGone is err, or nil when the cloud's error code is one of codes,
// which say that what was to be undone is already gone.
func unlessGone(err error, codes ...string) error {
	if err != nil && slices.Contains(codes, cloud.ErrorCode(err)) {
		return nil
	}
	return err
}
