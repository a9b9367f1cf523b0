/**
 * Custom resource: an AD Connector from the tier VPC to the tier's on-prem Active Directory. AD Connector has
 * no CloudFormation resource type; the API is Directory Service ConnectDirectory.
 *
 * Same contract as ../directory-settings/handler.ts: this file is the Lambda handler and a plain module
 * the tests import; it imports only @aws-sdk/client-directory-service, @aws-sdk/client-secrets-manager (both
 * in the Lambda Node.js runtime) and the shared ../custom-resource/cloudformation-response.ts, and is
 * transpiled at synth time by ../custom-resource/handler-asset.ts. It answers CloudFormation itself (no Provider framework).
 *
 *  - Create: reads the service account (`{"username","password"}` JSON) from Secrets Manager BY ARN at run
 *    time — the password never appears in the template, the resource properties or the logs. If a connector
 *    that this resource created in an earlier attempt (same owner marker in its Description, same domain,
 *    subnets, size and DNS IPs, not failed or deleting) already exists, it is adopted; otherwise one is
 *    created. Then it waits (bounded by the Lambda's remaining time) until the connector is Active; Failed /
 *    Inoperable / timeout → FAILED with the reason. PhysicalResourceId = the directory id.
 *  - Update: every connector property is immutable here (ConnectDirectory has no update), so any change to
 *    the properties creates a NEW connector (new physical id) and CloudFormation deletes the old one after the
 *    update. The old connector is never adopted as the new one. Unchanged properties → nothing happens.
 *  - Delete: DeleteDirectory only for an AD Connector carrying this resource's owner marker; anything else
 *    (a foreign directory, a failed create's placeholder id, a directory already gone) is left alone. It NEVER
 *    fails a stack delete: a refusal is logged and reported as the reason, and the resource answers SUCCESS.
 */
import { MAX_REASON_LENGTH, respond, type CloudFormationRequest, type CloudFormationResponse } from '../custom-resource/cloudformation-response';
import {
  ConnectDirectoryCommand,
  DeleteDirectoryCommand,
  DescribeDirectoriesCommand,
  DirectoryServiceClient,
  type DirectoryDescription,
} from '@aws-sdk/client-directory-service';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The connector's desired state: the custom resource's properties (no secret material, only the ARN). */
export interface ConnectorProperties {
  DomainName: string;
  ShortName?: string;
  Size: 'Small' | 'Large';
  VpcId: string;
  SubnetIds: string[];
  CustomerDnsIps: string[];
  ServiceAccountSecretArn: string;
  /** Written to the connector's Description: marks it as created by THIS resource (adoption, delete). */
  OwnerMarker: string;
}

export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties: Record<string, unknown>;
  OldResourceProperties?: Record<string, unknown>;
}

export type FullEvent = CustomResourceEvent & CloudFormationRequest;

export interface Clients {
  ds: DirectoryServiceClient;
  secrets: SecretsManagerClient;
}

export type Logger = (message: string) => void;

export class AdConnectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdConnectorError';
  }
}

const DIRECTORY_ID = /^d-[0-9a-f]{10}$/;
/** Stages from which a connector can still become Active (adoptable). */
const PROGRESSING = new Set(['Requested', 'Creating', 'Created', 'Active', 'Updating']);
/** Stages that end a Create with FAILED. */
const BROKEN = new Set(['Failed', 'Inoperable', 'Deleting', 'Deleted', 'RestoreFailed']);

function str(v: unknown, name: string): string {
  if (typeof v !== 'string' || v.length === 0) throw new AdConnectorError(`ResourceProperties.${name} must be a non-empty string`);
  return v;
}

/** Parses and checks the properties: a malformed desired state is a deployment error, not a no-op. */
export function parseProperties(p: Record<string, unknown>): ConnectorProperties {
  const list = (v: unknown, name: string, min: number): string[] => {
    if (!Array.isArray(v) || v.length < min || v.some((x) => typeof x !== 'string')) {
      throw new AdConnectorError(`ResourceProperties.${name} must list at least ${min} strings`);
    }
    return v as string[];
  };
  const size = str(p.Size, 'Size');
  if (size !== 'Small' && size !== 'Large') throw new AdConnectorError(`ResourceProperties.Size must be Small or Large, got ${size}`);
  const secretArn = str(p.ServiceAccountSecretArn, 'ServiceAccountSecretArn');
  if (!/^arn:aws[a-z-]*:secretsmanager:/.test(secretArn)) throw new AdConnectorError('ResourceProperties.ServiceAccountSecretArn must be a Secrets Manager ARN');
  return {
    DomainName: str(p.DomainName, 'DomainName'),
    ShortName: typeof p.ShortName === 'string' && p.ShortName.length > 0 ? p.ShortName : undefined,
    Size: size,
    VpcId: str(p.VpcId, 'VpcId'),
    SubnetIds: list(p.SubnetIds, 'SubnetIds', 2),
    CustomerDnsIps: list(p.CustomerDnsIps, 'CustomerDnsIps', 2),
    ServiceAccountSecretArn: secretArn,
    OwnerMarker: str(p.OwnerMarker, 'OwnerMarker'),
  };
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { name?: string; message?: string };
    throw new AdConnectorError(`${what} failed: ${e.name ?? 'Error'}: ${e.message ?? String(err)}`);
  }
}

