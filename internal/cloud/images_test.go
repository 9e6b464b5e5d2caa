package cloud_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// TestImageCatalogue: every region has the same images under IDs of its
// own, stable from one call to the next, ami- and 17 hex digits, newest
// first; the fixed attributes are those of a public Linux EBS-backed AMI.
func TestImageCatalogue(t *testing.T) {
	east, west := cloud.Images("us-east-1"), cloud.Images("eu-west-1")
	if len(east) == 0 || len(east) != len(west) {
		t.Fatalf("%d images in us-east-1, %d in eu-west-1", len(east), len(west))
	}
	if again := cloud.Images("us-east-1"); !slices.Equal(east, again) {
		t.Error("the catalogue changed from one call to the next")
	}
	ids := map[string]bool{}
	shape := regexp.MustCompile(`^ami-[0-9a-f]{17}$`)
	for i, image := range east {
		if !shape.MatchString(image.ID) || ids[image.ID] || image.ID == west[slices.IndexFunc(west, func(w cloud.Image) bool { return w.Name == image.Name })].ID {
			t.Errorf("image %s has ID %s: malformed, repeated, or the same in another region", image.Name, image.ID)
		}
		ids[image.ID] = true
		if i > 0 && east[i-1].CreationDate < image.CreationDate {
			t.Errorf("%s (%s) comes after an older image", image.Name, image.CreationDate)
		}
		if image.ARN() != "arn:aws:ec2:us-east-1::image/"+image.ID {
			t.Errorf("ARN %s", image.ARN())
		}
	}
}

// TestDescribeImagesTutorialFilters: the filters of AWS's tutorials find
// the images they expect, newest first, with AWS's wildcards, the owner
// aliases and name_regex; deprecated builds only when asked for.
func TestDescribeImagesTutorialFilters(t *testing.T) {
	c := freshClient(t)
	ubuntu := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{cloud.CanonicalAccountID},
		Filters: []cloud.NamedFilter{{Name: "name", Values: []string{"ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*"}}}}))(t)
	if len(ubuntu) != 4 || ubuntu[0].Name != "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241109" || ubuntu[0].Architecture != "x86_64" {
		t.Errorf("Ubuntu amd64 images: %v", names(ubuntu))
	}
	al := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{"amazon"},
		Filters: []cloud.NamedFilter{{Name: "name", Values: []string{"al2023-ami-2023.*-x86_64"}}}}))(t)
	if len(al) != 2 || al[0].Name != "al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64" || al[0].OwnerID != cloud.AmazonAccountID || al[0].OwnerAlias != "amazon" {
		t.Errorf("Amazon Linux 2023 x86_64 images: %v", names(al))
	}
	withDeprecated := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{"amazon"}, IncludeDeprecated: true,
		Filters: []cloud.NamedFilter{{Name: "name", Values: []string{"al2023-ami-2023.*-x86_64"}}}}))(t)
	if len(withDeprecated) != 3 || withDeprecated[2].DeprecationTime == "" {
		t.Errorf("with the deprecated builds: %v", names(withDeprecated))
	}
	// ? stands for one character: the 22.04 and 24.04 releases.
	question := must(c.DescribeImages(cloud.ImageQuery{Filters: []cloud.NamedFilter{{Name: "name", Values: []string{"ubuntu/images/*/ubuntu-*-2?.04-arm64-server-*"}},
		{Name: "architecture", Values: []string{"arm64"}}}}))(t)
	if len(question) != 4 {
		t.Errorf("arm64 Ubuntu images: %v", names(question))
	}
	amzn2 := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{cloud.AmazonAccountID}, NameRegex: `^amzn2-ami-kernel-5\.10-hvm-.*-x86_64-gp2$`}))(t)
	if len(amzn2) != 2 || amzn2[0].Name != "amzn2-ami-kernel-5.10-hvm-2.0.20241113.1-x86_64-gp2" {
		t.Errorf("Amazon Linux 2 by name_regex: %v", names(amzn2))
	}
	if self := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{"self"}}))(t); len(self) != 0 {
		t.Errorf("the account owns no images, yet self finds %v", names(self))
	}
	if canonical := must(c.DescribeImages(cloud.ImageQuery{Owners: []string{"amazon"}, Filters: []cloud.NamedFilter{{Name: "name", Values: []string{"ubuntu*"}}}}))(t); len(canonical) != 0 {
		t.Errorf("Canonical's images are not Amazon's: %v", names(canonical))
	}
	for _, bad := range []struct {
		q    cloud.ImageQuery
		code string
	}{
		{cloud.ImageQuery{Owners: []string{"canonical"}}, "InvalidUserID.Malformed"},
		{cloud.ImageQuery{Filters: []cloud.NamedFilter{{Name: "image-name", Values: []string{"x"}}}}, "InvalidParameterValue"},
		{cloud.ImageQuery{NameRegex: "("}, "InvalidParameterValue"},
	} {
		if _, err := c.DescribeImages(bad.q); cloud.ErrorCode(err) != bad.code {
			t.Errorf("%+v: %v, want %s", bad.q, err, bad.code)
		}
	}
}

func names(images []cloud.Image) []string {
	var out []string
	for _, i := range images {
		out = append(out, i.Name)
	}
	return out
}
