package cloud

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// InstanceStateRunning is the one state of a simulated instance: it is
// running from launch until it is terminated.
const InstanceStateRunning = "running"

// maxUserDataBytes is AWS's limit on an instance's user data.
const maxUserDataBytes = 16384

// Instance is an EC2 instance as the network sees it: what it was launched
// with, and its primary network interface, which carries its addresses and
// security groups. Nothing runs.
type Instance struct {
	ID               string
	OwnerID          string
	Region           string
	VPCID            string
	SubnetID         string
	AvailabilityZone string
	AMI              string
	InstanceType     string
	KeyName          string
	// UserData and UserDataBase64 are kept as given; at most one is set.
	UserData                  string
	UserDataBase64            string
	PrimaryNetworkInterfaceID string
	State                     string
	Tags                      map[string]string

	// What the primary interface says of the instance, filled in by the
	// store.
	PrivateIP        string
	PublicIP         string
	IPv6Addresses    []string
	SecurityGroupIDs []string
	// SecurityGroupNames are the names of SecurityGroupIDs, in their order,
	// filled in by the engine's reads of one instance.
	SecurityGroupNames []string
	SourceDestCheck    bool
	// DNSHostnames is the VPC's enable_dns_hostnames, which decides
	// whether the instance has a public DNS name.
	DNSHostnames bool
}

// InstanceFilter selects instances; empty fields match all.
type InstanceFilter struct {
	ID       string
	VPCID    string
	SubnetID string
	Tags     map[string]string
}

func (Instance) StoredKind() Kind         { return KindInstance }
func (InstanceFilter) FilteredKind() Kind { return KindInstance }
func (i Instance) ARN() string            { return ownedARN(i, i.OwnerID, i.Region, i.ID) }

// PrivateDNS is the instance's private DNS name, of the ip-name form AWS
// gives by default: ip-10-0-1-5.ec2.internal in us-east-1,
// ip-10-0-1-5.<region>.compute.internal elsewhere.
func (i Instance) PrivateDNS() string { return PrivateDNSName(i.Region, i.PrivateIP) }

// PublicDNS is the instance's public DNS name, "" without a public address
// or where the VPC gives no DNS hostnames.
func (i Instance) PublicDNS() string {
	if !i.DNSHostnames {
		return ""
	}
	return PublicDNSName(i.Region, i.PublicIP)
}

// PrivateDNSName is the private DNS name AWS gives an address of region.
func PrivateDNSName(region, ip string) string {
	if ip == "" {
		return ""
	}
	host := "ip-" + strings.ReplaceAll(ip, ".", "-")
	if region == "us-east-1" {
		return host + ".ec2.internal"
	}
	return host + "." + region + ".compute.internal"
}

// PublicDNSName is the public DNS name AWS gives a public address of region.
func PublicDNSName(region, ip string) string {
	if ip == "" {
		return ""
	}
	host := "ec2-" + strings.ReplaceAll(ip, ".", "-")
	if region == "us-east-1" {
		return host + ".compute-1.amazonaws.com"
	}
	return host + "." + region + ".compute.amazonaws.com"
}

// InstanceInput is the desired configuration of an instance.
type InstanceInput struct {
	AMI          string
	InstanceType string
	// SubnetID "" launches into the default VPC's subnet in
	// AvailabilityZone, or in the region's first zone, as AWS does.
	SubnetID         string
	AvailabilityZone string
	// PrivateIP "" lets the cloud choose the primary address.
	PrivateIP string
	// AssociatePublicIPAddress nil takes the subnet's
	// map_public_ip_on_launch.
	AssociatePublicIPAddress *bool
	// SecurityGroupIDs and SecurityGroupNames both empty mean the VPC's
	// default group; names are for the default VPC only, as in AWS.
	SecurityGroupIDs   []string
	SecurityGroupNames []string
	IPv6Addresses      []string
	IPv6AddressCount   int64
	SourceDestCheck    bool
	KeyName            string
	UserData           string
	UserDataBase64     string
	Tags               map[string]string
}

