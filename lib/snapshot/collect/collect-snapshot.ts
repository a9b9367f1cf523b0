/**
 * `closed-telework snapshot --out DIR`: the same files the documented AWS CLI script writes, collected
 * through the AWS SDK for JavaScript v3 (EC2, Network Firewall, WorkSpaces, Directory Service), for every
 * profile (account) and Region asked for. Pages are followed to the end, throttling and 5xx answers are
 * retried by the SDK's adaptive retry, and a transit gateway route search that hits its 1,000-route limit
 * is split into narrower searches until each answer is complete.
 *
 * Nothing half-written: every answer is gathered first, then written to a fresh folder beside DIR and
 * renamed into place. A call that fails (permissions, an unknown Region, retries exhausted) stops the run
 * with the call and the IAM action named, and DIR is not created.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as EC2 from '@aws-sdk/client-ec2';
import { DescribeFirewallCommand, ListFirewallsCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { DescribeWorkspaceDirectoriesCommand, DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { DescribeDirectoriesCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { listingSpec, perIdSpec, type ListingKind, type PerIdKind } from '../catalogue';

export interface CollectTarget {
  /** A named profile of the shared AWS config; undefined: the standard credential chain. */
  profile?: string;
  region: string;
}

export interface CollectOptions {
  out: string;
  targets: CollectTarget[];
  /** One endpoint for every service (a local test server, a VPC interface endpoint proxy…). */
  endpointUrl?: string;
  /** For tests: the SDK retry strategy (default: adaptive, 10 attempts). */
  retryStrategy?: unknown;
  /** Called with one line per call (the command's progress line). */
  progress?: (line: string) => void;
}

export interface CollectResult {
  folders: string[];
  files: number;
  calls: number;
}

export class CollectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CollectError';
  }
}

type Json = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = new (input: any) => any;

interface Clients {
  ec2: EC2.EC2Client;
  firewall: NetworkFirewallClient;
  workspaces: WorkSpacesClient;
  ds: DirectoryServiceClient;
}

/** The EC2 listing calls: kind → command and the output's list member. */
const EC2_LISTINGS: Array<[ListingKind, AnyCommand, string]> = [
  ['Vpcs', EC2.DescribeVpcsCommand, 'Vpcs'],
  ['Subnets', EC2.DescribeSubnetsCommand, 'Subnets'],
  ['RouteTables', EC2.DescribeRouteTablesCommand, 'RouteTables'],
  ['NetworkAcls', EC2.DescribeNetworkAclsCommand, 'NetworkAcls'],
  ['SecurityGroups', EC2.DescribeSecurityGroupsCommand, 'SecurityGroups'],
  ['InternetGateways', EC2.DescribeInternetGatewaysCommand, 'InternetGateways'],
  ['EgressOnlyInternetGateways', EC2.DescribeEgressOnlyInternetGatewaysCommand, 'EgressOnlyInternetGateways'],
  ['NatGateways', EC2.DescribeNatGatewaysCommand, 'NatGateways'],
  ['VpnGateways', EC2.DescribeVpnGatewaysCommand, 'VpnGateways'],
  ['CustomerGateways', EC2.DescribeCustomerGatewaysCommand, 'CustomerGateways'],
  ['VpnConnections', EC2.DescribeVpnConnectionsCommand, 'VpnConnections'],
  ['VpcPeeringConnections', EC2.DescribeVpcPeeringConnectionsCommand, 'VpcPeeringConnections'],
  ['TransitGateways', EC2.DescribeTransitGatewaysCommand, 'TransitGateways'],
  ['TransitGatewayAttachments', EC2.DescribeTransitGatewayAttachmentsCommand, 'TransitGatewayAttachments'],
  ['TransitGatewayVpcAttachments', EC2.DescribeTransitGatewayVpcAttachmentsCommand, 'TransitGatewayVpcAttachments'],
  ['TransitGatewayRouteTables', EC2.DescribeTransitGatewayRouteTablesCommand, 'TransitGatewayRouteTables'],
  ['VpcEndpoints', EC2.DescribeVpcEndpointsCommand, 'VpcEndpoints'],
  ['ServiceConfigurations', EC2.DescribeVpcEndpointServiceConfigurationsCommand, 'ServiceConfigurations'],
  ['ManagedPrefixLists', EC2.DescribeManagedPrefixListsCommand, 'PrefixLists'],
  ['NetworkInterfaces', EC2.DescribeNetworkInterfacesCommand, 'NetworkInterfaces'],
  ['ClientVpnEndpoints', EC2.DescribeClientVpnEndpointsCommand, 'ClientVpnEndpoints'],
];

