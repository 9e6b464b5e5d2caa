package cloud

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// LogGroup is a CloudWatch Logs log group: a named place that logs (a flow
// log's records, say) are sent to. The simulated cloud keeps the group and
// its settings; it holds no log events.
type LogGroup struct {
	ARN             string
	OwnerID         string
	Region          string
	Name            string
	RetentionInDays int64
	KMSKeyID        string
	LogGroupClass   string
	CreationTime    string
	Tags            map[string]string
}

// LogGroupFilter selects log groups; empty fields match all.
type LogGroupFilter struct {
	ARN, Name string
	Tags      map[string]string
}

var KindLogGroup = Kind{
	Prefix: "log-group", awsNoun: "logGroup", label: "CloudWatch log group",
	notFoundCode: "ResourceNotFoundException", malformedCode: "InvalidParameterException",
	keyedBy: keyShape{service: "logs", resource: "log-group:"},
}

func (LogGroup) StoredKind() Kind         { return KindLogGroup }
func (g LogGroup) arn() string            { return g.ARN }
func (LogGroupFilter) FilteredKind() Kind { return KindLogGroup }

// LogRetentionDays are the retention periods CloudWatch Logs accepts; 0
// keeps events forever.
var LogRetentionDays = []int64{0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}

// LogGroupClasses are the classes of a log group.
var LogGroupClasses = []string{"STANDARD", "INFREQUENT_ACCESS", "DELIVERY"}

