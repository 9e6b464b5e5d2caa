package cloud

import (
	"context"
	"crypto/rand"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// IAM is global: its objects belong to the account, in every region, and
// their ARNs name no region. The store keys a role or policy by its ARN,
// which holds the account, so that tags and references are unique across
// the cloud; a role's attached and inline policies are keyed by the role's
// ARN and theirs.

// IAMRole is a role that a service (VPC Flow Logs, say) assumes.
type IAMRole struct {
	ARN                 string
	OwnerID             string
	Name                string
	Path                string
	UniqueID            string
	AssumeRolePolicy    string
	Description         string
	MaxSessionDuration  int64
	PermissionsBoundary string
	CreateDate          string
	Tags                map[string]string
}

// IAMPolicy is a customer managed policy.
type IAMPolicy struct {
	ARN         string
	OwnerID     string
	Name        string
	Path        string
	PolicyID    string
	Description string
	Document    string
	CreateDate  string
	// AttachmentCount is derived: how many roles have the policy attached.
	AttachmentCount int64
	Tags            map[string]string
}

// IAMRolePolicyAttachment attaches a managed policy (the account's or
// AWS's) to a role.
type IAMRolePolicyAttachment struct {
	Key       string
	OwnerID   string
	RoleARN   string
	RoleName  string
	PolicyARN string
}

// IAMRolePolicy is a policy embedded in a role.
type IAMRolePolicy struct {
	Key      string
	OwnerID  string
	RoleARN  string
	RoleName string
	Name     string
	Document string
}

// IAMRoleFilter, IAMPolicyFilter, IAMRolePolicyAttachmentFilter and
// IAMRolePolicyFilter select objects; empty fields match all. Names match
// without regard to case, as IAM's uniqueness does.
type IAMRoleFilter struct {
	ARN, Name string
	Tags      map[string]string
}

type IAMPolicyFilter struct {
	ARN, Name string
	Tags      map[string]string
}

type IAMRolePolicyAttachmentFilter struct{ RoleARN, PolicyARN string }

type IAMRolePolicyFilter struct{ RoleARN, Name string }

// iamKind is a kind of IAM object, named by key and refused as IAM refuses
// every unknown or malformed name.
func iamKind(prefix, awsNoun, label string, keyedBy keyShape) Kind {
	return Kind{Prefix: prefix, awsNoun: awsNoun, label: label, keyedBy: keyedBy,
		notFoundCode: "NoSuchEntity", malformedCode: "ValidationError"}
}

var (
	KindIAMRole                 = iamKind("iam-role", "role", "IAM role", keyShape{service: "iam", resource: "role/"})
	KindIAMPolicy               = iamKind("iam-policy", "policy", "IAM policy", keyShape{service: "iam", resource: "policy/"})
	KindIAMRolePolicyAttachment = iamKind("iam-role-policy-attachment", "attachment", "IAM role policy attachment",
		keyShape{service: "iam", resource: "role/", part: "arn"})
	KindIAMRolePolicy = iamKind("iam-role-policy", "rolePolicy", "IAM role inline policy",
		keyShape{service: "iam", resource: "role/", part: "name"})
)

func (IAMRole) StoredKind() Kind                 { return KindIAMRole }
func (IAMPolicy) StoredKind() Kind               { return KindIAMPolicy }
func (r IAMRole) arn() string                    { return r.ARN }
func (p IAMPolicy) arn() string                  { return p.ARN }
func (IAMRolePolicyAttachment) StoredKind() Kind { return KindIAMRolePolicyAttachment }
func (IAMRolePolicy) StoredKind() Kind           { return KindIAMRolePolicy }

func (IAMRoleFilter) FilteredKind() Kind                 { return KindIAMRole }
func (IAMPolicyFilter) FilteredKind() Kind               { return KindIAMPolicy }
func (IAMRolePolicyAttachmentFilter) FilteredKind() Kind { return KindIAMRolePolicyAttachment }
func (IAMRolePolicyFilter) FilteredKind() Kind           { return KindIAMRolePolicy }

// IAM's limits on names and paths.
var (
	iamNameChars = regexp.MustCompile(`^[\w+=,.@-]+$`)
	iamPathChars = regexp.MustCompile(`^/([\x21-\x7e]*/)?$`)
)

const (
	maxRoleNameLength   = 64
	maxPolicyNameLength = 128
	// MaxRoleNamePrefixLength and MaxPolicyNamePrefixLength leave room for
	// the 26 characters of the unique suffix the provider adds.
	MaxRoleNamePrefixLength   = maxRoleNameLength - 26
	MaxPolicyNamePrefixLength = maxPolicyNameLength - 26
)

func iamValidation(field, message, fix string) *Error {
	return &Error{Code: "ValidationError", Message: message, Fix: fix, Field: field}
}

// ValidateIAMName checks a role's, policy's or inline policy's name (or,
// with prefix, the start of one) against IAM's characters and length.
func ValidateIAMName(name, field string, maxLength int) error {
	if name == "" || len(name) > maxLength || !iamNameChars.MatchString(name) {
		return iamValidation(field,
			fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length between 1 and %d", printable(name), field, maxLength),
			fmt.Sprintf("Use 1 to %d letters, digits and the characters _+=,.@-.", maxLength))
	}
	return nil
}

// ValidateIAMPath checks a path: / alone, or / and printable ASCII ending
// in /, at most 512 characters.
func ValidateIAMPath(path, field string) error {
	if len(path) > 512 || !iamPathChars.MatchString(path) {
		return iamValidation(field,
			fmt.Sprintf("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters: '%s'", printable(path)),
			"Use / or a path such as /service-role/.")
	}
	return nil
}

// ValidateIAMRoleSessionDuration checks max_session_duration: one to
// twelve hours, in seconds.
func ValidateIAMRoleSessionDuration(seconds int64, field string) error {
	if seconds < 3600 || seconds > 43200 {
		return iamValidation(field,
			fmt.Sprintf("The requested duration %d seconds is outside the allowed range for MaxSessionDuration: 3600 to 43200.", seconds),
			"Give a duration between 3600 (one hour) and 43200 (twelve hours) seconds.")
	}
	return nil
}

// ValidatePolicyARN checks that s is the ARN of a managed policy, the
// account's or AWS's.
func ValidatePolicyARN(s, field string) error {
	if !KindIAMPolicy.names(s) {
		return iamValidation(field, fmt.Sprintf("ARN %s is not valid.", printable(s)),
			"Give a policy's ARN, such as arn:aws:iam::aws:policy/ReadOnlyAccess or the arn of a simcloud_iam_policy.")
	}
	return nil
}

// IsAWSManagedPolicy reports whether arn names a policy that AWS manages,
// which every account may attach and which the simulated cloud takes as
// existing.
func IsAWSManagedPolicy(policyARN string) bool {
	a, ok := parseARN(policyARN)
	return ok && a.account == "aws" && a.service == "iam"
}

// iamARN is the ARN of an IAM object of the scope's account: IAM's ARNs
// name no region.
func (s Scope) iamARN(resourceType, path, name string) string {
	return fmt.Sprintf("arn:%s:iam::%s:%s%s%s", partition(s.Region), s.AccountID, resourceType, path, name)
}

// iamUniqueID is an IAM unique ID: a prefix that names the kind and 17
// characters of IAM's alphabet.
func iamUniqueID(prefix string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	var b [17]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("cloud: no randomness for IDs: " + err.Error())
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return prefix + string(b[:])
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// IAMRoleInput is a role as CreateRole and the updates take it.
type IAMRoleInput struct {
	Name, Path, AssumeRolePolicy, Description, PermissionsBoundary string
	MaxSessionDuration                                             int64
	Tags                                                           map[string]string
}

func (in IAMRoleInput) valuesRule() Rule {
	return func(View) error {
		if IsKnown(in.Name) {
			if err := ValidateIAMName(in.Name, "name", maxRoleNameLength); err != nil {
				return err
			}
		}
		if err := ValidateIAMPath(in.Path, "path"); err != nil {
			return err
		}
		if IsKnown(in.AssumeRolePolicy) {
			if err := ValidatePolicy(in.AssumeRolePolicy, "assume_role_policy"); err != nil {
				return err
			}
		}
		if len(in.Description) > 1000 {
			return iamValidation("description", "Description must be at most 1000 characters.", "Shorten the description.")
		}
		if err := ValidateIAMRoleSessionDuration(in.MaxSessionDuration, "max_session_duration"); err != nil {
			return err
		}
		if in.PermissionsBoundary != "" && IsKnown(in.PermissionsBoundary) {
			if err := ValidatePolicyARN(in.PermissionsBoundary, "permissions_boundary"); err != nil {
				return err
			}
		}
		return ValidateTags(in.Tags, "tags_all")
	}
}

// roleRule is every rule of a role: its values, its name unique in the
// account (selfARN is the role's own, when it exists), and its boundary
// policy existing.
func (c *Client) roleRule(in IAMRoleInput, selfARN string) Rule {
	return allRules(in.valuesRule(), func(v View) error {
		name := Claim{Kind: ClaimIAMRoleName, Scope: c.scope.AccountID, Value: strings.ToLower(in.Name)}
		err := nameTaken[IAMRole](v, c.scope, IAMRoleFilter{Name: in.Name}, name, selfARN, func(holder, obstacle string) *Error {
			return &Error{Code: "EntityAlreadyExists", Message: fmt.Sprintf("Role with name %s already exists.", in.Name),
				Fix:   fmt.Sprintf("Role names are unique in an account, whatever their case or path, and %s has this one: choose another name, or use name_prefix.", holder),
				Field: "name", Objects: []string{holder}, Obstacle: obstacle}
		})
		if err != nil {
			return err
		}
		return c.policyExistsRule(in.PermissionsBoundary, "permissions_boundary")(v)
	})
}

// CheckIAMRole runs at plan time the rules that creating (selfARN "") or
// updating a role will meet at apply.
func (c *Client) CheckIAMRole(ctx context.Context, p *Plan, holder Holder, in IAMRoleInput, selfARN string) error {
	return c.Check(ctx, p, holder, c.roleRule(in, selfARN), nameClaim(ClaimIAMRoleName, c.scope.AccountID, strings.ToLower(in.Name))...)
}

// The claims of planned objects on names unique in an account (IAM's,
// their case ignored) or in a region (log groups').
const (
	ClaimIAMRoleName   ClaimKind = "iam-role-name"
	ClaimIAMPolicyName ClaimKind = "iam-policy-name"
	ClaimLogGroupName  ClaimKind = "log-group-name"
)

func nameClaim(kind ClaimKind, scope, name string) []Claim {
	if !IsKnown(name) {
		return nil
	}
	return []Claim{{Kind: kind, Scope: scope, Value: name}}
}

// nameTaken refuses the name of claim, unique in its scope, when it is not
// free: a stored object of kind T (found by filter) other than the object
// itself (selfARN) has it, or another planned object claims it. taken is the
// refusal, given who holds the name and, if that is a stored object, the
// object in the way.
func nameTaken[T arnNamed](v View, scope Scope, filter Filter, claim Claim, selfARN string, taken func(holder, obstacle string) *Error) error {
	if !IsKnown(claim.Value) {
		return nil
	}
	other, _, err := first[T](v, scope, filter)
	if err != nil {
		return err
	}
	if stored := other.arn(); stored != "" && stored != selfARN {
		return taken(stored, stored)
	}
	for _, cl := range v.Claimed(claim.Kind, claim.Scope) {
		if cl.Value == claim.Value {
			return taken(cl.Who(), "")
		}
	}
	return nil
}

// CreateIAMRole creates a role.
func (c *Client) CreateIAMRole(ctx context.Context, in IAMRoleInput) (IAMRole, error) {
	r := IAMRole{
		ARN: c.scope.iamARN("role", in.Path, in.Name), OwnerID: c.scope.AccountID, Name: in.Name, Path: in.Path,
		UniqueID: iamUniqueID("AROA"), AssumeRolePolicy: in.AssumeRolePolicy, Description: in.Description,
		MaxSessionDuration: in.MaxSessionDuration, PermissionsBoundary: in.PermissionsBoundary, CreateDate: now(), Tags: in.Tags,
	}
	return createTagged(c, ctx, "CreateRole", map[string]string{"role_name": in.Name}, c.roleRule(in, ""), r, r.ARN, in.Tags)
}

// UpdateIAMRole changes what IAM changes in place: the trust policy, the
// description, the session duration, the boundary and the tags.
func (c *Client) UpdateIAMRole(ctx context.Context, name string, in IAMRoleInput) (IAMRole, error) {
	find := func(tx ReadTx) (IAMRole, error) { return c.findRole(tx, name, "name") }
	return updateByARN(c, ctx, "UpdateRole", map[string]string{"role_name": name}, find, c.roleRule, in, func(r *IAMRole) {
		r.AssumeRolePolicy, r.Description, r.MaxSessionDuration, r.PermissionsBoundary = in.AssumeRolePolicy, in.Description, in.MaxSessionDuration, in.PermissionsBoundary
		r.Tags = in.Tags
	}, in.Tags)
}

// IAMRole reads a role by name (or ARN).
func (c *Client) IAMRole(ctx context.Context, name string) (IAMRole, error) {
	return readResult(ctx, c, "GetRole", map[string]string{"role_name": name}, func(tx ReadTx) (IAMRole, error) {
		return c.findRole(tx, name, "name")
	})
}

func noSuchRole(name, field string) *Error {
	return &Error{Code: "NoSuchEntity", Message: fmt.Sprintf("The role with name %s cannot be found.", printable(name)),
		Fix: "Check the name, or create the role (simcloud_iam_role) first.", Field: field, Objects: []string{printable(name)}}
}

// findRole finds a role of the account by name or ARN.
func (c *Client) findRole(tx ReadTx, nameOrARN, field string) (IAMRole, error) {
	filter := IAMRoleFilter{Name: nameOrARN}
	if strings.HasPrefix(nameOrARN, "arn:") {
		filter = IAMRoleFilter{ARN: nameOrARN}
	}
	r, ok, err := first[IAMRole](tx, c.scope, filter)
	if err != nil {
		return IAMRole{}, err
	}
	if !ok {
		return IAMRole{}, noSuchRole(nameOrARN, field)
	}
	return r, nil
}

// roleExistsRule refuses a reference to a role the account does not have
// and the plan does not create.
func (c *Client) roleExistsRule(nameOrARN, field string) Rule {
	return func(v View) error {
		if nameOrARN == "" || !IsKnown(nameOrARN) {
			return nil
		}
		_, err := c.findRole(v, nameOrARN, field)
		if IsNotFound(err) && !strings.HasPrefix(nameOrARN, "arn:") {
			// A role that the same plan creates is there at apply.
			for _, cl := range v.Claimed(ClaimIAMRoleName, c.scope.AccountID) {
				if cl.Value == strings.ToLower(nameOrARN) {
					return nil
				}
			}
		}
		return err
	}
}

// DeleteIAMRole deletes a role, refused while policies are attached to or
// embedded in it unless forceDetach, as the AWS provider's
// force_detach_policies does, removes them first.
func (c *Client) DeleteIAMRole(ctx context.Context, name string, forceDetach bool) error {
	return c.write(ctx, "DeleteRole", map[string]string{"role_name": name}, func(tx Tx) error {
		r, err := c.findRole(tx, name, "name")
		if err != nil {
			return err
		}
		attached, err := list[IAMRolePolicyAttachment](tx, c.scope, IAMRolePolicyAttachmentFilter{RoleARN: r.ARN})
		if err != nil {
			return err
		}
		inline, err := list[IAMRolePolicy](tx, c.scope, IAMRolePolicyFilter{RoleARN: r.ARN})
		if err != nil {
			return err
		}
		if !forceDetach && (len(attached) > 0 || len(inline) > 0) {
			var parts []string
			for _, a := range attached {
				parts = append(parts, a.Key)
			}
			for _, p := range inline {
				parts = append(parts, p.Key)
			}
			what := "detach all policies"
			if len(attached) == 0 {
				what = "delete policies"
			}
			return &Error{Code: "DeleteConflict", Message: "Cannot delete entity, must " + what + " first.",
				Fix:     "Remove the role's simcloud_iam_role_policy_attachment and simcloud_iam_role_policy resources first, or set force_detach_policies = true.",
				Objects: append([]string{r.ARN}, parts...)}
		}
		for _, a := range attached {
			if err := tx.Delete(KindIAMRolePolicyAttachment, a.Key); err != nil {
				return err
			}
		}
		for _, p := range inline {
			if err := tx.Delete(KindIAMRolePolicy, p.Key); err != nil {
				return err
			}
		}
		return tx.Delete(KindIAMRole, r.ARN)
	})
}

// IAMPolicyInput is a policy as CreatePolicy takes it.
type IAMPolicyInput struct {
	Name, Path, Description, Document string
	Tags                              map[string]string
}

func (c *Client) policyRule(in IAMPolicyInput, selfARN string) Rule {
	return func(v View) error {
		if IsKnown(in.Name) {
			if err := ValidateIAMName(in.Name, "name", maxPolicyNameLength); err != nil {
				return err
			}
		}
		if err := ValidateIAMPath(in.Path, "path"); err != nil {
			return err
		}
		if len(in.Description) > 1000 {
			return iamValidation("description", "Description must be at most 1000 characters.", "Shorten the description.")
		}
		if IsKnown(in.Document) {
			if err := ValidatePolicy(in.Document, "policy"); err != nil {
				return err
			}
		}
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		name := Claim{Kind: ClaimIAMPolicyName, Scope: c.scope.AccountID, Value: strings.ToLower(in.Name)}
		return nameTaken[IAMPolicy](v, c.scope, IAMPolicyFilter{Name: in.Name}, name, selfARN, func(holder, obstacle string) *Error {
			return &Error{Code: "EntityAlreadyExists", Message: fmt.Sprintf("A policy called %s already exists. Duplicate names are not allowed.", in.Name),
				Fix:   fmt.Sprintf("Policy names are unique in an account, whatever their path, and %s has this one: choose another name, or use name_prefix.", holder),
				Field: "name", Objects: []string{holder}, Obstacle: obstacle}
		})
	}
}

// CheckIAMPolicy runs at plan time the rules that creating (selfARN "") or
// updating a policy will meet at apply.
func (c *Client) CheckIAMPolicy(ctx context.Context, p *Plan, holder Holder, in IAMPolicyInput, selfARN string) error {
	return c.Check(ctx, p, holder, c.policyRule(in, selfARN), nameClaim(ClaimIAMPolicyName, c.scope.AccountID, strings.ToLower(in.Name))...)
}

// CreateIAMPolicy creates a customer managed policy.
func (c *Client) CreateIAMPolicy(ctx context.Context, in IAMPolicyInput) (IAMPolicy, error) {
	p := IAMPolicy{
		ARN: c.scope.iamARN("policy", in.Path, in.Name), OwnerID: c.scope.AccountID, Name: in.Name, Path: in.Path,
		PolicyID: iamUniqueID("ANPA"), Description: in.Description, Document: in.Document, CreateDate: now(), Tags: in.Tags,
	}
	return createTagged(c, ctx, "CreatePolicy", map[string]string{"policy_name": in.Name}, c.policyRule(in, ""), p, p.ARN, in.Tags)
}

// UpdateIAMPolicy changes the document (IAM makes it the policy's new
// default version) and the tags.
func (c *Client) UpdateIAMPolicy(ctx context.Context, policyARN string, in IAMPolicyInput) (IAMPolicy, error) {
	find := func(tx ReadTx) (IAMPolicy, error) { return c.findPolicy(tx, policyARN, "arn") }
	return updateByARN(c, ctx, "CreatePolicyVersion", map[string]string{"policy_arn": policyARN}, find, c.policyRule, in, func(p *IAMPolicy) {
		p.Document, p.Tags = in.Document, in.Tags
	}, in.Tags)
}

// IAMPolicy reads a policy by ARN.
func (c *Client) IAMPolicy(ctx context.Context, policyARN string) (IAMPolicy, error) {
	return readResult(ctx, c, "GetPolicy", map[string]string{"policy_arn": policyARN}, func(tx ReadTx) (IAMPolicy, error) {
		return c.findPolicy(tx, policyARN, "arn")
	})
}

func (c *Client) findPolicy(tx ReadTx, policyARN, field string) (IAMPolicy, error) {
	if err := ValidatePolicyARN(policyARN, field); err != nil {
		return IAMPolicy{}, err
	}
	p, ok, err := first[IAMPolicy](tx, c.scope, IAMPolicyFilter{ARN: policyARN})
	if err != nil {
		return IAMPolicy{}, err
	}
	if !ok {
		return IAMPolicy{}, &Error{Code: "NoSuchEntity", Message: fmt.Sprintf("Policy %s does not exist or is not attachable.", printable(policyARN)),
			Fix: "Check the ARN, or create the policy (simcloud_iam_policy) first.", Field: field, Objects: []string{printable(policyARN)}}
	}
	return p, nil
}

// policyExistsRule refuses a reference to a policy that is neither AWS's
// nor the account's.
func (c *Client) policyExistsRule(policyARN, field string) Rule {
	return func(v View) error {
		if policyARN == "" || !IsKnown(policyARN) || IsAWSManagedPolicy(policyARN) {
			return nil
		}
		_, err := c.findPolicy(v, policyARN, field)
		return err
	}
}

// DeleteIAMPolicy deletes a policy, refused while it is attached.
func (c *Client) DeleteIAMPolicy(ctx context.Context, policyARN string) error {
	return c.write(ctx, "DeletePolicy", map[string]string{"policy_arn": policyARN}, func(tx Tx) error {
		p, err := c.findPolicy(tx, policyARN, "arn")
		if err != nil {
			return err
		}
		attached, err := list[IAMRolePolicyAttachment](tx, c.scope, IAMRolePolicyAttachmentFilter{PolicyARN: p.ARN})
		if err != nil {
			return err
		}
		if len(attached) > 0 {
			var roles []string
			for _, a := range attached {
				roles = append(roles, a.RoleARN)
			}
			return &Error{Code: "DeleteConflict", Message: "Cannot delete a policy attached to entities.",
				Fix:     "Detach it first: remove the simcloud_iam_role_policy_attachment resources of " + joinIDs(roles) + ".",
				Objects: append([]string{p.ARN}, roles...)}
		}
		return tx.Delete(KindIAMPolicy, p.ARN)
	})
}

// attachmentRule is the rule of an attachment: the role exists, and the
// policy is AWS's or the account's.
func (c *Client) attachmentRule(roleName, policyARN string) Rule {
	return allRules(
		knownRule(roleName, func(name string) error { return ValidateIAMName(name, "role", maxRoleNameLength) }),
		knownRule(policyARN, func(arn string) error { return ValidatePolicyARN(arn, "policy_arn") }),
		c.roleExistsRule(roleName, "role"), c.policyExistsRule(policyARN, "policy_arn"))
}

// CheckIAMRolePolicyAttachment runs at plan time the rules that
// attaching a policy to a role will meet at apply.
func (c *Client) CheckIAMRolePolicyAttachment(ctx context.Context, p *Plan, holder Holder, roleName, policyARN string) error {
	return c.Check(ctx, p, holder, c.attachmentRule(roleName, policyARN))
}

// AttachRolePolicy attaches a managed policy to a role; attaching it again
// changes nothing, as in IAM.
func (c *Client) AttachRolePolicy(ctx context.Context, roleName, policyARN string) (IAMRolePolicyAttachment, error) {
	var a IAMRolePolicyAttachment
	ids := map[string]string{"role": roleName, "policy_arn": policyARN}
	err := c.apply(ctx, "AttachRolePolicy", ids, c.attachmentRule(roleName, policyARN), func(tx Tx) error {
		r, err := c.findRole(tx, roleName, "role")
		if err != nil {
			return err
		}
		a = IAMRolePolicyAttachment{Key: r.ARN + "|" + policyARN, OwnerID: c.scope.AccountID, RoleARN: r.ARN, RoleName: r.Name, PolicyARN: policyARN}
		if _, exists, err := get[IAMRolePolicyAttachment](tx, c.scope, a.Key); err != nil || exists {
			return err
		}
		return tx.Insert(a)
	})
	return a, err
}

// IAMRolePolicyAttachment reads the attachment of a policy to a role.
func (c *Client) IAMRolePolicyAttachment(ctx context.Context, roleName, policyARN string) (IAMRolePolicyAttachment, error) {
	return readResult(ctx, c, "ListAttachedRolePolicies", map[string]string{"role": roleName}, func(tx ReadTx) (IAMRolePolicyAttachment, error) {
		return c.findAttachment(tx, roleName, policyARN)
	})
}

// findRolePart returns a role's attachment or inline policy: stored under
// the role's ARN and part, its policy's ARN or name; missing is the refusal
// when the role has no such part.
func findRolePart[T Row](c *Client, tx ReadTx, roleName, part string, missing func(IAMRole) *Error) (T, error) {
	r, err := c.findRole(tx, roleName, "role")
	if err != nil {
		var zero T
		return zero, err
	}
	found, ok, err := get[T](tx, c.scope, r.ARN+"|"+part)
	if err == nil && !ok {
		return found, missing(r)
	}
	return found, err
}

func (c *Client) findAttachment(tx ReadTx, roleName, policyARN string) (IAMRolePolicyAttachment, error) {
	return findRolePart[IAMRolePolicyAttachment](c, tx, roleName, policyARN, func(r IAMRole) *Error {
		return &Error{Code: "NoSuchEntity", Message: fmt.Sprintf("Policy %s was not found.", printable(policyARN)),
			Fix: "The policy is not attached to role " + r.Name + ".", Field: "policy_arn", Objects: []string{r.ARN, printable(policyARN)}}
	})
}

// DetachRolePolicy detaches a policy from a role.
func (c *Client) DetachRolePolicy(ctx context.Context, roleName, policyARN string) error {
	return c.write(ctx, "DetachRolePolicy", map[string]string{"role": roleName, "policy_arn": policyARN}, func(tx Tx) error {
		a, err := c.findAttachment(tx, roleName, policyARN)
		if err != nil {
			return err
		}
		return tx.Delete(KindIAMRolePolicyAttachment, a.Key)
	})
}

func (c *Client) rolePolicyRule(roleName, name, document string) Rule {
	return allRules(
		knownRule(name, func(name string) error { return ValidateIAMName(name, "name", maxPolicyNameLength) }),
		knownRule(document, func(document string) error { return ValidatePolicy(document, "policy") }),
		c.roleExistsRule(roleName, "role"))
}

// CheckIAMRolePolicy runs at plan time the rules that putting an inline
// policy in a role will meet at apply.
func (c *Client) CheckIAMRolePolicy(ctx context.Context, p *Plan, holder Holder, roleName, name, document string) error {
	return c.Check(ctx, p, holder, c.rolePolicyRule(roleName, name, document))
}

// PutRolePolicy embeds a policy in a role, or replaces the document of
// the role's policy of that name.
func (c *Client) PutRolePolicy(ctx context.Context, roleName, name, document string) (IAMRolePolicy, error) {
	var p IAMRolePolicy
	ids := map[string]string{"role": roleName, "policy_name": name}
	err := c.apply(ctx, "PutRolePolicy", ids, c.rolePolicyRule(roleName, name, document), func(tx Tx) error {
		r, err := c.findRole(tx, roleName, "role")
		if err != nil {
			return err
		}
		p = IAMRolePolicy{Key: r.ARN + "|" + name, OwnerID: c.scope.AccountID, RoleARN: r.ARN, RoleName: r.Name, Name: name, Document: document}
		if _, exists, err := get[IAMRolePolicy](tx, c.scope, p.Key); err != nil {
			return err
		} else if exists {
			return tx.Update(p)
		}
		return tx.Insert(p)
	})
	return p, err
}

// IAMRolePolicy reads a role's inline policy.
func (c *Client) IAMRolePolicy(ctx context.Context, roleName, name string) (IAMRolePolicy, error) {
	return readResult(ctx, c, "GetRolePolicy", map[string]string{"role": roleName, "policy_name": name}, func(tx ReadTx) (IAMRolePolicy, error) {
		return c.findRolePolicy(tx, roleName, name)
	})
}

func (c *Client) findRolePolicy(tx ReadTx, roleName, name string) (IAMRolePolicy, error) {
	return findRolePart[IAMRolePolicy](c, tx, roleName, name, func(r IAMRole) *Error {
		return &Error{Code: "NoSuchEntity", Message: fmt.Sprintf("The role policy with name %s cannot be found.", printable(name)),
			Fix: "Check the name, or put the policy (simcloud_iam_role_policy) first.", Field: "name", Objects: []string{r.ARN}}
	})
}

// DeleteRolePolicy removes an inline policy from a role.
func (c *Client) DeleteRolePolicy(ctx context.Context, roleName, name string) error {
	return c.write(ctx, "DeleteRolePolicy", map[string]string{"role": roleName, "policy_name": name}, func(tx Tx) error {
		p, err := c.findRolePolicy(tx, roleName, name)
		if err != nil {
			return err
		}
		return tx.Delete(KindIAMRolePolicy, p.Key)
	})
}

// removeIAMObject is the registry's delete of an IAM object named by its
// store key, as simcloud delete names it.
func (c *Client) removeIAMObject(ctx context.Context, key string) error {
	owner, part, isPart := strings.Cut(key, "|")
	switch {
	case KindIAMRole.names(key):
		return c.DeleteIAMRole(ctx, key, false)
	case KindIAMPolicy.names(key):
		return c.DeleteIAMPolicy(ctx, key)
	case isPart && KindIAMRolePolicyAttachment.names(key):
		return c.DetachRolePolicy(ctx, owner, part)
	default:
		return c.DeleteRolePolicy(ctx, owner, part)
	}
}

func describeIAMRole(r IAMRole) Object { return Object{ID: r.ARN, Tags: r.Tags, Value: r} }

func describeIAMPolicy(p IAMPolicy) Object { return Object{ID: p.ARN, Tags: p.Tags, Value: p} }

func describeIAMRolePolicyAttachment(a IAMRolePolicyAttachment) Object {
	return Object{ID: a.Key, Parent: a.RoleARN, Value: a, References: references("role", a.RoleARN, "policy_arn", a.PolicyARN)}
}

func describeIAMRolePolicy(p IAMRolePolicy) Object {
	return Object{ID: p.Key, Parent: p.RoleARN, Value: p, References: references("role", p.RoleARN)}
}

// ParseRolePolicyAttachmentImportID reads the AWS provider's import ID of
// an attachment: the role's name, a slash and the policy's ARN.
func ParseRolePolicyAttachmentImportID(id string) (role, policyARN string, err error) {
	role, policyARN, _ = strings.Cut(id, "/")
	if ValidateIAMName(role, "role", maxRoleNameLength) != nil || ValidatePolicyARN(policyARN, "policy_arn") != nil {
		return "", "", importIDError(id, "<role name>/<policy ARN>, such as flow-logs/arn:aws:iam::aws:policy/ReadOnlyAccess")
	}
	return role, policyARN, nil
}

// ParseRolePolicyImportID reads the AWS provider's import ID of an inline
// policy: the role's name, a colon and the policy's name.
func ParseRolePolicyImportID(id string) (role, name string, err error) {
	role, name, _ = strings.Cut(id, ":")
	if ValidateIAMName(role, "role", maxRoleNameLength) != nil || ValidateIAMName(name, "name", maxPolicyNameLength) != nil {
		return "", "", importIDError(id, "<role name>:<policy name>, such as flow-logs:write-logs")
	}
	return role, name, nil
}

func importIDError(id, form string) *Error {
	return iamValidation("", fmt.Sprintf("Unexpected format of ID (%s), expected %s", printable(id), strings.SplitN(form, ",", 2)[0]), "Import by "+form+".")
}