/** The IAM action each call needs, for the error a missing permission gets. */
function iamAction(command: AnyCommand): string {
  const name = command.name.replace(/Command$/, '');
  const service = command === ListFirewallsCommand || command === DescribeFirewallCommand ? 'network-firewall'
    : command === DescribeWorkspaceDirectoriesCommand || command === DescribeWorkspacesCommand ? 'workspaces'
      : command === DescribeDirectoriesCommand ? 'ds' : 'ec2';
  return `${service}:${name}`;
}

export async function collectSnapshot(options: CollectOptions): Promise<CollectResult> {
  const out = path.resolve(options.out);
  if (fs.existsSync(out) && (!fs.statSync(out).isDirectory() || fs.readdirSync(out).length > 0)) {
    throw new CollectError(`${out} already exists and is not an empty folder: give a new folder, so a snapshot never mixes two moments.`);
  }
  if (options.targets.length === 0) throw new CollectError('no Region: give --region (or set AWS_REGION / a profile with a region).');
  const files = new Map<string, Json>();
  const progress = options.progress ?? (() => undefined);
  let calls = 0;
  const seen = new Set<string>();
  const step = (t: CollectTarget, what: string): void => progress(`${t.profile ?? '(default credentials)'} ${t.region}: ${what}`);

  for (const target of options.targets) {
    const clients = makeClients(target, options);
    const call = async (command: AnyCommand, input: Json): Promise<Json> => {
      calls++;
      try {
        // Each client sends only its own service's commands (clientFor); the union type cannot say so.
        const client = clients[clientFor(command)] as unknown as { send(c: unknown): Promise<Json> };
        return await client.send(new command(input));
      } catch (err) {
        const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode;
        const denied = /AccessDenied|Unauthorized|UnrecognizedClient|InvalidClientTokenId|AuthFailure/i.test(e.name ?? '');
        throw new CollectError(
          `${target.profile ?? '(default credentials)'} ${target.region}: ${command.name.replace(/Command$/, '')} failed — ${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? String(err)}.` +
            (denied ? ` The identity needs the IAM action ${iamAction(command)} (the AWS managed policy ReadOnlyAccess covers every call).` : '') +
            ' Nothing was written.',
        );
      }
    };
    const pages = async (command: AnyCommand, input: Json, member: string, tokenIn = 'NextToken', tokenOut = 'NextToken'): Promise<Json[]> => {
      const items: Json[] = [];
      let token: string | undefined;
      do {
        const output = await call(command, { ...input, ...(token ? { [tokenIn]: token } : {}) });
        items.push(...((output[member] as Json[] | undefined) ?? []));
        token = output[tokenOut] as string | undefined;
      } while (token);
      return items;
    };

    // The account folder: the owner of the Region's security groups (every VPC has one).
    step(target, 'DescribeSecurityGroups');
    const groups = await pages(EC2.DescribeSecurityGroupsCommand, {}, 'SecurityGroups');
    const account = (groups.find((g) => typeof g.OwnerId === 'string')?.OwnerId as string | undefined) ?? undefined;
    if (!account) {
      progress(`${target.profile ?? '(default credentials)'} ${target.region}: no VPC in this Region — nothing to collect.`);
      continue;
    }
    const folder = `aws_configs/${account}/${target.region}`;
    if (seen.has(folder)) {
      progress(`${folder}: already collected through another profile — skipped.`);
      continue;
    }
    seen.add(folder);
    const put = (file: string, body: Json): void => void files.set(`${folder}/${file}`, body);
    const listings = new Map<ListingKind, Json[]>();
    for (const [kind, command, member] of EC2_LISTINGS) {
      step(target, command.name.replace(/Command$/, ''));
      const items = kind === 'SecurityGroups' ? groups : await pages(command, {}, member);
      listings.set(kind, items);
      put(listingSpec(kind).file, { [listingSpec(kind).key]: items });
    }
    const perId = (kind: PerIdKind, id: string, body: Json): void => put(perIdSpec(kind).file(id), body);
    for (const t of listings.get('TransitGatewayRouteTables') ?? []) {
      const id = t.TransitGatewayRouteTableId as string;
      if (['deleted', 'deleting'].includes(String(t.State))) continue;
      step(target, `transit gateway route table ${id}`);
      perId('TgwRouteTableAssociations', id, { Associations: await pages(EC2.GetTransitGatewayRouteTableAssociationsCommand, { TransitGatewayRouteTableId: id }, 'Associations') });
      perId('TgwRouteTablePropagations', id, { TransitGatewayRouteTablePropagations: await pages(EC2.GetTransitGatewayRouteTablePropagationsCommand, { TransitGatewayRouteTableId: id }, 'TransitGatewayRouteTablePropagations') });
      perId('TgwRoutes', id, { Routes: await searchAllRoutes(call, id), AdditionalRoutesAvailable: false });
    }
    for (const c of listings.get('ClientVpnEndpoints') ?? []) {
      const id = c.ClientVpnEndpointId as string;
      step(target, `Client VPN endpoint ${id}`);
      perId('ClientVpnTargetNetworks', id, { ClientVpnTargetNetworks: await pages(EC2.DescribeClientVpnTargetNetworksCommand, { ClientVpnEndpointId: id }, 'ClientVpnTargetNetworks') });
      perId('ClientVpnAuthorizationRules', id, { AuthorizationRules: await pages(EC2.DescribeClientVpnAuthorizationRulesCommand, { ClientVpnEndpointId: id }, 'AuthorizationRules') });
      perId('ClientVpnRoutes', id, { Routes: await pages(EC2.DescribeClientVpnRoutesCommand, { ClientVpnEndpointId: id }, 'Routes') });
    }
    for (const p of listings.get('ManagedPrefixLists') ?? []) {
      if (p.OwnerId === 'AWS') continue; // AWS service lists: their entries are AWS addresses, not read
      const id = p.PrefixListId as string;
      step(target, `prefix list ${id}`);
      perId('PrefixListEntries', id, { Entries: await pages(EC2.GetManagedPrefixListEntriesCommand, { PrefixListId: id }, 'Entries') });
    }
    step(target, 'network-firewall ListFirewalls');
    const firewalls = await pages(ListFirewallsCommand, {}, 'Firewalls');
    put(listingSpec('Firewalls').file, { Firewalls: firewalls });
    for (const f of firewalls) {
      step(target, `network-firewall DescribeFirewall ${String(f.FirewallName)}`);
      const d = await call(DescribeFirewallCommand, { FirewallArn: f.FirewallArn });
      perId('Firewall', String(f.FirewallName ?? f.FirewallArn), { UpdateToken: d.UpdateToken, Firewall: d.Firewall, FirewallStatus: d.FirewallStatus });
    }
    step(target, 'workspaces DescribeWorkspaceDirectories');
    put(listingSpec('WorkspaceDirectories').file, { Directories: await pages(DescribeWorkspaceDirectoriesCommand, {}, 'Directories') });
    step(target, 'workspaces DescribeWorkspaces');
    put(listingSpec('Workspaces').file, { Workspaces: await pages(DescribeWorkspacesCommand, {}, 'Workspaces') });
    step(target, 'ds DescribeDirectories');
    put(listingSpec('DirectoryDescriptions').file, { DirectoryDescriptions: await pages(DescribeDirectoriesCommand, {}, 'DirectoryDescriptions') });
    progress(`${folder}: ${[...files.keys()].filter((k) => k.startsWith(folder)).length} files`);
  }
  writeAtomically(out, files);
  return { folders: [...seen], files: files.size, calls };
}

