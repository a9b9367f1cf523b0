/**
 * Reads a snapshot folder laid out as Batfish lays out AWS: `aws_configs/[<account>/]<region>/*.json`
 * (the folder given may be `aws_configs` itself or the folder that holds it). Each file is recognised by
 * its top-level key, never by its name; only per-id outputs take their id from the name. Nothing here
 * interprets the network: that is build-model.ts. A file that is not valid JSON, is one page of a
 * paginated answer, or holds a key twice with different content stops the run, naming the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LISTINGS, PER_ID, type ListingKind, type PerIdKind } from './catalogue';
import { InputError } from './errors';
import type { KnownUnusedOutput, UnusedOutputWhy } from '../model/coverage-note';

export type Json = Record<string, unknown>;

export interface SnapshotFile {
  file: string;
  body: Json;
}

/** The outputs of one account in one Region. */
export interface RegionSnapshot {
  /** The account folder's name (12 digits), or undefined for `aws_configs/<region>/`. */
  account?: string;
  region: string;
  /** The folder, relative to aws_configs (`123456789012/ap-northeast-1` or `ap-northeast-1`). */
  folder: string;
  dir: string;
  /** Listing outputs by kind: the items of the top-level array, with the file each came from. */
  listings: Map<ListingKind, { files: string[]; items: Json[] }>;
  /** Per-id outputs: kind → id → the bare output. */
  perId: Map<PerIdKind, Map<string, SnapshotFile>>;
  /** Files that are valid JSON but no output this reader uses (listed in the report's coverage notes). */
  unused: Array<{ file: string; why: UnusedOutputWhy }>;
}

export interface Snapshot {
  root: string;
  regions: RegionSnapshot[];
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** Finds the aws_configs folder and every account/Region folder below it. */
export function readSnapshot(dir: string): Snapshot {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new InputError(dir, 'no such directory. Give the folder written by `closed-telework snapshot --out DIR` or the aws_configs folder of your AWS CLI outputs (docs/post-deploy.md).');
  }
  if (!stat.isDirectory()) throw new InputError(dir, 'a snapshot is a directory (aws_configs/[<account>/]<region>/*.json), not a file.');
  const root = fs.existsSync(path.join(dir, 'aws_configs')) ? path.join(dir, 'aws_configs') : dir;
  const regions: RegionSnapshot[] = [];
  const entries = fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const name of entries) {
    if (REGION.test(name)) regions.push(readRegion(root, undefined, name));
    else if (ACCOUNT.test(name)) {
      const sub = fs.readdirSync(path.join(root, name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      for (const r of sub) {
        if (!REGION.test(r)) throw new InputError(path.join(root, name, r), `"${r}" is not a Region name (e.g. ap-northeast-1); the layout is aws_configs/<account>/<region>/*.json.`);
        regions.push(readRegion(root, name, r));
      }
    } else {
      throw new InputError(path.join(root, name), `"${name}" is neither an account id (12 digits) nor a Region name; the layout is aws_configs/[<account>/]<region>/*.json.`);
    }
  }
  if (regions.length === 0) {
    throw new InputError(root, 'no Region folder found. The layout is aws_configs/[<account>/]<region>/*.json (e.g. aws_configs/ap-northeast-1/vpcs.json); see docs/post-deploy.md for the commands.');
  }
  const noAccount = regions.filter((r) => !r.account);
  if (noAccount.length > 0 && noAccount.length < regions.length) {
    throw new InputError(root, 'some Region folders sit directly under aws_configs and others under an account folder: with several accounts, put every Region under its account (aws_configs/<account>/<region>/).');
  }
  return { root, regions };
}

const LISTING_BY_KEY = new Map<string, ListingKind>(LISTINGS.map((l) => [l.key, l.kind]));
const PER_ID_KEYS = new Set(PER_ID.map((p) => p.key));

/** Keys of outputs that are recognised but carry nothing the model reads. */
/** Outputs the reader recognises and leaves out on purpose (why: lib/report/i18n/coverage.{en,ja}.ts). */
const KNOWN_UNUSED: Record<string, KnownUnusedOutput> = {
  Reservations: 'instances',
  Addresses: 'addresses',
  FlowLogs: 'flow-logs',
  DhcpOptions: 'dhcp-options',
};

function readRegion(root: string, account: string | undefined, region: string): RegionSnapshot {
  const folder = account ? `${account}/${region}` : region;
  const dir = path.join(root, folder);
  const snap: RegionSnapshot = { account, region, folder, dir, listings: new Map(), perId: new Map(), unused: [] };
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.json')).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const body = parseJsonFile(file);
    classify(snap, file, name, body);
  }
  return snap;
}

export function parseJsonFile(file: string): Json {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot be read (${(err as Error).message}).`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // PowerShell's Out-File writes a BOM
  if (text.trim() === '') throw new InputError(file, 'is empty: the command that wrote it failed or was interrupted. Run it again (docs/post-deploy.md); nothing was verified.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((err as Error).message);
    throw new InputError(
      file,
      `is not valid JSON (${(err as Error).message})${truncated ? ' — the file is truncated: the command was interrupted or the disk filled' : ''}. Write it again with \`--output json\`; nothing was verified.`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(file, 'is not an AWS CLI output: expected a JSON object such as {"Vpcs": [...]} (use --output json without --query).');
  }
  return body as Json;
}

