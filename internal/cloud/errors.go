// Package cloud is the simulated cloud: its objects, the rules AWS enforces on
// them, and the operations that change them. It knows nothing of Terraform;
// the provider glue and any other front end drive it through Client.
package cloud

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a refusal by the simulated cloud, shaped like an EC2 API error so
// that users see the code and wording they would see from AWS.
type Error struct {
	// Code is the EC2 error code, such as "InvalidVpc.Range".
	Code string
	// Message is AWS's wording for the refusal.
	Message string
	// Fix is one sentence on how to change the request so that it succeeds.
	Fix string
	// Field names the argument at fault in the AWS provider's snake_case
	// spelling ("cidr_block"), or is empty when no single argument is.
	Field string
	// Objects are the objects the refusal concerns, the one asked about
	// first: IDs of objects in the cloud (or the ID the request gave, when
	// no such object exists), and descriptions of objects that another
	// resource of the same plan is to create and that have no ID yet. It is
	// empty only when the refusal is about a request's own values (a block
	// that is no CIDR, a reserved tag key), checked before any object is
	// looked up.
	Objects []string
	// Obstacle is the ID of the object already in the cloud that stands in
	// the way, when the refusal is caused by one (the subnet a new block
	// overlaps, the gateway a VPC already has); "" otherwise. Such an object
	// may be one the same plan destroys, or one that an interrupted apply
	// left behind, unknown to any state: the fix then says so (see
	// explainObstacle).
	Obstacle string
}

func (e *Error) Error() string {
	return e.Code + ": " + e.Message
}

// ErrorCode returns the AWS error code carried by err, or "" when err is not a
// refusal by the cloud (a storage failure, say).
func ErrorCode(err error) string {
	var ce *Error
	if errors.As(err, &ce) {
		return ce.Code
	}
	return ""
}

// IsNotFound reports whether err says that an object does not exist.
func IsNotFound(err error) bool {
	var ce *Error
	return errors.As(err, &ce) && isNotFoundCode(ce.Code)
}

// isNotFoundCode recognizes AWS's codes for missing objects: most end in
// ".NotFound"; some, such as NatGatewayNotFound, have no dot; the
// services other than EC2 add Fault (DBSubnetGroupNotFoundFault), and IAM's
// and CloudWatch Logs' are their own.
func isNotFoundCode(code string) bool {
	return strings.HasSuffix(strings.TrimSuffix(code, "Fault"), "NotFound") || code == "NoSuchEntity" || code == "ResourceNotFoundException"
}

// invalidParameter is AWS's refusal of a value that the request itself
// gives, field naming the argument in the provider.
func invalidParameter(field, message, fix string) *Error {
	return &Error{Code: "InvalidParameterValue", Message: message, Fix: fix, Field: field}
}

// invalidValue is invalidParameter in AWS's usual words, parameter being
// AWS's name of the argument.
func invalidValue(value, parameter, field, fix string) *Error {
	return invalidParameter(field, fmt.Sprintf("Value (%s) for parameter %s is invalid.", printable(value), parameter), fix)
}

// notVPCDefault refuses to adopt, as the VPC's what (its "main route
// table"), the object id, which is not.
func notVPCDefault(id, vpcID, what, field, fix string) *Error {
	return &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("%s is not the %s of %s.", id, what, vpcID),
		Fix:     fix,
		Field:   field,
		Objects: []string{id, vpcID},
	}
}

func notFound(kind Kind, id, field string) *Error {
	e := &Error{
		Code:    kind.notFoundCode,
		Message: fmt.Sprintf("The %s ID '%s' does not exist", kind.awsNoun, id),
		Fix:     fmt.Sprintf("Check the ID, or create the %s first; IDs are only valid in the account and region that created them.", kind.label),
		Field:   field,
		Objects: []string{printable(id)},
	}
	if kind.notFoundMessage != "" {
		e.Message, e.Fix = fmt.Sprintf(kind.notFoundMessage, id), kind.notFoundFix
	}
	return e
}

