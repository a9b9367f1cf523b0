/** UNMODELLED-RESOURCE: a resource that can carry or admit traffic but is not modelled by the engine (fail closed). */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

export const unmodelledResource: Rule = {
  id: 'UNMODELLED-RESOURCE',
  severity: 'error',
  acknowledgeable: true,
  title: 'Network resource not modelled / 検証対象外のネットワークリソース',
  citation: 'failClosed',
  summary: 'a type that can carry traffic and is not modelled (local gateways, Cloud WAN service insertion / routing policies / TGW peerings and route-table attachments, Lattice resource gateways and resource policies, RAM shares, Route 53 Resolver endpoints, AppStream app blocks, managed consoles with interfaces in a tier, any unknown `AWS::EC2::*`, any type on no reviewed list that names a VPC, subnet or security group…), a nested stack whose template is missing, a `Transform`, or a custom resource (`Custom::*`, `AWS::CloudFormation::CustomResource`) the engine does not know: its handler runs at deploy time with its own role. After reviewing the handler and role, acknowledge it in synth with the reason. Known: CDK\'s `Custom::VpcRestrictDefaultSG` (modelled: it only revokes the default group\'s rules) and this package\'s `Custom::WorkSpacesDirectoryHardening` (read as a WorkSpaces directory in the subnets its Settings name) and `Custom::AdConnector` (listed in the coverage notes), identified by type name',
  check({ model }) {
    return model.unmodelled.map((u) =>
      resourceFindingOf(this.id, this.severity, u.ref, this.citation, { key: 'unmodelled-resource', type: u.ref.type, id: u.ref.logicalId, reason: u.reason }),
    );
  },
};
