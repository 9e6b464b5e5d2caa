package cloud

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Image is a public machine image (AMI) of the simulated cloud's built-in
// catalogue: the Ubuntu LTS images Canonical publishes and Amazon Linux's.
// Every region has the same images, each with IDs of its own that are
// derived from the region and the image's name, so they are stable across
// clouds and runs. No one makes or deletes images: the catalogue is what
// the aws_ami and aws_ami_ids lookups of a tutorial expect to find.
type Image struct {
	ID, Name, Description, Region string
	OwnerID                       string
	// OwnerAlias is "amazon" for Amazon's images and "" for Canonical's,
	// as DescribeImages reports them.
	OwnerAlias     string
	Architecture   string
	CreationDate   string
	BootMode       string
	IMDSSupport    string
	RootDeviceName string
	RootSnapshotID string
	VolumeSize     int64
	VolumeType     string
	// DeprecationTime is when AWS stopped listing the image by default;
	// "" for an image that is not deprecated.
	DeprecationTime string
}

// What every image of the catalogue has in common, as DescribeImages
// reports it for a public Linux EBS-backed AMI.
const (
	ImageVirtualizationType = "hvm"
	ImageRootDeviceType     = "ebs"
	ImageHypervisor         = "xen"
	ImageType               = "machine"
	ImageState              = "available"
	ImagePlatformDetails    = "Linux/UNIX"
	ImageUsageOperation     = "RunInstances"
	ImageSriovNetSupport    = "simple"
)

// The owners of the catalogue's images.
const (
	CanonicalAccountID = "099720109477"
	AmazonAccountID    = "137112412989"
)

// ARN is the image's ARN; AWS's images carry no account in it.
func (i Image) ARN() string {
	return fmt.Sprintf("arn:%s:ec2:%s::image/%s", partition(i.Region), i.Region, i.ID)
}

// ImageLocation is where the image was registered from, owner/name.
func (i Image) ImageLocation() string {
	if i.OwnerAlias != "" {
		return i.OwnerAlias + "/" + i.Name
	}
	return i.OwnerID + "/" + i.Name
}

// Deprecated says that the image's deprecation time has passed.
func (i Image) Deprecated(now time.Time) bool {
	if i.DeprecationTime == "" {
		return false
	}
	t, err := time.Parse(time.RFC3339, i.DeprecationTime)
	return err == nil && !t.After(now)
}

// imageSeries is one line of images that differ only by build: the name
// is the pattern with %s replaced by the architecture and the build, and
// each build was made on its date. deprecated lists the builds AWS no
// longer lists by default.
type imageSeries struct {
	pattern                func(arch, build string) string
	description            func(arch, build string) string
	owner, alias           string
	archs                  []string
	builds                 []imageBuild
	rootDevice, volumeType string
	volumeSize             int64
	bootMode               func(arch string) string
	imds                   string
}

type imageBuild struct {
	build, created, deprecated string
}

// ubuntuArch is the architecture as image names spell it.
func ubuntuArch(arch string) string {
	if arch == "x86_64" {
		return "amd64"
	}
	return arch
}

func uefiPreferred(arch string) string {
	if arch == "arm64" {
		return "uefi"
	}
	return "uefi-preferred"
}

