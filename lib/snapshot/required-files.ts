/**
 * Which files the model needs, per account and Region: every required listing, and for each transit
 * gateway route table, Client VPN endpoint, customer-managed prefix list and Network Firewall the
 * per-id outputs. A missing one is never guessed around: the run stops with the exact command to paste.
 */
import * as path from 'path';
import { LISTINGS, commandLine, perIdSpec, type PerIdKind } from './catalogue';
import type { MissingFile } from './errors';
import { type RegionSnapshot } from './read-snapshot';
import { GONE, stateOf, str } from './snapshot-context';

export function missingFiles(snapshotRoot: string, regions: readonly RegionSnapshot[]): MissingFile[] {
  const out: MissingFile[] = [];
  for (const r of regions) {
    const where = (file: string): string => path.join(path.basename(snapshotRoot) === 'aws_configs' ? 'aws_configs' : snapshotRoot, r.folder, file);
    const account = r.account ? ` (account ${r.account}: use its profile, --profile NAME)` : '';
    for (const spec of LISTINGS) {
      if (spec.optional || r.listings.has(spec.kind)) continue;
      if (spec.kind === 'TransitGatewayVpcAttachments' && !hasVpcAttachments(r)) continue;
      out.push({ folder: r.folder, what: `${spec.key} of ${r.folder}${account}`, command: commandLine(spec.command, r.region, where(spec.file)) });
    }
    const need = (kind: PerIdKind, id: string, what: string): void => {
      if (r.perId.get(kind)?.has(id)) return;
      const spec = perIdSpec(kind);
      out.push({ folder: r.folder, what: `${what}${account}`, command: commandLine(spec.command(id), r.region, where(spec.file(kind === 'Firewall' ? id.split('/').pop() ?? id : id))) });
    };
    for (const t of r.listings.get('TransitGatewayRouteTables')?.items ?? []) {
      const id = str(t.TransitGatewayRouteTableId);
      if (!id || GONE.has(stateOf(t))) continue;
      need('TgwRouteTableAssociations', id, `associations of transit gateway route table ${id}`);
      need('TgwRouteTablePropagations', id, `propagations of transit gateway route table ${id}`);
      need('TgwRoutes', id, `routes of transit gateway route table ${id}`);
    }
    for (const c of r.listings.get('ClientVpnEndpoints')?.items ?? []) {
      const id = str(c.ClientVpnEndpointId);
      if (!id || GONE.has(stateOf(c))) continue;
      need('ClientVpnTargetNetworks', id, `target networks of Client VPN endpoint ${id}`);
      need('ClientVpnAuthorizationRules', id, `authorization rules of Client VPN endpoint ${id}`);
      need('ClientVpnRoutes', id, `routes of Client VPN endpoint ${id}`);
    }
    for (const p of r.listings.get('ManagedPrefixLists')?.items ?? []) {
      const id = str(p.PrefixListId);
      if (!id || p.OwnerId === 'AWS' || GONE.has(stateOf(p).replace('-complete', ''))) continue;
      need('PrefixListEntries', id, `entries of prefix list ${id}`);
    }
    for (const f of r.listings.get('Firewalls')?.items ?? []) {
      const arn = str(f.FirewallArn);
      if (arn) need('Firewall', arn, `subnets and endpoints of Network Firewall ${str(f.FirewallName) ?? arn}`);
    }
  }
  return out;
}

function hasVpcAttachments(r: RegionSnapshot): boolean {
  return (r.listings.get('TransitGatewayAttachments')?.items ?? []).some((a) => a.ResourceType === 'vpc' && !GONE.has(stateOf(a)));
}
