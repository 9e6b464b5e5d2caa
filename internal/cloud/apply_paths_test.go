package cloud_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Deletions are not walked: they run no rule (Delete* calls c.write), and
// their one refusal, DependencyViolation while something else uses the
// object, depends on what else the run deletes first, which Terraform
// does not show a resource's plan (it destroys dependents before what they
// depend on, and plans each resource alone). The same holds for
// ipv6BlockUnused below.
//
// Each rule of the cloud is written once and runs twice: at plan and inside
// the apply transaction (Client.apply runs the rule, then the change). A
// refusal that only the change can give passes every plan and fails halfway
// through an apply, which is what issue 19 found (a gateway attached twice,
// a route replaced that does not exist). TestApplyRefusesOnlyThroughRules
// reads the package's source, finds every change function given to
// c.apply (and every write that runs a rule by hand, rule(applyView{tx})),
// and fails when it makes a refusal with an AWS code (an &Error{...}, or a
// call of a function of the package that returns *Error), or calls, at any
// depth, a function of the package that makes one and that the rule does
// not call: such a check belongs in the rule, where the plan runs it too.

// applyRefusalsAllowed are the refusals a change function may still make,
// by the function of the package that makes them (the function whose change
// it is, a helper the change calls, or the constructor of the refusal),
// each with why no rule could make it at plan. A helper
// that the rule itself calls needs no entry: the rule ran it first, in the
// same transaction.
var applyRefusalsAllowed = map[string]string{
	// The object the call is about existed when the plan read it (the
	// rule of an update or a tagging reads nothing else); only a run
	// racing this one, or a hand, deleting it in between makes the change
	// miss it, which no plan can foresee.
	"findStored":      "NotFound of an object deleted between plan and apply",
	"findSubnetGroup": "NotFound of a subnet group deleted between plan and apply",
	// The pools of public IPv4 addresses and of IPv6 blocks are shared by
	// every account of the cloud, and what is free in them is decided by
	// the transaction that takes from them: a plan cannot reserve an
	// address, and runs out only by racing other runs.
	"AllocateAddress":     "AddressLimitExceeded when the shared pool of public addresses is empty",
	"publicPoolExhausted": "AddressLimitExceeded when the shared pool of public addresses is empty",
	"freeIPv6Block":       "InsufficientCidrBlocks when the shared IPv6 pool is empty",
	// A change that writes a route reads it back, with its state: it
	// cannot miss what it has just written.
	"findRoute": "reads back the route the change has just written",
	// The rule of every change that takes addresses of a subnet
	// (privateAddressesRule) has counted the subnet's free addresses, in
	// the same transaction; choosing them counts the same rows again.
	"choosePrivateAddresses": "InsufficientFreeAddressesInSubnet, which the rule has already counted in the same transaction",
	// Releasing a VPC's IPv6 block while subnets use it fails on AWS as
	// here. Whether they still use it when the VPC's update runs depends
	// on the rest of the run, which the VPC's plan cannot see: Terraform
	// destroys a subnet removed from the configuration before it updates
	// the VPC the subnet depended on ("destroy then update" in
	// hashicorp/terraform's docs/destroying.md), while a subnet changed in
	// place drops its block after the VPC's update. A rule at plan would
	// refuse the first, which works.
	"ipv6BlockUnused": "DependencyViolation of a VPC's IPv6 block still used, which depends on the run's other actions",
}