// imageCatalogue is the catalogue of every region. Creation dates follow
// the builds (a build of 20241109 was made that day); the oldest builds of
// Ubuntu 24.04 and Amazon Linux 2023 are deprecated, so that
// include_deprecated has something to include.
var imageCatalogue = []imageSeries{
	{
		pattern: func(arch, build string) string {
			return fmt.Sprintf("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-%s-server-%s", ubuntuArch(arch), build)
		},
		description: func(arch, build string) string {
			return fmt.Sprintf("Canonical, Ubuntu, 24.04, %s noble image", ubuntuArch(arch))
		},
		owner: CanonicalAccountID, archs: []string{"x86_64", "arm64"},
		builds: []imageBuild{
			{build: "20240801", created: "2024-08-01T06:12:33.000Z", deprecated: "2025-04-01T00:00:00.000Z"},
			{build: "20241004", created: "2024-10-04T08:21:45.000Z"},
			{build: "20241109", created: "2024-11-09T04:57:58.000Z"},
		},
		rootDevice: "/dev/sda1", volumeType: "gp3", volumeSize: 8, bootMode: uefiPreferred,
	},
	{
		pattern: func(arch, build string) string {
			return fmt.Sprintf("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-%s-server-%s", ubuntuArch(arch), build)
		},
		description: func(arch, build string) string {
			return fmt.Sprintf("Canonical, Ubuntu, 22.04 LTS, %s jammy image build on %s-%s-%s", ubuntuArch(arch), build[:4], build[4:6], build[6:])
		},
		owner: CanonicalAccountID, archs: []string{"x86_64", "arm64"},
		builds: []imageBuild{
			{build: "20240701", created: "2024-07-01T09:33:12.000Z"},
			{build: "20240927", created: "2024-09-27T11:02:40.000Z"},
		},
		rootDevice: "/dev/sda1", volumeType: "gp2", volumeSize: 8, bootMode: func(string) string { return "" },
	},
	{
		pattern: func(arch, build string) string {
			return fmt.Sprintf("al2023-ami-2023.6.%s-kernel-6.1-%s", build, arch)
		},
		description: func(string, string) string { return "Amazon Linux 2023 AMI 2023.6 kernel-6.1" },
		owner:       AmazonAccountID, alias: "amazon", archs: []string{"x86_64", "arm64"},
		builds: []imageBuild{
			{build: "20241010.0", created: "2024-10-10T19:04:12.000Z", deprecated: "2025-01-08T19:04:00.000Z"},
			{build: "20241031.0", created: "2024-10-31T22:13:50.000Z"},
			{build: "20241111.0", created: "2024-11-11T20:54:03.000Z"},
		},
		rootDevice: "/dev/xvda", volumeType: "gp3", volumeSize: 8, bootMode: uefiPreferred, imds: "v2.0",
	},
	{
		pattern: func(arch, build string) string {
			return fmt.Sprintf("amzn2-ami-kernel-5.10-hvm-2.0.%s-%s-gp2", build, arch)
		},
		description: func(arch, build string) string {
			return fmt.Sprintf("Amazon Linux 2 Kernel 5.10 AMI 2.0.%s %s HVM gp2", build, arch)
		},
		owner: AmazonAccountID, alias: "amazon", archs: []string{"x86_64", "arm64"},
		builds: []imageBuild{
			{build: "20241001.0", created: "2024-10-01T17:41:07.000Z"},
			{build: "20241113.1", created: "2024-11-13T21:30:26.000Z"},
		},
		rootDevice: "/dev/xvda", volumeType: "gp2", volumeSize: 8, bootMode: func(string) string { return "" },
	},
}

// regionalImageID is the stable ID of the image or snapshot (kind "ami",
// "snap") of a name in a region.
func regionalImageID(kind, region, name string) string {
	sum := sha256.Sum256([]byte(kind + "|" + region + "|" + name))
	return kind + "-" + hex.EncodeToString(sum[:])[:idHexDigits]
}

// Images returns the catalogue of a region, its images ordered by
// creation date, newest first, as aws_ami_ids lists them by default.
func Images(region string) []Image {
	var images []Image
	for _, s := range imageCatalogue {
		for _, arch := range s.archs {
			for _, b := range s.builds {
				name := s.pattern(arch, b.build)
				images = append(images, Image{
					ID: regionalImageID("ami", region, name), Name: name, Description: s.description(arch, b.build), Region: region,
					OwnerID: s.owner, OwnerAlias: s.alias, Architecture: arch, CreationDate: b.created, BootMode: s.bootMode(arch),
					IMDSSupport: s.imds, RootDeviceName: s.rootDevice, RootSnapshotID: regionalImageID("snap", region, name),
					VolumeSize: s.volumeSize, VolumeType: s.volumeType, DeprecationTime: b.deprecated,
				})
			}
		}
	}
	SortImagesByCreation(images, false)
	return images
}

// SortImagesByCreation orders images by creation date, newest first unless
// ascending; images made at the same moment are ordered by ID.
func SortImagesByCreation(images []Image, ascending bool) {
	slices.SortStableFunc(images, func(a, b Image) int {
		c := cmp.Or(strings.Compare(a.CreationDate, b.CreationDate), strings.Compare(a.ID, b.ID))
		if ascending {
			return c
		}
		return -c
	})
}

// ImageQuery is what DescribeImages, through the aws_ami and aws_ami_ids
// data sources, selects images by.
type ImageQuery struct {
	// Owners are account IDs or the aliases self, amazon and
	// aws-marketplace; empty matches every owner.
	Owners  []string
	Filters []NamedFilter
	// NameRegex keeps the images whose name it matches (the AWS provider
	// applies it after DescribeImages).
	NameRegex         string
	IncludeDeprecated bool
}

// imageOwnerAliases are the aliases DescribeImages takes for owners.
var imageOwnerAliases = []string{"self", "amazon", "aws-marketplace", "aws-backup-vault"}