function clientFor(command: AnyCommand): keyof Clients {
  if (command === ListFirewallsCommand || command === DescribeFirewallCommand) return 'firewall';
  if (command === DescribeWorkspaceDirectoriesCommand || command === DescribeWorkspacesCommand) return 'workspaces';
  if (command === DescribeDirectoriesCommand) return 'ds';
  return 'ec2';
}

function makeClients(target: CollectTarget, options: CollectOptions): Clients {
  const config = {
    region: target.region,
    ...(target.profile ? { profile: target.profile } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.retryStrategy ? { retryStrategy: options.retryStrategy as never } : { retryMode: 'adaptive', maxAttempts: 10 }),
  };
  return { ec2: new EC2.EC2Client(config), firewall: new NetworkFirewallClient(config), workspaces: new WorkSpacesClient(config), ds: new DirectoryServiceClient(config) };
}

/**
 * Every static and propagated route of a TGW route table. One search answers at most 1,000 routes
 * (AdditionalRoutesAvailable): then the address space is split in halves (route-search.subnet-of-match)
 * and each half searched again, until every answer is complete.
 */
async function searchAllRoutes(call: (c: AnyCommand, i: Json) => Promise<Json>, tableId: string): Promise<Json[]> {
  const found = new Map<string, Json>();
  const search = async (scope: string | undefined, depth: number): Promise<void> => {
    const filters = [{ Name: 'type', Values: ['static', 'propagated'] }, ...(scope ? [{ Name: 'route-search.subnet-of-match', Values: [scope] }] : [])];
    const output = await call(EC2.SearchTransitGatewayRoutesCommand, { TransitGatewayRouteTableId: tableId, Filters: filters, MaxResults: 1000 });
    const routes = (output.Routes as Json[] | undefined) ?? [];
    if (output.AdditionalRoutesAvailable !== true) {
      for (const r of routes) found.set(`${String(r.DestinationCidrBlock ?? r.PrefixListId)}|${String(r.Type)}`, r);
      return;
    }
    if (depth > 32) throw new CollectError(`transit gateway route table ${tableId}: more than 1,000 routes for one prefix; collect it by hand (docs/post-deploy.md).`);
    for (const half of halves(scope ?? '0.0.0.0/0')) await search(half, depth + 1);
  };
  await search(undefined, 0);
  return [...found.values()];
}

function halves(cidr: string): string[] {
  const [addr, len] = cidr.split('/');
  const n = Number(len);
  const base = addr.split('.').reduce((a, o) => (a << 8n) | BigInt(Number(o)), 0n);
  const size = 1n << BigInt(31 - n);
  const fmt = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
  return [`${fmt(base)}/${n + 1}`, `${fmt(base + size)}/${n + 1}`];
}

/** Writes every file into a fresh folder beside `out`, then renames it into place: all or nothing. */
function writeAtomically(out: string, files: Map<string, Json>): void {
  const staging = `${out}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, body] of files) {
      const file = path.join(staging, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(body, (k, v) => (k === '$metadata' ? undefined : v), 4)}\n`);
    }
    fs.mkdirSync(staging, { recursive: true });
    if (fs.existsSync(out)) fs.rmdirSync(out); // checked empty above
    fs.renameSync(staging, out);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
