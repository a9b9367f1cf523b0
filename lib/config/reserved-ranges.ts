/**
 * Address ranges AWS keeps for its own management networks. A tier range (VPC, on-prem segment, telework
 * client pool) overlapping one of these breaks directories or desktops in ways that only show after
 * deployment, so the validator refuses them up front.
 */

export interface ReservedRange {
  cidr: string;
  owner: { en: string; ja: string };
  source: string;
}

export const RESERVED_RANGES: readonly ReservedRange[] = [
  {
    // "WorkSpaces Pools selects the IP address for the management network interface from the following
    // private IP address range: 198.19.0.0/16. Do not use this range for your VPC CIDR or peer your VPC
    // with another VPC with this range" — Amazon WorkSpaces Administration Guide,
    // "Connections to Your VPC for WorkSpaces Pools" (pools-port-requirements.html).
    cidr: '198.19.0.0/16',
    owner: {
      en: 'the WorkSpaces Pools management network',
      ja: 'WorkSpaces Pools の管理ネットワーク',
    },
    source: 'https://docs.aws.amazon.com/workspaces/latest/adminguide/pools-port-requirements.html',
  },
  {
    // "You cannot create a[n] AWS Managed Microsoft AD in a VPC using addresses in the 198.18.0.0/15
    // address space ... The management IP range of your directory's ETH0 network is 198.18.0.0/15."
    // — AWS Directory Service Administration Guide, "AWS Managed Microsoft AD prerequisites"
    // (ms_ad_getting_started_prereqs.html). WorkSpaces Personal also draws its management interface
    // (eth0) from ranges that include 198.18.0.0/15, so one check covers both.
    cidr: '198.18.0.0/15',
    owner: {
      en: 'the AWS Directory Service / WorkSpaces management network',
      ja: 'AWS Directory Service / WorkSpaces の管理ネットワーク',
    },
    source: 'https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_getting_started_prereqs.html',
  },
];