var logGroupNameChars = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]+$`)

// MaxLogGroupNamePrefixLength leaves room for the unique suffix the
// provider adds.
const MaxLogGroupNamePrefixLength = 512 - 26

func logsInvalid(field, message, fix string) *Error {
	return &Error{Code: "InvalidParameterException", Message: message, Fix: fix, Field: field}
}

// ValidateLogGroupName checks a log group's name (or, with a smaller
// maxLength, a prefix of one).
func ValidateLogGroupName(name, field string, maxLength int) error {
	if name == "" || len(name) > maxLength || !logGroupNameChars.MatchString(name) || strings.HasPrefix(name, "aws/") {
		return logsInvalid(field,
			fmt.Sprintf("1 validation error detected: Value '%s' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+", printable(name)),
			fmt.Sprintf("Use 1 to %d letters, digits and the characters . - _ / #; names starting with aws/ are AWS's.", maxLength))
	}
	return nil
}

// ValidateLogRetention checks retention_in_days against CloudWatch Logs'
// periods.
func ValidateLogRetention(days int64, field string) error {
	if !slices.Contains(LogRetentionDays, days) {
		var allowed []string
		for _, d := range LogRetentionDays {
			allowed = append(allowed, strconv.FormatInt(d, 10))
		}
		return logsInvalid(field,
			fmt.Sprintf("1 validation error detected: Value '%d' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [%s]", days, strings.Join(allowed[1:], ", ")),
			"Give one of "+strings.Join(allowed, ", ")+" (0 keeps events forever).")
	}
	return nil
}

// CheckLogGroupClass checks a log group's class.
func CheckLogGroupClass(class, field string) error {
	if !slices.Contains(LogGroupClasses, class) {
		return logsInvalid(field, fmt.Sprintf("Invalid log group class: %s", printable(class)), "Give STANDARD, INFREQUENT_ACCESS or DELIVERY.")
	}
	return nil
}

// LogGroupInput is a log group as CreateLogGroup and the updates take it.
type LogGroupInput struct {
	Name, KMSKeyID, LogGroupClass string
	RetentionInDays               int64
	Tags                          map[string]string
}

func (c *Client) logGroupRule(in LogGroupInput, selfARN string) Rule {
	return func(v View) error {
		if IsKnown(in.Name) {
			if err := ValidateLogGroupName(in.Name, "name", 512); err != nil {
				return err
			}
		}
		if err := ValidateLogRetention(in.RetentionInDays, "retention_in_days"); err != nil {
			return err
		}
		if err := CheckLogGroupClass(in.LogGroupClass, "log_group_class"); err != nil {
			return err
		}
		if in.KMSKeyID != "" && IsKnown(in.KMSKeyID) {
			if a, ok := parseARN(in.KMSKeyID); !ok || a.service != "kms" {
				return logsInvalid("kms_key_id", fmt.Sprintf("Specified KMS key ARN %s is not valid.", printable(in.KMSKeyID)),
					"Give the ARN of a KMS key, arn:aws:kms:<region>:<account>:key/<key ID>.")
			}
		}
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		name := Claim{Kind: ClaimLogGroupName, Scope: c.scope.AccountID + "/" + c.scope.Region, Value: in.Name}
		return nameTaken[LogGroup](v, c.scope, LogGroupFilter{Name: in.Name}, name, selfARN, func(holder, obstacle string) *Error {
			return &Error{Code: "ResourceAlreadyExistsException", Message: "The specified log group already exists",
				Fix:   fmt.Sprintf("Log group names are unique in a region, and %s has %s: choose another name, use name_prefix, or import the group.", holder, in.Name),
				Field: "name", Objects: []string{holder}, Obstacle: obstacle}
		})
	}
}

// CheckLogGroup runs at plan time the rules that creating (selfARN "") or
// updating a log group will meet at apply.
func (c *Client) CheckLogGroup(ctx context.Context, p *Plan, holder Holder, in LogGroupInput, selfARN string) error {
	return c.Check(ctx, p, holder, c.logGroupRule(in, selfARN), nameClaim(ClaimLogGroupName, c.scope.AccountID+"/"+c.scope.Region, in.Name)...)
}

func (s Scope) logGroupARN(name string) string {
	return fmt.Sprintf("arn:%s:logs:%s:%s:log-group:%s", partition(s.Region), s.Region, s.AccountID, name)
}

// CreateLogGroup creates a log group.
func (c *Client) CreateLogGroup(ctx context.Context, in LogGroupInput) (LogGroup, error) {
	g := LogGroup{ARN: c.scope.logGroupARN(in.Name), OwnerID: c.scope.AccountID, Region: c.scope.Region, Name: in.Name,
		RetentionInDays: in.RetentionInDays, KMSKeyID: in.KMSKeyID, LogGroupClass: in.LogGroupClass, CreationTime: now(), Tags: in.Tags}
	return createTagged(c, ctx, "CreateLogGroup", map[string]string{"log_group_name": in.Name}, c.logGroupRule(in, ""), g, g.ARN, in.Tags)
}

// UpdateLogGroup changes the retention, the key and the tags.
func (c *Client) UpdateLogGroup(ctx context.Context, name string, in LogGroupInput) (LogGroup, error) {
	find := func(tx ReadTx) (LogGroup, error) { return c.findLogGroup(tx, name) }
	return updateByARN(c, ctx, "PutRetentionPolicy", map[string]string{"log_group_name": name}, find, c.logGroupRule, in, func(g *LogGroup) {
		g.RetentionInDays, g.KMSKeyID, g.Tags = in.RetentionInDays, in.KMSKeyID, in.Tags
	}, in.Tags)
}

// LogGroup reads a log group by name (or ARN).
func (c *Client) LogGroup(ctx context.Context, name string) (LogGroup, error) {
	return readResult(ctx, c, "DescribeLogGroups", map[string]string{"log_group_name": name}, func(tx ReadTx) (LogGroup, error) {
		return c.findLogGroup(tx, name)
	})
}

func (c *Client) findLogGroup(tx ReadTx, nameOrARN string) (LogGroup, error) {
	filter := LogGroupFilter{Name: nameOrARN}
	if strings.HasPrefix(nameOrARN, "arn:") {
		filter = LogGroupFilter{ARN: strings.TrimSuffix(nameOrARN, ":*")}
	}
	g, ok, err := first[LogGroup](tx, c.scope, filter)
	if err != nil || ok {
		return g, err
	}
	return g, &Error{Code: "ResourceNotFoundException", Message: "The specified log group does not exist.",
		Fix:   "Check the name, or create the group (simcloud_cloudwatch_log_group) first; log groups are only found in their own region.",
		Field: "name", Objects: []string{printable(nameOrARN)}}
}

// DeleteLogGroup deletes a log group.
func (c *Client) DeleteLogGroup(ctx context.Context, name string) error {
	return c.write(ctx, "DeleteLogGroup", map[string]string{"log_group_name": name}, func(tx Tx) error {
		g, err := c.findLogGroup(tx, name)
		if err != nil {
			return err
		}
		return tx.Delete(KindLogGroup, g.ARN)
	})
}

func describeLogGroup(g LogGroup) Object { return Object{ID: g.ARN, Tags: g.Tags, Value: g} }
