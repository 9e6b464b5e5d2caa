package cloud

import (
	"slices"
	"strconv"
)

// The filters of DescribeInstances and DescribeNetworkInterfaces that the
// simulated cloud answers, by AWS's names
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html).

// instanceStateCodeRunning is AWS's code of the running state.
const instanceStateCodeRunning = "16"

// InterfaceStatusInUse and InterfaceStatusAvailable are the statuses
// DescribeNetworkInterfaces reports of an attached and a detached interface.
const (
	InterfaceStatusInUse     = "in-use"
	InterfaceStatusAvailable = "available"
)

// Status is the interface's status as AWS reports it.
func (n NetworkInterface) Status() string {
	if n.InstanceID != "" {
		return InterfaceStatusInUse
	}
	return InterfaceStatusAvailable
}

func (Instance) describeFilters() filterSet[Instance] { return instanceFilters }

var instanceFilters = func() filterSet[Instance] {
	state := func(i Instance) []string { return one(i.State) }
	groups := func(i Instance) []string { return slices.Clone(i.SecurityGroupIDs) }
	return filterSet[Instance]{
		op: "DescribeInstances",
		fields: map[string]func(Instance) []string{
			"instance-id":         func(i Instance) []string { return one(i.ID) },
			"vpc-id":              func(i Instance) []string { return one(i.VPCID) },
			"subnet-id":           func(i Instance) []string { return one(i.SubnetID) },
			"availability-zone":   func(i Instance) []string { return one(i.AvailabilityZone) },
			"instance-state-name": state,
			"instance-state-code": func(i Instance) []string {
				if i.State == InstanceStateRunning {
					return []string{instanceStateCodeRunning}
				}
				return nil
			},
			"instance-type":      func(i Instance) []string { return one(i.InstanceType) },
			"image-id":           func(i Instance) []string { return one(i.AMI) },
			"key-name":           func(i Instance) []string { return one(i.KeyName) },
			"private-ip-address": func(i Instance) []string { return one(i.PrivateIP) },
			"ip-address":         func(i Instance) []string { return one(i.PublicIP) },
			"private-dns-name":   func(i Instance) []string { return one(i.PrivateDNS()) },
			"dns-name":           func(i Instance) []string { return one(i.PublicDNS()) },
			"owner-id":           func(i Instance) []string { return one(i.OwnerID) },
			"instance.group-id":  groups,
			"group-id":           groups,
			"tenancy":            always[Instance]("default"),
		},
		tags: func(i Instance) map[string]string { return i.Tags },
	}
}()

func (NetworkInterface) describeFilters() filterSet[NetworkInterface] { return networkInterfaceFilters }

var networkInterfaceFilters = func() filterSet[NetworkInterface] {
	privateIPs := func(n NetworkInterface) []string { return slices.Clone(n.PrivateIPs) }
	attached := func(value func(NetworkInterface) string) func(NetworkInterface) []string {
		return func(n NetworkInterface) []string {
			if n.InstanceID == "" {
				return nil
			}
			return []string{value(n)}
		}
	}
	return filterSet[NetworkInterface]{
		op: "DescribeNetworkInterfaces",
		fields: map[string]func(NetworkInterface) []string{
			"network-interface-id":         func(n NetworkInterface) []string { return one(n.ID) },
			"vpc-id":                       func(n NetworkInterface) []string { return one(n.VPCID) },
			"subnet-id":                    func(n NetworkInterface) []string { return one(n.SubnetID) },
			"availability-zone":            func(n NetworkInterface) []string { return one(n.AvailabilityZone) },
			"description":                  func(n NetworkInterface) []string { return one(n.Description) },
			"interface-type":               func(n NetworkInterface) []string { return one(n.InterfaceType) },
			"mac-address":                  func(n NetworkInterface) []string { return one(n.MACAddress) },
			"owner-id":                     func(n NetworkInterface) []string { return one(n.OwnerID) },
			"private-ip-address":           privateIPs,
			"addresses.private-ip-address": privateIPs,
			"private-dns-name":             func(n NetworkInterface) []string { return one(PrivateDNSName(n.Region, n.PrivateIP)) },
			"ipv6-addresses.ipv6-address":  func(n NetworkInterface) []string { return slices.Clone(n.IPv6Addresses) },
			"group-id":                     func(n NetworkInterface) []string { return slices.Clone(n.SecurityGroupIDs) },
			"source-dest-check":            func(n NetworkInterface) []string { return boolValue(n.SourceDestCheck) },
			"status":                       func(n NetworkInterface) []string { return []string{n.Status()} },
			"association.public-ip":        func(n NetworkInterface) []string { return one(n.PublicIP) },
			"association.allocation-id":    func(n NetworkInterface) []string { return one(n.AllocationID) },
			"attachment.instance-id":       attached(func(n NetworkInterface) string { return n.InstanceID }),
			"attachment.attachment-id":     attached(func(n NetworkInterface) string { return n.AttachmentID }),
			"attachment.device-index":      attached(func(n NetworkInterface) string { return strconv.FormatInt(n.DeviceIndex, 10) }),
			"attachment.status":            attached(func(NetworkInterface) string { return AttachmentStatusAttached }),
		},
		tags: func(n NetworkInterface) map[string]string { return n.Tags },
	}
}()