func malformedID(kind Kind, id, field string) *Error {
	if kind.namedByKey() {
		return &Error{
			Code:    kind.malformedCode,
			Message: fmt.Sprintf("%q is not the name of a %s", printable(id), kind.label),
			Fix:     fmt.Sprintf("Give the %s's ARN or name, such as a reference to the resource's id or arn attribute.", kind.label),
			Field:   field,
			Objects: []string{printable(id)},
		}
	}
	return &Error{
		Code:    kind.malformedCode,
		Message: fmt.Sprintf("Invalid id: %q (expecting %q)", id, kind.Prefix+"-..."),
		Fix:     fmt.Sprintf("Use a %s ID of the form %s- followed by 17 lowercase hexadecimal digits, such as a reference to the resource's id attribute.", kind.label, kind.Prefix),
		Field:   field,
		Objects: []string{printable(id)},
	}
}

// dependencyViolation refuses to delete id while dependents, IDs of other
// objects, still use it. what says how they do, when an ID alone would not
// tell ("its attachment to vpc-1"); nil shows the IDs.
func dependencyViolation(kind Kind, id string, dependents, what []string) *Error {
	if what == nil {
		what = dependents
	}
	return &Error{
		Code:    "DependencyViolation",
		Message: fmt.Sprintf("The %s '%s' has dependencies and cannot be deleted.", kind.awsNoun, id),
		Fix:     fmt.Sprintf("Delete or detach what still uses it first: %s.", joinIDs(what)),
		Objects: append([]string{id}, dependents...),
	}
}

func joinIDs(ids []string) string {
	const shown = 10
	out := ""
	for i, id := range ids {
		if i == shown {
			return out + fmt.Sprintf(" and %d more", len(ids)-shown)
		}
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}

// nonEmpty is the IDs among ids that are set and known: an object's own ID
// is "" until it exists, and Unknown at plan while another resource is to
// create it.
func nonEmpty(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && IsKnown(id) {
			out = append(out, id)
		}
	}
	return out
}

// OrphansCommand is the command that lists, and with --delete removes, the
// objects of the cloud that no Terraform state knows.
const OrphansCommand = "simcloud orphans"

// obstacleOf returns the obstacle of a refusal, or "".
func obstacleOf(err error) string {
	var ce *Error
	if errors.As(err, &ce) {
		return ce.Obstacle
	}
	return ""
}

// explainObstacle adds to the fix of a refusal caused by an object in the
// cloud what may have put that object there. removing says that the plan
// being checked destroys it. Without that knowledge the fix names both
// causes a user cannot see from the refusal alone: Terraform gives a destroy
// and an unrelated create no order, so a plan that renames a resource
// without a moved block checks the new object before or after it plans the
// old one's destroy; and a provider killed after the cloud committed a
// create but before Terraform recorded it leaves an object no state knows.
func explainObstacle(err error, removing bool) error {
	var ce *Error
	if !errors.As(err, &ce) || ce.Obstacle == "" {
		return err
	}
	explained := *ce
	rename := "if you renamed its resource, add a moved block (moved { from = <old address>, to = <new address> }) so that Terraform keeps the object; " +
		"otherwise remove the old resource in one apply and add the new one in the next."
	if removing {
		explained.Fix += fmt.Sprintf(" %s is being destroyed by this same plan, but Terraform does not order that destroy before this change: %s", ce.Obstacle, rename)
		return &explained
	}
	explained.Fix += fmt.Sprintf(" If this same plan destroys %s, Terraform does not order that destroy before this change: %s", ce.Obstacle, rename) +
		fmt.Sprintf(" If %s is not one you made, an interrupted apply may have left it behind: %s <state file> lists the objects no state knows, and --delete removes them.", ce.Obstacle, OrphansCommand)
	return &explained
}