// instanceRule checks an instance's configuration: its image and type by
// their shape, its subnet (or the default VPC's), and what its primary
// interface will be. selfID is the instance's ID when it exists.
func (c *Client) instanceRule(in InstanceInput, selfID, selfInterface string) Rule {
	return func(v View) error {
		if IsKnown(in.AMI) {
			if err := ValidateAMIID(in.AMI, "ami"); err != nil {
				return err
			}
		}
		if IsKnown(in.InstanceType) {
			if err := ValidateInstanceType(in.InstanceType, "instance_type"); err != nil {
				return err
			}
		}
		if len(in.UserData) > maxUserDataBytes || len(in.UserDataBase64) > maxUserDataBytes*4/3+4 {
			return &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("User data is limited to %d bytes", maxUserDataBytes),
				Fix:     "Keep user_data under 16 KB: fetch larger scripts from storage at boot.",
				Field:   "user_data",
				Objects: nonEmpty(selfID),
			}
		}
		if err := ValidateTags(in.Tags, "tags_all"); err != nil {
			return err
		}
		if err := securityGroupCount(append(slices.Clone(in.SecurityGroupIDs), in.SecurityGroupNames...), "vpc_security_group_ids", selfID, in.SubnetID); err != nil {
			return err
		}
		if selfID == "" {
			if err := c.launchKeyRule(v, in.KeyName); err != nil {
				return err
			}
		}
		if !IsKnown(in.SubnetID) || !IsKnown(in.AvailabilityZone) {
			return nil
		}
		subnet, err := c.launchSubnet(v, in)
		if err != nil {
			return err
		}
		eni, err := c.primaryInterfaceInput(v, in, subnet)
		if err != nil {
			return err
		}
		return c.interfaceRule(eni, selfInterface)(v)
	}
}

// launchKeyRule refuses a launch with a key pair that neither exists in the
// account and region nor is imported by another resource of the plan, as
// RunInstances does. Only a launch needs it: a running instance keeps its
// key when the pair is deleted.
func (c *Client) launchKeyRule(v View, name string) error {
	if name == "" || !IsKnown(name) {
		return nil
	}
	if _, found, err := first[KeyPair](v, c.scope, KeyPairFilter{Name: name}); err != nil || found {
		return err
	}
	for _, cl := range v.Claimed(ClaimKeyPairName, c.scope.AccountID+"/"+c.scope.Region) {
		if cl.Value == name {
			return nil
		}
	}
	return &Error{Code: "InvalidKeyPair.NotFound", Message: fmt.Sprintf("The key pair '%s' does not exist", printable(name)), Field: "key_name",
		Fix: "Import the public key with simcloud_key_pair (and name it by reference, key_name = simcloud_key_pair.<name>.key_name), or leave key_name out."}
}

// launchSubnet is the subnet an instance launches into: the one given, or
// the default VPC's in the zone given (the region's first by default).
func (c *Client) launchSubnet(v ReadTx, in InstanceInput) (Subnet, error) {
	if in.SubnetID != "" {
		subnet, err := c.findSubnet(v, in.SubnetID, "subnet_id")
		if err != nil {
			return subnet, err
		}
		if in.AvailabilityZone != "" && in.AvailabilityZone != subnet.AvailabilityZone {
			return subnet, &Error{
				Code:    "InvalidParameterValue",
				Message: fmt.Sprintf("The availability zone %s does not match the zone %s of subnet %s.", in.AvailabilityZone, subnet.AvailabilityZone, subnet.ID),
				Fix:     "Leave availability_zone out: an instance launches in its subnet's zone.",
				Field:   "availability_zone",
				Objects: []string{subnet.ID},
			}
		}
		return subnet, nil
	}
	zone := in.AvailabilityZone
	if zone == "" {
		zone = AvailabilityZones(c.scope.Region)[0]
	} else if err := ValidateAvailabilityZone(c.scope.Region, zone); err != nil {
		return Subnet{}, err
	}
	vpc, ok, err := c.findDefaultVPC(v)
	if err != nil {
		return Subnet{}, err
	}
	if !ok {
		return Subnet{}, noDefaultVPC("No default VPC for this user", "subnet_id")
	}
	subnets, err := list[Subnet](v, c.scope, SubnetFilter{VPCID: vpc.ID, AvailabilityZone: zone})
	if err != nil {
		return Subnet{}, err
	}
	for _, s := range subnets {
		if IsDefaultSubnet(c.scope.Region, s.AvailabilityZone, s.CIDRBlock) {
			return s, nil
		}
	}
	return Subnet{}, &Error{
		Code:    "MissingInput",
		Message: fmt.Sprintf("No default subnet for availability zone: '%s'.", zone),
		Fix:     fmt.Sprintf("Give the instance a subnet_id, or create the default subnet of %s (simcloud_default_subnet).", zone),
		Field:   "subnet_id",
		Objects: []string{vpc.ID},
	}
}