const sameSet = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  (a ?? []).length === b.length && b.every((x) => (a ?? []).includes(x));

/** True when two property sets describe the same connector (the secret ARN included: a new account = new connector). */
export function sameConnector(a: ConnectorProperties, b: ConnectorProperties): boolean {
  return (
    a.DomainName === b.DomainName &&
    (a.ShortName ?? '') === (b.ShortName ?? '') &&
    a.Size === b.Size &&
    a.VpcId === b.VpcId &&
    sameSet(a.SubnetIds, b.SubnetIds) &&
    sameSet(a.CustomerDnsIps, b.CustomerDnsIps) &&
    a.ServiceAccountSecretArn === b.ServiceAccountSecretArn &&
    a.OwnerMarker === b.OwnerMarker
  );
}

export async function listDirectories(ds: DirectoryServiceClient, ids?: string[]): Promise<DirectoryDescription[]> {
  const all: DirectoryDescription[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await call('DescribeDirectories', () => ds.send(new DescribeDirectoriesCommand({ DirectoryIds: ids, NextToken: token })));
    all.push(...(out.DirectoryDescriptions ?? []));
    token = out.NextToken;
    if (!token) break;
  }
  return all;
}

/** The connector this resource created earlier for exactly these properties, if any (adoption). */
export function findAdoptable(dirs: DirectoryDescription[], p: ConnectorProperties, exclude?: string): DirectoryDescription | undefined {
  return dirs.find(
    (d) =>
      d.DirectoryId !== exclude &&
      d.Type === 'ADConnector' &&
      d.Description === p.OwnerMarker &&
      d.Name?.toLowerCase() === p.DomainName.toLowerCase() &&
      d.Size === p.Size &&
      d.ConnectSettings?.VpcId === p.VpcId &&
      sameSet(d.ConnectSettings?.SubnetIds, p.SubnetIds) &&
      sameSet(d.DnsIpAddrs, p.CustomerDnsIps) &&
      PROGRESSING.has(d.Stage ?? ''),
  );
}

/** Reads the service account from Secrets Manager. The error never contains the secret's value. */
export async function readServiceAccount(secrets: SecretsManagerClient, arn: string): Promise<{ username: string; password: string }> {
  const out = await call(`GetSecretValue (${arn})`, () => secrets.send(new GetSecretValueCommand({ SecretId: arn })));
  let parsed: unknown;
  try {
    parsed = JSON.parse(out.SecretString ?? '');
  } catch {
    throw new AdConnectorError(`secret ${arn} must hold JSON {"username": "...", "password": "..."} (SecretString)`);
  }
  const o = parsed as { username?: unknown; password?: unknown };
  if (typeof o.username !== 'string' || o.username === '' || typeof o.password !== 'string' || o.password === '') {
    throw new AdConnectorError(`secret ${arn} must hold JSON {"username": "...", "password": "..."} with both non-empty`);
  }
  return { username: o.username, password: o.password };
}

/** Create (or replacement on Update): adopt or connect; returns the directory id. */
export async function createOrAdopt(p: ConnectorProperties, clients: Clients, log: Logger, exclude?: string): Promise<string> {
  const existing = findAdoptable(await listDirectories(clients.ds), p, exclude);
  if (existing?.DirectoryId) {
    log(`${existing.DirectoryId}: adopting the AD Connector for ${p.DomainName} created by an earlier attempt (${existing.Stage})`);
    return existing.DirectoryId;
  }
  const account = await readServiceAccount(clients.secrets, p.ServiceAccountSecretArn);
  const out = await call(`ConnectDirectory (${p.DomainName})`, () =>
    clients.ds.send(
      new ConnectDirectoryCommand({
        Name: p.DomainName,
        ShortName: p.ShortName,
        Password: account.password,
        Description: p.OwnerMarker,
        Size: p.Size,
        ConnectSettings: { VpcId: p.VpcId, SubnetIds: p.SubnetIds, CustomerDnsIps: p.CustomerDnsIps, CustomerUserName: account.username },
      }),
    ),
  );
  if (!out.DirectoryId) throw new AdConnectorError('ConnectDirectory returned no DirectoryId');
  log(`${out.DirectoryId}: AD Connector for ${p.DomainName} requested on ${p.SubnetIds.join(', ')}`);
  return out.DirectoryId;
}

