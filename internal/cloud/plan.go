package cloud

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// A Plan collects the claims that the resources of one terraform plan make on
// the cloud before any of them exists: "this subnet takes 10.0.9.0/24 in
// vpc-1", "this gateway attaches to vpc-1". Rules checked at plan time see
// the stored cloud plus these claims, so two resources of one plan that
// together break a rule fail at plan, not halfway through an apply.
//
// A Plan lives as long as one provider configuration, which Terraform makes
// anew for every walk; it must never outlive it, or claims of an earlier plan
// would be counted against a later one.
type Plan struct {
	mu     sync.Mutex
	claims []Claim
	next   int
	// replaced counts the replacements planned under each key.
	replaced map[string]int
	// described holds what each new object's holder was described as, so
	// that a refusal can say which resource of the configuration is in the
	// way of another.
	described map[Holder]string
	// removing holds the IDs of objects that this plan destroys (or, for an
	// attachment, undoes), so that a refusal caused by one of them can say
	// so: Terraform orders a destroy and an unrelated create arbitrarily.
	removing map[string]bool
}

// Unknown stands, in the input of a plan-time check, for a value that
// Terraform knows only after apply, such as the ID of an object the same
// apply creates. A rule skips exactly the parts of its check that need such
// a value and decides the rest from the values that are known: a VPC that
// already has an internet gateway refuses a second one whatever that
// gateway's ID will be. Inside an apply every value is known.
const Unknown = "(known after apply)"

// UnknownID stands for the ID of an object of kind that is known only after
// apply. It keeps the kind's prefix, so that a rule that depends on what
// kind of object is referred to (a route's target) still knows it.
func UnknownID(kind Kind) string { return kind.Prefix + "-" + Unknown }

// IsKnown reports whether a value of a check's input is known at plan, as
// opposed to Unknown or an UnknownID.
func IsKnown(s string) bool { return !strings.HasSuffix(s, Unknown) }

// Removing records that this plan destroys the objects with the given IDs.
func (p *Plan) Removing(ids ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.removing == nil {
		p.removing = map[string]bool{}
	}
	for _, id := range ids {
		p.removing[id] = true
	}
}

// NewPlan returns an empty plan.
func NewPlan() *Plan { return &Plan{} }

// ClaimKind says what a claim reserves.
type ClaimKind string

// Claim is one reservation a planned object makes.
type Claim struct {
	Kind ClaimKind
	// Scope is the object the claim is made on, such as a VPC ID.
	Scope string
	// Value is what is reserved there, such as a CIDR block; may be empty.
	Value string
	// Holder is the planned object that makes the claim.
	Holder Holder
	// HolderName says who Holder is, for people: the object's ID when it
	// exists, else how its resource was described when planned (see
	// NewHolderNamed). Filled in when the claim is recorded.
	HolderName string
}

// unnamedHolder stands for a planned object that was given no description.
const unnamedHolder = "another resource planned in this configuration, not created yet"

// Who names the object that makes the claim, for a refusal's Objects.
func (c Claim) Who() string {
	if c.HolderName == "" {
		return unnamedHolder
	}
	return c.HolderName
}

// Holder identifies a planned object. An object that exists is held by its
// ID, so planning it again replaces its claims instead of adding to them. A
// new object has no ID yet: each call to NewHolder stands for one.
type Holder string

// planned reports whether the holder stands for an object not made yet.
func (h Holder) planned() bool { return strings.HasPrefix(string(h), "planned#") }

// ExistingHolder is the holder for an object that already exists.
func ExistingHolder(id string) Holder { return Holder(id) }

// NewHolder returns a holder for an object that does not exist yet.
func (p *Plan) NewHolder() Holder { return p.NewHolderNamed("") }

// NewHolderNamed returns a holder for an object that does not exist yet,
// described for people, such as "the simcloud_subnet planned with
// cidr_block 10.0.1.0/24 in vpc-1". Terraform does not tell a provider the
// address of the resource it plans, so the description is made of what the
// provider does know: the resource type and its planned values.
func (p *Plan) NewHolderNamed(description string) Holder {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next++
	h := Holder(fmt.Sprintf("planned#%d", p.next))
	if description != "" {
		if p.described == nil {
			p.described = map[Holder]string{}
		}
		p.described[h] = description
	}
	return h
}

