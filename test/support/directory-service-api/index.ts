/**
 * A small local Directory Service + Secrets Manager API for tests: a real HTTP server on 127.0.0.1 (random
 * port) speaking AWS JSON 1.1 as @aws-sdk/client-directory-service and @aws-sdk/client-secrets-manager send it
 * (X-Amz-Target `DirectoryService_20150416.<Op>` / `secretsmanager.<Op>`, Content-Type
 * application/x-amz-json-1.1, errors `{"__type", "message"}`). Use it with the REAL SDK clients.
 *
 * Operations: ConnectDirectory (a connector goes Requested → Creating → Active, one stage per
 * `pollsPerStage` DescribeDirectories calls that see it; `failWith` makes it end in Failed with a reason),
 * DescribeDirectories (DirectoryIds filter, EntityDoesNotExistException for an unknown id, NextToken paging by
 * `pageSize`), DeleteDirectory (Deleted at once; EntityDoesNotExistException for an unknown id),
 * GetSecretValue (ResourceNotFoundException for an unknown ARN).
 *
 * Faults (seeded per operation, consumed in order): `faults: { DescribeDirectories: ['throttle', 'server-error'] }`
 * → the next two calls answer 400 ThrottlingException, then 500 ServiceException. `'client-error'` answers 400
 * ClientException (not retried by the SDK).
 */
import { sendJson, startLoopbackServer } from '../loopback-json-server';

export type Stage = 'Requested' | 'Creating' | 'Active' | 'Failed' | 'Inoperable' | 'Deleting' | 'Deleted';
export type Fault = 'throttle' | 'server-error' | 'client-error';

export interface DirectoryRecord {
  DirectoryId: string;
  Name: string;
  ShortName?: string;
  Description?: string;
  Size: string;
  Type: 'ADConnector' | 'MicrosoftAD' | 'SimpleAD';
  Stage: Stage;
  StageReason?: string;
  VpcId: string;
  SubnetIds: string[];
  DnsIpAddrs: string[];
  CustomerUserName?: string;
  /** Only for the tests' assertions: the password ConnectDirectory received. */
  receivedPassword?: string;
  /** DescribeDirectories calls that saw this directory in its current stage. */
  polls: number;
}

export interface DirectoryServiceServerOptions {
  directories?: Array<Partial<DirectoryRecord> & { DirectoryId: string }>;
  /** SecretString by secret ARN. */
  secrets?: Record<string, string>;
  /** DescribeDirectories calls per stage before a new connector advances (default 1). */
  pollsPerStage?: number;
  /** New connectors end in Failed with this StageReason instead of Active. */
  failWith?: string;
  /** New connectors never leave Creating (for the timeout test). */
  stuck?: boolean;
  faults?: Record<string, Fault[]>;
  pageSize?: number;
}

export interface RunningDirectoryService {
  endpoint: string;
  directories: Map<string, DirectoryRecord>;
  /** Requests received, by operation name, faulted ones included. */
  log: string[];
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, message: string) {
    super(message);
  }
}

const NEXT: Partial<Record<Stage, Stage>> = { Requested: 'Creating', Creating: 'Active' };

