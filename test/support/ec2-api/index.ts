/**
 * A local AWS for the snapshot collector: one HTTP server on 127.0.0.1 (random port) that answers
 *  - EC2 Query protocol (form-encoded `Action=…`, XML answers built from the SDK's schema, ec2-xml.ts),
 *  - Network Firewall JSON 1.0 (`X-Amz-Target: NetworkFirewall_20201112.<Op>`),
 *  - and forwards WorkSpaces and Directory Service JSON 1.1 requests to the existing local servers
 *    (test/support/workspaces-api, test/support/directory-service-api), so each protocol lives in one place.
 * Data comes from snapshot folders (aws_configs/<account>/<region>/, read with lib/snapshot's reader): the
 * account is chosen by the request's access key id, the Region by its SigV4 credential scope.
 *
 * Pagination: listings answer `pageSize` items per page with a NextToken; SearchTransitGatewayRoutes
 * answers at most `routeLimit` routes and sets AdditionalRoutesAvailable, and honours
 * `route-search.subnet-of-match`. Faults, consumed in order per operation: 'throttle' (EC2: 503
 * RequestLimitExceeded; JSON: 400 ThrottlingException), 'server-error' (500), 'denied' (403 / 400
 * UnauthorizedOperation, not retried).
 */
import * as http from 'http';
import { parseCidr } from '../../../lib/cidr/address-sets';
import { readSnapshot, type RegionSnapshot } from '../../../lib/snapshot/read-snapshot';
import type { ListingKind, PerIdKind } from '../../../lib/snapshot/catalogue';
import { sendJson, startLoopbackServer } from '../loopback-json-server';
import { ec2Error, ec2Response } from './ec2-xml';

export type Fault = 'throttle' | 'server-error' | 'denied';

export interface AwsLoopbackOptions {
  /** A snapshot folder (holding aws_configs/<account>/<region>/) the answers come from. */
  snapshot: string;
  /** Access key id → account id (the folder under aws_configs). */
  accounts: Record<string, string>;
  pageSize?: number;
  routeLimit?: number;
  faults?: Record<string, Fault[]>;
  /** Where WorkSpaces / Directory Service requests are forwarded. */
  workspacesEndpoint: string;
  directoryServiceEndpoint: string;
}