/** One poll: true when Active; throws with the reason when the connector cannot become Active. */
export async function isActive(ds: DirectoryServiceClient, directoryId: string, log: Logger): Promise<boolean> {
  const dir = (await listDirectories(ds, [directoryId])).find((d) => d.DirectoryId === directoryId);
  if (!dir) {
    log(`${directoryId}: not visible yet; waiting`);
    return false;
  }
  if (dir.Stage === 'Active') return true;
  if (BROKEN.has(dir.Stage ?? '')) {
    throw new AdConnectorError(`AD Connector ${directoryId} is ${dir.Stage}${dir.StageReason ? `: ${dir.StageReason}` : ''}`);
  }
  return false;
}

/** Delete: only a connector carrying our owner marker. Returns what happened (the reason); never throws. */
export async function onDelete(event: CustomResourceEvent, ds: DirectoryServiceClient): Promise<string> {
  const id = event.PhysicalResourceId ?? '';
  try {
    if (!DIRECTORY_ID.test(id)) return `nothing to delete: ${id || '(no physical id)'} is not a directory id`;
    const marker = typeof event.ResourceProperties.OwnerMarker === 'string' ? event.ResourceProperties.OwnerMarker : undefined;
    const dir = (await listDirectories(ds, [id])).find((d) => d.DirectoryId === id);
    if (!dir || dir.Stage === 'Deleted' || dir.Stage === 'Deleting') return `${id}: already gone`;
    if (dir.Type !== 'ADConnector' || !marker || dir.Description !== marker) {
      return `${id}: left in place, it was not created by this resource (type ${dir.Type ?? '?'}, description ${JSON.stringify(dir.Description ?? '')})`;
    }
    await call(`DeleteDirectory (${id})`, () => ds.send(new DeleteDirectoryCommand({ DirectoryId: id })));
    return `${id}: deleted`;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'EntityDoesNotExistException' || /EntityDoesNotExistException/.test(e.message ?? '')) return `${id}: already gone`;
    return `${id}: left in place, delete refused: ${e.message ?? String(err)}`;
  }
}

/* ---- The whole request: create/adopt, wait, answer CloudFormation ---- */

export interface HandleOptions {
  /** Milliseconds left before the function must have answered. */
  remainingMs: () => number;
  pollIntervalMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs the request to completion and builds CloudFormation's answer. Never throws; Delete always SUCCESS. */
export async function handle(event: FullEvent, clients: Clients, log: Logger, options: HandleOptions): Promise<CloudFormationResponse> {
  const base = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  let physicalId = event.PhysicalResourceId ?? `failed-${event.RequestId}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  if (event.RequestType === 'Delete') {
    const reason = await onDelete(event, clients.ds);
    log(`delete: ${reason}`);
    return { ...base, Status: 'SUCCESS', Reason: reason.slice(0, MAX_REASON_LENGTH), PhysicalResourceId: physicalId };
  }
  try {
    const props = parseProperties(event.ResourceProperties);
    let directoryId: string;
    if (event.RequestType === 'Update' && event.PhysicalResourceId && DIRECTORY_ID.test(event.PhysicalResourceId)) {
      let old: ConnectorProperties | undefined;
      try {
        old = parseProperties(event.OldResourceProperties ?? {});
      } catch {
        old = undefined;
      }
      if (old && sameConnector(old, props)) {
        directoryId = event.PhysicalResourceId;
        log(`${directoryId}: properties unchanged`);
      } else {
        log(`${event.PhysicalResourceId}: immutable properties changed; creating a replacement connector`);
        directoryId = await createOrAdopt(props, clients, log, event.PhysicalResourceId);
      }
    } else {
      directoryId = await createOrAdopt(props, clients, log);
    }
    physicalId = directoryId;
    for (;;) {
      if (await isActive(clients.ds, directoryId, log)) {
        return { ...base, Status: 'SUCCESS', PhysicalResourceId: directoryId, Data: { DirectoryId: directoryId } };
      }
      if (options.remainingMs() < options.pollIntervalMs) {
        throw new AdConnectorError(`AD Connector ${directoryId} did not become Active in time; retry the deployment (an unfinished connector is adopted, not duplicated)`);
      }
      await sleep(options.pollIntervalMs);
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    log(`FAILED: ${reason}`);
    return { ...base, Status: 'FAILED', Reason: reason.slice(0, MAX_REASON_LENGTH), PhysicalResourceId: physicalId };
  }
}

/* ---- Lambda entry point ---- */

let lambdaClients: Clients | undefined;

export async function handler(event: FullEvent, context: { getRemainingTimeInMillis(): number }): Promise<void> {
  // Generous retries: a deployment should ride out throttling and 5xx, not fail on them.
  lambdaClients ??= { ds: new DirectoryServiceClient({ maxAttempts: 10 }), secrets: new SecretsManagerClient({ maxAttempts: 10 }) };
  const log: Logger = (m) => console.log(m);
  const response = await handle(event, lambdaClients, log, {
    remainingMs: () => context.getRemainingTimeInMillis() - 30_000,
    pollIntervalMs: 15_000,
  });
  log(`${response.Status} ${response.PhysicalResourceId}${response.Reason ? `: ${response.Reason}` : ''}`);
  await respond(event.ResponseURL, response);
}