function classify(snap: RegionSnapshot, file: string, name: string, body: Json): void {
  const keys = Object.keys(body);
  if (typeof body.NextToken === 'string' || typeof body.nextToken === 'string') {
    throw new InputError(file, 'holds one page of a longer answer (NextToken is present): run the command again without --max-items / --no-paginate so the CLI collects every page.');
  }
  // describe-firewall: {UpdateToken, Firewall, FirewallStatus}.
  if (isObject(body.Firewall) && typeof body.Firewall.FirewallArn === 'string') {
    perIdMap(snap, 'Firewall').set(body.Firewall.FirewallArn, { file, body });
    return;
  }
  // Batfish's wrappers for per-id calls: [{ "<tgw-rtb-id>": <bare output> }, …].
  for (const [wrapper, kind] of [['TransitGatewayStaticRoutes', 'TgwRoutes'], ['TransitGatewayPropagations', 'TgwRouteTablePropagations']] as const) {
    if (!Array.isArray(body[wrapper])) continue;
    for (const el of body[wrapper] as unknown[]) {
      if (!isObject(el)) throw new InputError(file, `${wrapper} must be a list of {"<tgw-rtb-id>": <output>} objects.`);
      for (const [id, inner] of Object.entries(el)) {
        if (!isObject(inner)) throw new InputError(file, `${wrapper}["${id}"] is not a CLI output object.`);
        addPerId(snap, kind, id, file, inner);
      }
    }
    return;
  }
  const perIdKey = keys.find((k) => PER_ID_KEYS.has(k) && Array.isArray(body[k]));
  const listingKey = keys.find((k) => LISTING_BY_KEY.has(k) && Array.isArray(body[k]));
  if (listingKey === 'PrefixLists') {
    const items = body.PrefixLists as unknown[];
    // describe-prefix-lists (AWS service lists, `Cidrs`) shares the key with describe-managed-prefix-lists.
    if (items.some((i) => isObject(i) && Array.isArray(i.Cidrs)) && !items.some((i) => isObject(i) && 'AddressFamily' in i)) {
      snap.unused.push({ file, why: { kind: 'prefix-lists' } });
      return;
    }
  }
  if (listingKey === 'Routes' || perIdKey === 'Routes') {
    const id = /cvpn-endpoint-[0-9a-f]+/.exec(name)?.[0] ?? /tgw-rtb-[0-9a-f]+/.exec(name)?.[0];
    const routes = body.Routes as unknown[];
    const isClientVpn = routes.some((r) => isObject(r) && 'ClientVpnEndpointId' in r) || /cvpn-endpoint-/.test(name);
    if (!id) {
      throw new InputError(file, `holds ${isClientVpn ? 'Client VPN' : 'transit gateway'} routes but its name does not say whose: put the ${isClientVpn ? 'Client VPN endpoint id (cvpn-endpoint-…)' : 'route table id (tgw-rtb-…)'} in the file name, e.g. ${isClientVpn ? 'client-vpn-routes-cvpn-endpoint-0abc.json' : 'tgw-routes-tgw-rtb-0abc.json'}.`);
    }
    if (!isClientVpn && body.AdditionalRoutesAvailable === true) {
      throw new InputError(file, 'search-transit-gateway-routes stopped at its limit (AdditionalRoutesAvailable is true): the table has more routes than one answer holds. Split the search with narrower --filters (e.g. by route.prefix-length) into several files for the same table; nothing was verified.');
    }
    addPerId(snap, isClientVpn ? 'ClientVpnRoutes' : 'TgwRoutes', id, file, body);
    return;
  }
  if (perIdKey) {
    const spec = PER_ID.find((p) => p.key === perIdKey)!;
    const id = spec.idPattern.exec(name)?.[0];
    if (!id) throw new InputError(file, `is the output of \`${spec.command('<id>').split(' --')[0]}\` but its name does not contain the id it was run for; name it like ${spec.file(spec.kind === 'PrefixListEntries' ? 'pl-0abc' : spec.kind.startsWith('Tgw') ? 'tgw-rtb-0abc' : 'cvpn-endpoint-0abc')}.`);
    addPerId(snap, spec.kind, id, file, body);
    return;
  }
  if (listingKey) {
    const kind = LISTING_BY_KEY.get(listingKey)!;
    const slot = snap.listings.get(kind) ?? { files: [], items: [] };
    for (const item of body[listingKey] as unknown[]) {
      if (!isObject(item)) throw new InputError(file, `${listingKey} must be a list of objects; found ${JSON.stringify(item)}.`);
      slot.items.push(item);
    }
    slot.files.push(file);
    snap.listings.set(kind, slot);
    return;
  }
  const known = keys.find((k) => k in KNOWN_UNUSED);
  snap.unused.push({ file, why: known ? { kind: KNOWN_UNUSED[known] } : { kind: 'unknown-keys', keys } });
}

function perIdMap(snap: RegionSnapshot, kind: PerIdKind): Map<string, SnapshotFile> {
  let m = snap.perId.get(kind);
  if (!m) {
    m = new Map();
    snap.perId.set(kind, m);
  }
  return m;
}

function addPerId(snap: RegionSnapshot, kind: PerIdKind, id: string, file: string, body: Json): void {
  const m = perIdMap(snap, kind);
  const prev = m.get(id);
  const spec = PER_ID.find((p) => p.kind === kind)!;
  if (!prev) {
    m.set(id, { file, body });
    return;
  }
  // Several files for one id (a TGW table's routes searched in parts): their lists add up.
  const merged: Json = { ...prev.body };
  merged[spec.key] = [...((prev.body[spec.key] as unknown[]) ?? []), ...((body[spec.key] as unknown[]) ?? [])];
  m.set(id, { file: `${prev.file}, ${file}`, body: merged });
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