// primaryInterfaceInput is what an instance's configuration asks of its
// primary interface: security group names resolved to IDs, the public
// address decided by the subnet where the input does not say.
func (c *Client) primaryInterfaceInput(v ReadTx, in InstanceInput, subnet Subnet) (NetworkInterfaceInput, error) {
	eni := NetworkInterfaceInput{
		SubnetID: subnet.ID, SecurityGroupIDs: slices.Clone(in.SecurityGroupIDs), IPv6Addresses: in.IPv6Addresses,
		IPv6AddressCount: in.IPv6AddressCount, SourceDestCheck: in.SourceDestCheck, AssignPublicIP: subnet.MapPublicIPOnLaunch,
	}
	if in.PrivateIP != "" {
		eni.PrivateIPs = []string{in.PrivateIP}
	}
	if in.AssociatePublicIPAddress != nil {
		eni.AssignPublicIP = *in.AssociatePublicIPAddress
	}
	if len(in.SecurityGroupNames) > 0 {
		vpc, err := c.findVPC(v, subnet.VPCID, "subnet_id")
		if err != nil {
			return eni, err
		}
		if !vpc.IsDefault {
			return eni, &Error{
				Code:    "InvalidParameterCombination",
				Message: "The parameter groupName cannot be used with the parameter subnet",
				Fix:     "In a VPC other than the default one, name security groups by ID: vpc_security_group_ids = [simcloud_security_group.<name>.id].",
				Field:   "security_groups",
				Objects: []string{subnet.ID},
			}
		}
		for _, name := range in.SecurityGroupNames {
			if !IsKnown(name) {
				continue
			}
			g, ok, err := first[SecurityGroup](v, c.scope, SecurityGroupFilter{VPCID: vpc.ID, GroupName: name})
			if err != nil {
				return eni, err
			}
			if !ok {
				return eni, &Error{
					Code:    "InvalidGroup.NotFound",
					Message: fmt.Sprintf("The security group '%s' does not exist in default VPC '%s'", printable(name), vpc.ID),
					Fix:     "Check the group's name, or name it by ID in vpc_security_group_ids.",
					Field:   "security_groups",
					Objects: []string{vpc.ID},
				}
			}
			if !slices.Contains(eni.SecurityGroupIDs, g.ID) {
				eni.SecurityGroupIDs = append(eni.SecurityGroupIDs, g.ID)
			}
		}
	}
	return eni, nil
}