func TestApplyRefusesOnlyThroughRules(t *testing.T) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	decls := map[string][]*ast.FuncDecl{}
	var errorConstructors []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Body != nil {
				key := fn.Name.Name
				if fn.Recv != nil {
					key = "." + key
				}
				decls[key] = append(decls[key], fn)
				if returnsRefusal(fn) {
					errorConstructors = append(errorConstructors, key)
				}
			}
		}
	}
	if len(errorConstructors) < 20 {
		t.Fatalf("found only %v as constructors of refusals; the walk is broken", errorConstructors)
	}
	// refusalsIn lists the refusals made in body itself, as "where: what",
	// and the functions of the package body calls.
	refusalsIn := func(body ast.Node) (refusals, callees []string) {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Error" {
					refusals = append(refusals, fmt.Sprintf("%s: &Error{...}", fset.Position(n.Pos())))
				}
			case *ast.CallExpr:
				name := ""
				// Functions by name, methods by "." and name; a local
				// variable holding a function (rule(v)) is called by name
				// too, and matches a function of the package only if it
				// is one.
				switch fun := n.Fun.(type) {
				case *ast.Ident:
					name = fun.Name
				case *ast.IndexExpr: // findStored[T](...)
					if id, ok := fun.X.(*ast.Ident); ok {
						name = id.Name
					}
				case *ast.SelectorExpr:
					// A method of the package, not of the store's
					// transaction or a view of it.
					if x, ok := fun.X.(*ast.Ident); ok && x.Name != "tx" && x.Name != "v" {
						name = "." + fun.Sel.Name
					}
				}
				if slices.Contains(errorConstructors, name) {
					if _, allowed := applyRefusalsAllowed[strings.TrimPrefix(name, ".")]; !allowed {
						refusals = append(refusals, fmt.Sprintf("%s: %s(...)", fset.Position(n.Pos()), name))
					}
				} else if len(decls[name]) > 0 {
					callees = append(callees, name)
				}
			}
			return true
		})
		return refusals, callees
	}
	// ruleCallees are the functions of the package that the rule given to
	// apply in outer calls, directly or through others: the rule is either
	// an expression or a variable assigned in outer.
	ruleCallees := func(outer *ast.FuncDecl, rule ast.Expr) map[string]bool {
		var roots []ast.Node
		if id, ok := rule.(*ast.Ident); ok {
			ast.Inspect(outer.Body, func(n ast.Node) bool {
				if a, ok := n.(*ast.AssignStmt); ok {
					for i, lhs := range a.Lhs {
						if l, ok := lhs.(*ast.Ident); ok && l.Name == id.Name && i < len(a.Rhs) {
							roots = append(roots, a.Rhs[i])
						}
					}
				}
				return true
			})
		} else {
			roots = append(roots, rule)
		}
		seen := map[string]bool{}
		var visit func(n ast.Node, depth int)
		visit = func(n ast.Node, depth int) {
			_, callees := refusalsIn(n)
			for _, callee := range callees {
				if seen[callee] || depth == 0 {
					continue
				}
				seen[callee] = true
				for _, d := range decls[callee] {
					visit(d.Body, depth-1)
				}
			}
		}
		for _, root := range roots {
			visit(root, 5)
		}
		return seen
	}
	var found []string
	changes := 0
	// rulesRunByHand returns the rules that change runs as rule(applyView{tx}).
	rulesRunByHand := func(change *ast.FuncLit) (rules []ast.Expr) {
		ast.Inspect(change.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
				if lit, ok := call.Args[0].(*ast.CompositeLit); ok {
					if id, ok := lit.Type.(*ast.Ident); ok && id.Name == "applyView" {
						if _, isRule := call.Fun.(*ast.Ident); isRule || isCall(call.Fun) {
							rules = append(rules, call.Fun)
						}
					}
				}
			}
			return true
		})
		return rules
	}
	for _, list := range decls {
		for _, outer := range list {
			ast.Inspect(outer.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				var change *ast.FuncLit
				var rules []ast.Expr
				where := "the change of apply in " + outer.Name.Name
				switch {
				case sel.Sel.Name == "apply" && len(call.Args) == 5:
					if change, ok = call.Args[4].(*ast.FuncLit); !ok {
						t.Errorf("%s: the change given to apply is not a function literal; the walk cannot read it", fset.Position(call.Pos()))
						return true
					}
					rules = []ast.Expr{call.Args[3]}
				case sel.Sel.Name == "write" && len(call.Args) == 4 && outer.Name.Name != "apply":
					// A write that runs a rule by hand, rule(applyView{tx}),
					// is an apply too: the rest of it is its change.
					if change, ok = call.Args[3].(*ast.FuncLit); !ok {
						return true
					}
					rules = rulesRunByHand(change)
					where = "the write that runs a rule by hand in " + outer.Name.Name
				}
				if change == nil || len(rules) == 0 {
					return true
				}
				changes++
				refusals, callees := refusalsIn(change.Body)
				if _, allowed := applyRefusalsAllowed[outer.Name.Name]; !allowed {
					for _, r := range refusals {
						found = append(found, where+" at "+r)
					}
				}
				ruled := map[string]bool{}
				for _, rule := range rules {
					maps.Copy(ruled, ruleCallees(outer, rule))
				}
				// The change's callees are followed all the way down: a
				// refusal two calls away fails the apply just the same. A
				// function the rule runs, or one whose refusal is allowed,
				// ends the walk there.
				visited := map[string]bool{}
				var descend func(callee string, via []string)
				descend = func(callee string, via []string) {
					if visited[callee] || ruled[callee] {
						return
					}
					visited[callee] = true
					if _, allowed := applyRefusalsAllowed[strings.TrimPrefix(callee, ".")]; allowed {
						return
					}
					via = append(slices.Clone(via), callee)
					for _, d := range decls[callee] {
						inner, next := refusalsIn(d.Body)
						for _, r := range inner {
							found = append(found, where+" calls "+strings.Join(via, " -> ")+", which refuses at "+r)
						}
						for _, n := range next {
							descend(n, via)
						}
					}
				}
				for _, callee := range callees {
					descend(callee, nil)
				}
				return true
			})
		}
	}
	if changes < 40 {
		t.Fatalf("found only %d changes given to apply; the walk is broken", changes)
	}
	sort.Strings(found)
	found = slices.Compact(found)
	for _, f := range found {
		t.Errorf("%s: a refusal only the apply makes; move the check into the rule so that the plan makes it too", f)
	}
}

func isCall(e ast.Expr) bool {
	_, ok := e.(*ast.CallExpr)
	return ok
}

// returnsRefusal reports whether fn returns a *Error: it makes a refusal
// rather than checking for one.
func returnsRefusal(fn *ast.FuncDecl) bool {
	if fn.Type.Results == nil {
		return false
	}
	for _, r := range fn.Type.Results.List {
		if star, ok := r.Type.(*ast.StarExpr); ok {
			if id, ok := star.X.(*ast.Ident); ok && id.Name == "Error" {
				return true
			}
		}
	}
	return false
}
