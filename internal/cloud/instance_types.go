package cloud

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// instanceFamilies are the current-generation instance families the
// simulated cloud launches, with their sizes, as the EC2 instance type
// catalogue lists them (https://aws.amazon.com/ec2/instance-types/). The
// cloud runs nothing: the type is only checked and stored.
var instanceFamilies = map[string][]string{
	"t2":  {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"},
	"t3":  {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"},
	"t3a": {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"},
	"t4g": {"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"},
	"m5":  {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal"},
	"m6i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal"},
	"m6g": {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"},
	"m7i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"},
	"m7g": {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"},
	"c5":  {"large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal"},
	"c6i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal"},
	"c6g": {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"},
	"c7i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"},
	"c7g": {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"},
	"r5":  {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal"},
	"r6i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal"},
	"r6g": {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"},
	"r7i": {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"},
}

// InstanceTypes lists every instance type the cloud knows, sorted.
func InstanceTypes() []string {
	var out []string
	for family, sizes := range instanceFamilies {
		for _, size := range sizes {
			out = append(out, family+"."+size)
		}
	}
	slices.Sort(out)
	return out
}

// ValidateInstanceType checks that t is an instance type the cloud knows,
// with AWS's error for one it does not (RunInstances' InvalidParameterValue).
func ValidateInstanceType(t, field string) error {
	family, size, _ := strings.Cut(t, ".")
	if slices.Contains(instanceFamilies[family], size) {
		return nil
	}
	fix := "Use a current instance type such as t3.micro or m6i.large; the simulated cloud knows the t2, t3, t3a, t4g, m5, m6i, m6g, m7i, m7g, c5, c6i, c6g, c7i, c7g, r5, r6i, r6g and r7i families."
	if sizes, ok := instanceFamilies[family]; ok {
		fix = fmt.Sprintf("The %s family comes in the sizes %s.", family, strings.Join(sizes, ", "))
	}
	return &Error{
		Code:    "InvalidParameterValue",
		Message: fmt.Sprintf("Invalid value '%s' for InstanceType.", printable(t)),
		Fix:     fix,
		Field:   field,
	}
}

// amiIDPattern is the shape of an AMI's ID: ami- and 8 or 17 lowercase
// hexadecimal digits.
var amiIDPattern = regexp.MustCompile(`^ami-([0-9a-f]{8}|[0-9a-f]{17})$`)

// ValidateAMIID checks the shape of an AMI's ID, with AWS's error for a
// malformed one (InvalidAMIID.Malformed). Whether the image exists is the
// AMI catalogue's to say.
func ValidateAMIID(id, field string) error {
	if amiIDPattern.MatchString(id) {
		return nil
	}
	return &Error{
		Code:    "InvalidAMIID.Malformed",
		Message: fmt.Sprintf("Invalid id: \"%s\" (expecting \"ami-...\")", printable(id)),
		Fix:     "Give an AMI ID: ami- followed by 8 or 17 lowercase hexadecimal digits, such as data.simcloud_ami.<name>.id.",
		Field:   field,
	}
}

// CheckArgumentChoice refuses a configuration that sets more than one of
// the arguments names, which AWS takes one of (InvalidParameterCombination),
// or, when required, none of them (MissingParameter). set holds the
// arguments the configuration gives a value, Unknown for one known only
// after apply (still set).
func CheckArgumentChoice(set map[string]string, required bool, names ...string) error {
	var given []string
	for _, n := range names {
		if _, ok := set[n]; ok {
			given = append(given, n)
		}
	}
	switch {
	case len(given) > 1:
		return &Error{
			Code:    "InvalidParameterCombination",
			Message: fmt.Sprintf("The parameters %s cannot be used together.", strings.Join(given, " and ")),
			Fix:     fmt.Sprintf("Keep one of %s.", strings.Join(given, " and ")),
			Field:   given[1],
		}
	case len(given) == 0 && required:
		return &Error{
			Code:    "MissingParameter",
			Message: fmt.Sprintf("The request must contain one of %s.", strings.Join(names, " or ")),
			Fix:     fmt.Sprintf("Give one of %s.", strings.Join(names, " or ")),
			Field:   names[0],
		}
	}
	return nil
}