export async function startDirectoryService(options: DirectoryServiceServerOptions = {}): Promise<RunningDirectoryService> {
  const directories = new Map<string, DirectoryRecord>();
  for (const d of options.directories ?? []) {
    directories.set(d.DirectoryId, { Name: 'corp.example.lg.jp', Size: 'Small', Type: 'ADConnector', Stage: 'Active', VpcId: 'vpc-0', SubnetIds: [], DnsIpAddrs: [], polls: 0, ...d });
  }
  const secrets = options.secrets ?? {};
  const faults = Object.fromEntries(Object.entries(options.faults ?? {}).map(([k, v]) => [k, [...v]]));
  const pollsPerStage = options.pollsPerStage ?? 1;
  const log: string[] = [];
  let counter = 0;

  const describe = (d: DirectoryRecord) => ({
    DirectoryId: d.DirectoryId,
    Name: d.Name,
    ShortName: d.ShortName,
    Description: d.Description,
    Size: d.Size,
    Type: d.Type,
    Stage: d.Stage,
    StageReason: d.StageReason,
    DnsIpAddrs: d.DnsIpAddrs,
    ConnectSettings: d.Type === 'ADConnector' ? { VpcId: d.VpcId, SubnetIds: d.SubnetIds, CustomerUserName: d.CustomerUserName, SecurityGroupId: 'sg-0connector' } : undefined,
    VpcSettings: d.Type !== 'ADConnector' ? { VpcId: d.VpcId, SubnetIds: d.SubnetIds } : undefined,
  });

  const advance = (d: DirectoryRecord): void => {
    d.polls++;
    if (d.polls < pollsPerStage || (options.stuck && d.Stage === 'Creating')) return;
    if (d.Stage === 'Creating' && options.failWith) {
      d.Stage = 'Failed';
      d.StageReason = options.failWith;
      d.polls = 0;
      return;
    }
    const next = NEXT[d.Stage];
    if (next) {
      d.Stage = next;
      d.polls = 0;
    }
  };

  const ops: Record<string, (b: Record<string, any>) => unknown> = {
    'DirectoryService_20150416.ConnectDirectory': (b) => {
      const cs = b.ConnectSettings ?? {};
      if (!b.Name || !b.Password || !b.Size || !cs.VpcId || !Array.isArray(cs.SubnetIds) || !Array.isArray(cs.CustomerDnsIps) || !cs.CustomerUserName) {
        throw new ApiError(400, 'InvalidParameterException', 'Name, Password, Size and ConnectSettings (VpcId, SubnetIds, CustomerDnsIps, CustomerUserName) are required');
      }
      if (cs.SubnetIds.length !== 2) throw new ApiError(400, 'ClientException', 'AD Connector needs exactly two subnets in different Availability Zones');
      const id = `d-${(0x9000000000 + ++counter).toString(16).padStart(10, '0').slice(-10)}`;
      directories.set(id, {
        DirectoryId: id, Name: b.Name, ShortName: b.ShortName, Description: b.Description, Size: b.Size, Type: 'ADConnector', Stage: 'Requested',
        VpcId: cs.VpcId, SubnetIds: cs.SubnetIds, DnsIpAddrs: cs.CustomerDnsIps, CustomerUserName: cs.CustomerUserName, receivedPassword: b.Password, polls: 0,
      });
      return { DirectoryId: id };
    },
    'DirectoryService_20150416.DescribeDirectories': (b) => {
      const ids: string[] | undefined = b.DirectoryIds;
      for (const id of ids ?? []) if (!directories.has(id)) throw new ApiError(400, 'EntityDoesNotExistException', `Directory ${id} does not exist`);
      const all = [...directories.values()].filter((d) => (ids ? ids.includes(d.DirectoryId) : true) && d.Stage !== 'Deleted');
      all.forEach(advance);
      const size = options.pageSize ?? 100;
      const start = b.NextToken ? Number(b.NextToken) : 0;
      const page = all.slice(start, start + size);
      return { DirectoryDescriptions: page.map(describe), NextToken: start + size < all.length ? String(start + size) : undefined };
    },
    'DirectoryService_20150416.DeleteDirectory': (b) => {
      const d = directories.get(b.DirectoryId);
      if (!d || d.Stage === 'Deleted') throw new ApiError(400, 'EntityDoesNotExistException', `Directory ${b.DirectoryId} does not exist`);
      d.Stage = 'Deleted';
      return { DirectoryId: d.DirectoryId };
    },
    'secretsmanager.GetSecretValue': (b) => {
      const value = secrets[b.SecretId];
      if (value === undefined) throw new ApiError(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return { ARN: b.SecretId, Name: String(b.SecretId).split(':').pop(), SecretString: value, VersionId: 'v1', VersionStages: ['AWSCURRENT'], CreatedDate: 1700000000 };
    },
  };

  const send = sendJson;

  const server = await startLoopbackServer((req, res, raw) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = ops[target];
    log.push(target.split('.').pop() ?? target);
    if (req.method !== 'POST' || !op) return send(res, 400, { __type: 'UnknownOperationException', message: `Unknown operation ${target}` });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
      return send(res, 400, { __type: 'SerializationException', message: 'Content-Type must be application/x-amz-json-1.1' });
    }
    if (!req.headers.authorization) return send(res, 400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const fault = faults[target.split('.').pop() ?? '']?.shift();
    if (fault === 'throttle') return send(res, 400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
    if (fault === 'server-error') return send(res, 500, { __type: 'ServiceException', message: 'An exception has occurred in AWS Directory Service.' });
    if (fault === 'client-error') return send(res, 400, { __type: 'ClientException', message: 'A client exception has occurred.' });
    try {
      send(res, 200, op(raw ? JSON.parse(raw) : {}));
    } catch (err) {
      if (err instanceof ApiError) send(res, err.status, { __type: err.type, message: err.message });
      else send(res, 500, { __type: 'ServiceException', message: String(err) });
    }
  });
  return { endpoint: server.endpoint, directories, log, close: server.close };
}