// name is what claims of holder call it. Callers hold p.mu.
func (p *Plan) name(h Holder) string {
	if d, ok := p.described[h]; ok {
		return d
	}
	if strings.HasPrefix(string(h), "planned#") {
		return ""
	}
	return string(h)
}

// View is what a rule reads: the cloud, and at plan time the claims of the
// other objects in the plan.
type View interface {
	ReadTx
	// Claimed returns the claims of the given kind on scope made by objects
	// other than the one being checked. Inside an apply transaction there
	// are none: everything applied so far is in the store itself.
	Claimed(kind ClaimKind, scope string) []Claim
}

// applyView is the view of a rule inside the transaction that applies it.
type applyView struct{ Tx }

func (applyView) Claimed(ClaimKind, string) []Claim { return nil }

// planView is the stored cloud plus the claims of the rest of the plan.
type planView struct {
	ReadTx
	claims []Claim
	holder Holder
}

func (v planView) Claimed(kind ClaimKind, scope string) []Claim {
	if !IsKnown(scope) {
		// An object whose scope is unknown claims nothing anyone can see.
		return nil
	}
	var out []Claim
	for _, c := range v.claims {
		if c.Kind == kind && c.Scope == scope && c.Holder != v.holder {
			out = append(out, c)
		}
	}
	return out
}

// Rule is a check of the cloud's rules that runs unchanged at plan time and
// inside the apply transaction.
type Rule func(v View) error

// Check runs rule at plan time for the object held by holder and, if it
// passes, records the object's claims in the plan, replacing any it made
// before. Checking and recording happen together so that two objects planned
// at once cannot both pass a rule that only one of them may.
func (c *Client) Check(ctx context.Context, p *Plan, holder Holder, rule Rule, claims ...Claim) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	err := c.read(ctx, "Check", map[string]string{"holder": string(holder)}, func(tx ReadTx) error {
		return rule(planView{ReadTx: tx, claims: p.claims, holder: holder})
	})
	if err != nil {
		return explainObstacle(err, p.removing[obstacleOf(err)])
	}
	p.claims = slices.DeleteFunc(p.claims, func(cl Claim) bool { return cl.Holder == holder })
	for _, cl := range claims {
		if !IsKnown(cl.Scope) {
			continue
		}
		cl.Holder, cl.HolderName = holder, p.name(holder)
		p.claims = append(p.claims, cl)
	}
	return nil
}

// Release drops every claim of holder, for an object planned to be destroyed.
func (p *Plan) Release(holder Holder) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.claims = slices.DeleteFunc(p.claims, func(cl Claim) bool { return cl.Holder == holder })
}

// apply runs rule inside a write transaction and, if it passes, change in
// the same transaction.
func (c *Client) apply(ctx context.Context, op string, ids map[string]string, rule Rule, change func(tx Tx) error) error {
	return c.write(ctx, op, ids, func(tx Tx) error {
		if err := rule(applyView{tx}); err != nil {
			return explainObstacle(err, false)
		}
		return change(tx)
	})
}

// allRules is a rule that passes when each of rules does, checked in order.
func allRules(rules ...Rule) Rule {
	return func(v View) error {
		for _, r := range rules {
			if err := r(v); err != nil {
				return err
			}
		}
		return nil
	}
}

// knownRule checks value with check once it is known: at plan, a value
// known only after apply passes until then.
func knownRule(value string, check func(string) error) Rule {
	return func(View) error {
		if !IsKnown(value) {
			return nil
		}
		return check(value)
	}
}

// tagsRule checks an object's full set of tags, default tags included.
func tagsRule(tags map[string]string) Rule {
	return func(View) error { return ValidateTags(tags, "tags_all") }
}

// MarkReplaced records that the object planned under key is being replaced,
// and that the checks of its replacement have been run. Terraform plans a
// replacement twice: once with the object's prior state, where the provider
// learns that it is replaced, and once more as if it were new. The second
// planning knows nothing of the first, so it would count the object's own
// claims, and its own stored self, against it; TakeReplaced lets it skip the
// checks the first planning already ran.
func (p *Plan) MarkReplaced(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.replaced == nil {
		p.replaced = map[string]int{}
	}
	p.replaced[key]++
}

// TakeReplaced reports whether a replacement was marked under key, and
// forgets one such mark.
func (p *Plan) TakeReplaced(key string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.replaced[key] == 0 {
		return false
	}
	p.replaced[key]--
	return true
}