export interface RunningAwsLoopback {
  endpoint: string;
  /** Operations received, `<account> <region> <Op>`, faulted ones included. */
  log: string[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const LISTING_ACTIONS: Record<string, [ListingKind, string, boolean]> = {
  DescribeVpcs: ['Vpcs', 'Vpcs', true], DescribeSubnets: ['Subnets', 'Subnets', true], DescribeRouteTables: ['RouteTables', 'RouteTables', true],
  DescribeNetworkAcls: ['NetworkAcls', 'NetworkAcls', true], DescribeSecurityGroups: ['SecurityGroups', 'SecurityGroups', true],
  DescribeInternetGateways: ['InternetGateways', 'InternetGateways', true], DescribeEgressOnlyInternetGateways: ['EgressOnlyInternetGateways', 'EgressOnlyInternetGateways', true],
  DescribeNatGateways: ['NatGateways', 'NatGateways', true], DescribeVpnGateways: ['VpnGateways', 'VpnGateways', false],
  DescribeCustomerGateways: ['CustomerGateways', 'CustomerGateways', false], DescribeVpnConnections: ['VpnConnections', 'VpnConnections', false],
  DescribeVpcPeeringConnections: ['VpcPeeringConnections', 'VpcPeeringConnections', true], DescribeTransitGateways: ['TransitGateways', 'TransitGateways', true],
  DescribeTransitGatewayAttachments: ['TransitGatewayAttachments', 'TransitGatewayAttachments', true],
  DescribeTransitGatewayVpcAttachments: ['TransitGatewayVpcAttachments', 'TransitGatewayVpcAttachments', true],
  DescribeTransitGatewayRouteTables: ['TransitGatewayRouteTables', 'TransitGatewayRouteTables', true],
  DescribeVpcEndpoints: ['VpcEndpoints', 'VpcEndpoints', true], DescribeVpcEndpointServiceConfigurations: ['ServiceConfigurations', 'ServiceConfigurations', true],
  DescribeManagedPrefixLists: ['ManagedPrefixLists', 'PrefixLists', true], DescribeNetworkInterfaces: ['NetworkInterfaces', 'NetworkInterfaces', true],
  DescribeClientVpnEndpoints: ['ClientVpnEndpoints', 'ClientVpnEndpoints', true],
};

const PER_ID_ACTIONS: Record<string, [PerIdKind, string, string]> = {
  GetTransitGatewayRouteTableAssociations: ['TgwRouteTableAssociations', 'TransitGatewayRouteTableId', 'Associations'],
  GetTransitGatewayRouteTablePropagations: ['TgwRouteTablePropagations', 'TransitGatewayRouteTableId', 'TransitGatewayRouteTablePropagations'],
  DescribeClientVpnTargetNetworks: ['ClientVpnTargetNetworks', 'ClientVpnEndpointId', 'ClientVpnTargetNetworks'],
  DescribeClientVpnAuthorizationRules: ['ClientVpnAuthorizationRules', 'ClientVpnEndpointId', 'AuthorizationRules'],
  DescribeClientVpnRoutes: ['ClientVpnRoutes', 'ClientVpnEndpointId', 'Routes'],
  GetManagedPrefixListEntries: ['PrefixListEntries', 'PrefixListId', 'Entries'],
};

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function startAwsLoopback(options: AwsLoopbackOptions): Promise<RunningAwsLoopback> {
  const regions = new Map<string, RegionSnapshot>();
  for (const r of readSnapshot(options.snapshot).regions) regions.set(`${r.account}/${r.region}`, r);
  const pageSize = options.pageSize ?? 1000;
  const faults = Object.fromEntries(Object.entries(options.faults ?? {}).map(([k, v]) => [k, [...v]]));
  const log: string[] = [];
  let counter = 0;

  const who = (req: http.IncomingMessage): { account: string; region: string } => {
    const auth = String(req.headers.authorization ?? '');
    const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(auth);
    if (!m) throw new ApiError(403, 'AuthFailure', 'the request is not signed');
    const account = options.accounts[m[1]];
    if (!account) throw new ApiError(401, 'AuthFailure', `unknown access key ${m[1]}`);
    return { account, region: m[2] };
  };
  const fault = (op: string, json: boolean): void => {
    const f = faults[op]?.shift();
    if (f === 'throttle') throw json ? new ApiError(400, 'ThrottlingException', 'Rate exceeded') : new ApiError(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    if (f === 'server-error') throw json ? new ApiError(500, 'InternalServerError', 'internal error') : new ApiError(500, 'InternalError', 'An internal error has occurred');
    if (f === 'denied') throw json ? new ApiError(400, 'AccessDeniedException', 'not authorized') : new ApiError(403, 'UnauthorizedOperation', 'You are not authorized to perform this operation.');
  };

  const server = await startLoopbackServer((req, res, body) => {
    const requestId = `req-${++counter}`;
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target.startsWith('WorkspacesService.') || target.startsWith('DirectoryService_20150416.')) {
      try {
        const { account, region } = who(req);
        log.push(`${account} ${region} ${target.split('.')[1]}`);
        forward(target.startsWith('Workspaces') ? options.workspacesEndpoint : options.directoryServiceEndpoint, req, body, res);
      } catch (err) {
        const e = err as ApiError;
        sendJson(res, e.status, { __type: e.code, message: e.message });
      }
      return;
    }
    if (target.startsWith('NetworkFirewall_20201112.')) {
      const op = target.split('.')[1];
      try {
        const { account, region } = who(req);
        log.push(`${account} ${region} ${op}`);
        fault(op, true);
        const r = regions.get(`${account}/${region}`);
        const input = JSON.parse(body || '{}') as Json;
        if (op === 'ListFirewalls') {
          const all = r?.listings.get('Firewalls')?.items ?? [];
          const start = input.NextToken ? Number(String(input.NextToken).replace('page-', '')) : 0;
          const page = all.slice(start, start + pageSize);
          sendJson(res, 200, { Firewalls: page, ...(start + pageSize < all.length ? { NextToken: `page-${start + pageSize}` } : {}) });
        } else if (op === 'DescribeFirewall') {
          const f = r?.perId.get('Firewall')?.get(String(input.FirewallArn));
          if (!f) throw new ApiError(400, 'ResourceNotFoundException', `no firewall ${String(input.FirewallArn)}`);
          sendJson(res, 200, f.body);
        } else throw new ApiError(400, 'UnknownOperationException', op);
      } catch (err) {
        const e = err as ApiError;
        sendJson(res, e.status ?? 500, { __type: e.code ?? 'InternalServerError', message: e.message });
      }
      return;
    }
    const params = new URLSearchParams(body);
    const action = params.get('Action') ?? '';
    const reply = (status: number, xml: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/xml;charset=UTF-8', 'Content-Length': Buffer.byteLength(xml) });
      res.end(xml);
    };
    try {
      const { account, region } = who(req);
      log.push(`${account} ${region} ${action}`);
      fault(action, false);
      const r = regions.get(`${account}/${region}`);
      reply(200, ec2Response(action, answer(r, action, params, pageSize, options.routeLimit ?? 1000), requestId));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'InternalError', (err as Error).message);
      reply(e.status, ec2Error(e.code, e.message, requestId));
    }
  });
  return { endpoint: server.endpoint, log, close: server.close };
}

function answer(r: RegionSnapshot | undefined, action: string, params: URLSearchParams, pageSize: number, routeLimit: number): Json {
  const listing = LISTING_ACTIONS[action];
  if (listing) {
    const [kind, member, paged] = listing;
    const all = r?.listings.get(kind)?.items ?? [];
    if (!paged) return { [member]: all };
    const start = params.get('NextToken') ? Number(params.get('NextToken')!.replace('page-', '')) : 0;
    return { [member]: all.slice(start, start + pageSize), ...(start + pageSize < all.length ? { NextToken: `page-${start + pageSize}` } : {}) };
  }
  const perId = PER_ID_ACTIONS[action];
  if (perId) {
    const [kind, param, member] = perId;
    const id = params.get(param) ?? '';
    const body = r?.perId.get(kind)?.get(id)?.body;
    if (!body) throw new ApiError(400, 'InvalidParameterValue', `${param} ${id} does not exist`);
    const all = (body[member] as Json[]) ?? [];
    const start = params.get('NextToken') ? Number(params.get('NextToken')!.replace('page-', '')) : 0;
    return { [member]: all.slice(start, start + pageSize), ...(start + pageSize < all.length ? { NextToken: `page-${start + pageSize}` } : {}) };
  }
  if (action === 'SearchTransitGatewayRoutes') {
    const id = params.get('TransitGatewayRouteTableId') ?? '';
    const body = r?.perId.get('TgwRoutes')?.get(id)?.body;
    if (!body) throw new ApiError(400, 'InvalidRouteTableID.NotFound', `route table ${id} does not exist`);
    const filters = new Map<string, string[]>();
    for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
      const values: string[] = [];
      for (let j = 1; params.has(`Filter.${i}.Value.${j}`); j++) values.push(params.get(`Filter.${i}.Value.${j}`)!);
      filters.set(params.get(`Filter.${i}.Name`)!, values);
    }
    if (!filters.has('type') && !filters.has('state') && !filters.has('route-search.subnet-of-match')) throw new ApiError(400, 'MissingParameter', 'Filters are required');
    const scope = filters.get('route-search.subnet-of-match')?.[0];
    const within = scope ? parseCidr(scope) : undefined;
    const routes = ((body.Routes as Json[]) ?? []).filter((x) => {
      if (filters.has('type') && !filters.get('type')!.includes(String(x.Type))) return false;
      if (!within) return true;
      const c = parseCidr(x.DestinationCidrBlock);
      return !!c && c.lo >= within.lo && c.hi <= within.hi;
    });
    const limit = Math.min(Number(params.get('MaxResults') ?? 1000), routeLimit);
    return { Routes: routes.slice(0, limit), AdditionalRoutesAvailable: routes.length > limit };
  }
  throw new ApiError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
}

function forward(endpoint: string, req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
  const url = new URL(endpoint);
  const headers = { ...req.headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) };
  const up = http.request({ host: url.hostname, port: url.port, path: req.url, method: req.method, headers }, (r) => {
    res.writeHead(r.statusCode ?? 500, r.headers);
    r.pipe(res);
  });
  up.on('error', (err) => sendJson(res, 500, { __type: 'InternalFailure', message: err.message }));
  up.end(body);
}
