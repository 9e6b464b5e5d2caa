package cloud

// AttachedVPC is the VPC the gateway is attached to, "" while detached: what
// an attachment of either kind of gateway reads to tell whether it holds.
func (igw InternetGateway) AttachedVPC() string { return igw.VPCID }

// AttachedVPC is the VPC the gateway is attached to, "" while detached.
func (g VPNGateway) AttachedVPC() string { return g.VPCID }