// CheckInstance runs at plan time the rules launching (or, with selfID,
// changing) an instance will meet at apply, and claims the addresses of its
// primary interface.
func (c *Client) CheckInstance(ctx context.Context, p *Plan, holder Holder, in InstanceInput, selfID string) error {
	// What the primary interface claims depends on the subnet the launch
	// resolves to; a refusal on the way is the rule's to report.
	var claims []Claim
	selfInterface := ""
	err := c.read(ctx, "Check", map[string]string{"holder": string(holder)}, func(tx ReadTx) error {
		if selfID != "" {
			i, ok, err := get[Instance](tx, c.scope, selfID)
			if err != nil || !ok {
				return err
			}
			selfInterface = i.PrimaryNetworkInterfaceID
		}
		if !IsKnown(in.SubnetID) || !IsKnown(in.AvailabilityZone) {
			return nil
		}
		if subnet, err := c.launchSubnet(tx, in); err == nil {
			if eni, err := c.primaryInterfaceInput(tx, in, subnet); err == nil {
				claims = eni.claims(selfID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.Check(ctx, p, holder, c.instanceRule(in, selfID, selfInterface), claims...)
}

// RunInstance launches an instance with its primary network interface.
func (c *Client) RunInstance(ctx context.Context, in InstanceInput) (Instance, error) {
	inst := Instance{ID: newID(KindInstance), OwnerID: c.scope.AccountID, Region: c.scope.Region, AMI: in.AMI, InstanceType: in.InstanceType,
		KeyName: in.KeyName, UserData: in.UserData, UserDataBase64: in.UserDataBase64, State: InstanceStateRunning, Tags: in.Tags}
	ids := map[string]string{"instance_id": inst.ID, "subnet_id": in.SubnetID}
	err := c.apply(ctx, "RunInstances", ids, c.instanceRule(in, "", ""), func(tx Tx) error {
		subnet, err := c.launchSubnet(tx, in)
		if err != nil {
			return err
		}
		eniIn, err := c.primaryInterfaceInput(tx, in, subnet)
		if err != nil {
			return err
		}
		eniIn.Description = "Primary network interface"
		inst.VPCID, inst.SubnetID, inst.AvailabilityZone = subnet.VPCID, subnet.ID, subnet.AvailabilityZone
		eni, err := c.insertInterface(tx, eniIn, inst.ID, 0)
		if err != nil {
			return err
		}
		inst.PrimaryNetworkInterfaceID = eni.ID
		if err := insertTagged(tx, inst, inst.ID, inst.Tags); err != nil {
			return err
		}
		inst, err = c.describeInstance(tx, inst.ID)
		return err
	})
	return made(inst, err)
}

// Instance returns the instance with the given ID, with the names of its
// groups.
func (c *Client) Instance(ctx context.Context, id string) (Instance, error) {
	return readResult(ctx, c, "DescribeInstances", map[string]string{"instance_id": id}, func(tx ReadTx) (Instance, error) {
		return c.describeInstance(tx, id)
	})
}

func (c *Client) describeInstance(tx ReadTx, id string) (Instance, error) {
	inst, err := findStored[Instance](tx, c.scope, id, "id")
	if err != nil {
		return inst, err
	}
	for _, g := range inst.SecurityGroupIDs {
		group, ok, err := get[SecurityGroup](tx, c.scope, g)
		if err != nil {
			return inst, err
		}
		if ok {
			inst.SecurityGroupNames = append(inst.SecurityGroupNames, group.GroupName)
		}
	}
	return inst, nil
}

// FindInstances returns the instances that match filter.
func (c *Client) FindInstances(ctx context.Context, filter InstanceFilter) ([]Instance, error) {
	return Find[Instance](c, ctx, filter)
}

// UpdateInstance changes what ModifyInstanceAttribute changes of a running
// instance (its type, user data, security groups, source/destination check)
// and its tags. Its image, subnet and addresses are its own for life.
func (c *Client) UpdateInstance(ctx context.Context, id string, in InstanceInput) (Instance, error) {
	var inst Instance
	err := c.write(ctx, "ModifyInstanceAttribute", map[string]string{"instance_id": id}, func(tx Tx) error {
		var err error
		if inst, err = findStored[Instance](tx, c.scope, id, "id"); err != nil {
			return err
		}
		in.SubnetID, in.AvailabilityZone = inst.SubnetID, ""
		if err := c.instanceRule(in, id, inst.PrimaryNetworkInterfaceID)(applyView{tx}); err != nil {
			return err
		}
		eni, err := findStored[NetworkInterface](tx, c.scope, inst.PrimaryNetworkInterfaceID, "id")
		if err != nil {
			return err
		}
		subnet, err := c.findSubnet(tx, inst.SubnetID, "subnet_id")
		if err != nil {
			return err
		}
		eniIn, err := c.primaryInterfaceInput(tx, in, subnet)
		if err != nil {
			return err
		}
		if len(eniIn.SecurityGroupIDs) > 0 {
			eni.SecurityGroupIDs = slices.Sorted(slices.Values(eniIn.SecurityGroupIDs))
		}
		eni.SourceDestCheck = in.SourceDestCheck
		if err := tx.Update(eni); err != nil {
			return err
		}
		inst.InstanceType, inst.UserData, inst.UserDataBase64 = in.InstanceType, in.UserData, in.UserDataBase64
		if err := updateTagged(tx, inst, inst.ID, in.Tags); err != nil {
			return err
		}
		inst, err = c.describeInstance(tx, id)
		return err
	})
	return made(inst, err)
}

// TerminateInstance terminates an instance: its primary interface goes with
// it (and the elastic IP associated there is disassociated); other
// interfaces attached to it are detached.
func (c *Client) TerminateInstance(ctx context.Context, id string) error {
	return c.write(ctx, "TerminateInstances", map[string]string{"instance_id": id}, func(tx Tx) error {
		inst, err := findStored[Instance](tx, c.scope, id, "id")
		if err != nil {
			return err
		}
		enis, err := list[NetworkInterface](tx, c.scope, NetworkInterfaceFilter{InstanceID: id})
		if err != nil {
			return err
		}
		for _, eni := range enis {
			if eni.ID != inst.PrimaryNetworkInterfaceID {
				eni.InstanceID, eni.DeviceIndex, eni.AttachmentID = "", 0, ""
				if err := tx.Update(eni); err != nil {
					return err
				}
			}
		}
		if err := tx.Delete(KindInstance, id); err != nil {
			return err
		}
		return tx.Delete(KindNetworkInterface, inst.PrimaryNetworkInterfaceID)
	})
}

// instanceEndpoint resolves an instance into one end of a network path:
// its primary interface's.
func (c *Client) instanceEndpoint(tx ReadTx, id string) (Endpoint, error) {
	inst, err := findStored[Instance](tx, c.scope, id, "id")
	if err != nil {
		return Endpoint{}, err
	}
	ep, err := c.interfaceEndpoint(tx, inst.PrimaryNetworkInterfaceID)
	ep.ID, ep.Kind = inst.ID, "instance"
	return ep, err
}

// noDefaultVPC is the refusal of a launch or a group that names no subnet
// or VPC (field) in a region without a default VPC, in AWS's words for each:
// no object is involved.
func noDefaultVPC(message, field string) *Error {
	return &Error{
		Code:    "VPCIdNotSpecified",
		Message: message,
		Fix:     fmt.Sprintf("Give the %s, or create the region's default VPC (simcloud_default_vpc).", field),
		Field:   field,
	}
}
