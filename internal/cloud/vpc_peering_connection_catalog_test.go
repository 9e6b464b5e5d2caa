package cloud_test

import (
	"testing"

	"github.com/simcloud/terraform-provider-simcloud/internal/cloud"
)

// peeringRefusals are the catalog's scenarios of VPC peering connections.
func peeringRefusals() []refusal {
	peerWith := func(n catalogNet) cloud.VPCPeeringInput {
		return cloud.VPCPeeringInput{VPCID: n.vpc.ID, PeerVPCID: n.otherVPC.ID}
	}
	return []refusal{
		lookup("VPC peering connection", "InvalidVpcPeeringConnectionID.NotFound", "pcx-0123456789abcdef0", func(c *cloud.Client, id string) error { return errOf(c.VPCPeering(bg, id)) }),
		lookup("VPC peering connection", "InvalidVpcPeeringConnectionID.Malformed", "pcx-1", func(c *cloud.Client, id string) error { return errOf(c.VPCPeering(bg, id)) }),
		{name: "second peering of one pair of VPCs", code: "VpcPeeringConnectionAlreadyExists", field: "peer_vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				first := must(c.CreateVPCPeering(bg, peerWith(n)))(t)
				// The other way round is the same pair.
				_, err := c.CreateVPCPeering(bg, cloud.VPCPeeringInput{VPCID: n.otherVPC.ID, PeerVPCID: n.vpc.ID})
				return []string{n.otherVPC.ID, n.vpc.ID, first.ID}, err
			}},
		{name: "second peering of one pair planned together", code: "VpcPeeringConnectionAlreadyExists", field: "peer_vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := cloud.NewPlan()
				noErr(t, c.CheckVPCPeering(bg, p, p.NewHolderNamed("the first peering"), peerWith(n)))
				return []string{n.vpc.ID, n.otherVPC.ID, "the first peering"}, c.CheckVPCPeering(bg, p, p.NewHolder(), peerWith(n))
			}},
		{name: "peering of overlapping VPCs", code: "InvalidParameterValue", field: "peer_vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				overlapping := mustCreateVPC(t, c, vpcInput("10.0.128.0/20"))
				return []string{n.vpc.ID, overlapping.ID}, errOf(c.CreateVPCPeering(bg, cloud.VPCPeeringInput{VPCID: n.vpc.ID, PeerVPCID: overlapping.ID}))
			}},
		{name: "peering of a VPC with itself", code: "InvalidParameterValue", field: "peer_vpc_id",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				return []string{n.vpc.ID}, errOf(c.CreateVPCPeering(bg, cloud.VPCPeeringInput{VPCID: n.vpc.ID, PeerVPCID: n.vpc.ID}))
			}},
		{name: "auto_accept of another account's VPC", code: "OperationNotPermitted", field: "auto_accept",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				in := peerWith(n)
				in.PeerOwnerID, in.AutoAccept = "210987654321", true
				return []string{n.vpc.ID, n.otherVPC.ID}, errOf(c.CreateVPCPeering(bg, in))
			}},
		{name: "options of a pending peering", code: "OperationNotPermitted",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := must(c.CreateVPCPeering(bg, peerWith(n)))(t)
				on := true
				return []string{p.ID}, errOf(c.ChangePeering(bg, p.ID, cloud.PeeringChange{RequesterAllowDNS: &on}))
			}},
		{name: "secondary block overlapping a peer's", code: "CidrConflict", field: "cidr_block",
			trigger: func(t *testing.T, c *cloud.Client, n catalogNet) ([]string, error) {
				p := must(c.CreateVPCPeering(bg, peerWith(n)))(t)
				return []string{n.vpc.ID, p.ID, n.otherVPC.ID}, errOf(c.AssociateVPCCIDRBlock(bg, n.vpc.ID, "10.1.128.0/20"))
			}},
	}
}
