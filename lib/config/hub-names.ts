/**
 * The names through which the prefecture hub and its member municipalities find each other across
 * accounts. CloudFormation cannot reference another account's stack, so each side publishes an id as an
 * SSM parameter (advanced tier: the only tier AWS RAM can share) and the other side reads it with a template
 * parameter of type `AWS::SSM::Parameter::Value<String>` whose default is the parameter's ARN. The proof
 * follows the same link (lib/model/resolve/ssm-parameters.ts), so the whole prefecture is judged in one model.
 * Pure TypeScript.
 */

/** The hub's Transit Gateway id, in the prefecture's account (shared with the member municipalities). */
export function hubTransitGatewayParameter(prefecture: string): string {
  return `/closed-telework/${prefecture}/hub/transit-gateway-id`;
}

/** The hub's route tables, read by the hub-routing stage in the same account. */
export function hubRouteTableParameter(prefecture: string, table: 'municipalities' | 'inspection'): string {
  return `/closed-telework/${prefecture}/hub/${table}-route-table-id`;
}

/** A municipality's attachment to the hub, in the municipality's account (shared with the prefecture). */
export function hubAttachmentParameter(prefecture: string, municipality: string): string {
  return `/closed-telework/${prefecture}/attachments/${municipality}`;
}

export function ssmParameterArn(region: string, account: string, name: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter${name.startsWith('/') ? name : `/${name}`}`;
}

/**
 * Private address space (RFC 1918 and the shared 100.64.0.0/10): blackholed in the municipalities' hub route
 * table, so a municipality can reach the internet through the hub but no other municipality — the routes
 * never carry private destinations to the inspection VPC, whose return routes know every municipality.
 */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'] as const;

/** What a municipality's internet tier needs to know to attach to its prefecture's hub. */
export interface PrefectureHubLink {
  prefecture: string;
  account: string;
  region: string;
}