// ValidateImageOwner checks one of owners: a 12-digit account ID or one of
// DescribeImages' aliases.
func ValidateImageOwner(owner string) error {
	if slices.Contains(imageOwnerAliases, owner) || ValidateAccountID(owner) == nil {
		return nil
	}
	return &Error{Code: "InvalidUserID.Malformed", Message: fmt.Sprintf("Invalid user id: %q", printable(owner)),
		Fix:   "Give 12-digit account IDs (099720109477 for Canonical's Ubuntu images, 137112412989 for Amazon Linux) or one of the aliases self, amazon, aws-marketplace.",
		Field: "owners"}
}

// ValidateImageNameRegex checks name_regex.
func ValidateImageNameRegex(expr string) error {
	if _, err := regexp.Compile(expr); err != nil {
		return invalidParameter("name_regex", fmt.Sprintf("name_regex is not a valid regular expression: %v", err),
			"Write a Go (RE2) regular expression, such as ^al2023-ami-2023\\..*-x86_64$.")
	}
	return nil
}

// ownedBy says that the image belongs to owner, an account ID or alias.
// self is the caller's own account, which owns no image of the catalogue,
// and aws-marketplace's images are not simulated.
func (i Image) ownedBy(owner string) bool {
	return owner == i.OwnerID || owner != "" && owner == i.OwnerAlias
}

// DescribeImages returns the images of the client's region that the query
// selects, newest first.
func (c *Client) DescribeImages(q ImageQuery) ([]Image, error) {
	for _, o := range q.Owners {
		if err := ValidateImageOwner(o); err != nil {
			return nil, err
		}
	}
	var nameRegex *regexp.Regexp
	if q.NameRegex != "" {
		if err := ValidateImageNameRegex(q.NameRegex); err != nil {
			return nil, err
		}
		nameRegex = regexp.MustCompile(q.NameRegex)
	}
	now := time.Now()
	images := slices.DeleteFunc(Images(c.scope.Region), func(i Image) bool {
		switch {
		case len(q.Owners) > 0 && !slices.ContainsFunc(q.Owners, i.ownedBy):
			return true
		case !q.IncludeDeprecated && i.Deprecated(now):
			return true
		case nameRegex != nil && !nameRegex.MatchString(i.Name):
			return true
		}
		return false
	})
	return imageFilters.keep(images, q.Filters)
}

// CheckImageFilterName refuses a filter name DescribeImages does not take
// or the simulated cloud cannot answer.
func CheckImageFilterName(name string) error { return imageFilters.checkName(name) }

// imageFilters are the filters of DescribeImages that the catalogue
// answers; its images carry no tags.
var imageFilters = func() filterSet[Image] {
	is := func(v string) func(Image) []string { return always[Image](v) }
	root := func(i Image) []string { return one(i.RootDeviceName) }
	return filterSet[Image]{
		op: "DescribeImages",
		fields: map[string]func(Image) []string{
			"architecture":                               func(i Image) []string { return one(i.Architecture) },
			"block-device-mapping.device-name":           root,
			"block-device-mapping.snapshot-id":           func(i Image) []string { return one(i.RootSnapshotID) },
			"block-device-mapping.volume-size":           func(i Image) []string { return []string{fmt.Sprint(i.VolumeSize)} },
			"block-device-mapping.volume-type":           func(i Image) []string { return one(i.VolumeType) },
			"block-device-mapping.encrypted":             is("false"),
			"block-device-mapping.delete-on-termination": is("true"),
			"boot-mode":           func(i Image) []string { return one(i.BootMode) },
			"creation-date":       func(i Image) []string { return one(i.CreationDate) },
			"description":         func(i Image) []string { return one(i.Description) },
			"ena-support":         is("true"),
			"hypervisor":          is(ImageHypervisor),
			"image-id":            func(i Image) []string { return one(i.ID) },
			"image-type":          is(ImageType),
			"imds-support":        func(i Image) []string { return one(i.IMDSSupport) },
			"is-public":           is("true"),
			"manifest-location":   func(i Image) []string { return one(i.ImageLocation()) },
			"name":                func(i Image) []string { return one(i.Name) },
			"owner-alias":         func(i Image) []string { return one(i.OwnerAlias) },
			"owner-id":            func(i Image) []string { return one(i.OwnerID) },
			"platform-details":    is(ImagePlatformDetails),
			"root-device-name":    root,
			"root-device-type":    is(ImageRootDeviceType),
			"state":               is(ImageState),
			"sriov-net-support":   is(ImageSriovNetSupport),
			"usage-operation":     is(ImageUsageOperation),
			"virtualization-type": is(ImageVirtualizationType),
		},
	}
}()
