/**
 * Logging and retention as the templates configure them: VPC flow logs (and every tier VPC WITHOUT one),
 * Client VPN connection logs, CloudTrail trails, and S3 Object Lock on the buckets that keep the records.
 * Retention comes from the log group's RetentionInDays or the bucket's Object Lock default retention.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import { isTier, TIER_TAG_KEY } from '../../tiers/tier';
import { bool, num, ofType, prop, refId, resolveRef, sourceOf, str, tagsOf, tierOf, type Located } from './cfn';
import type { LogRecord } from './record';

function logGroupRetention(group: Located | undefined): { destination?: string; retentionDays?: number } {
  if (!group) return {};
  const name = str(prop(group, 'LogGroupName'));
  const days = num(prop(group, 'RetentionInDays'));
  return { destination: name ?? group.id, ...(days !== undefined ? { retentionDays: days } : {}) };
}

function objectLock(bucket: Located): LogRecord | undefined {
  const cfg = prop(bucket, 'ObjectLockConfiguration') as { ObjectLockEnabled?: unknown; Rule?: { DefaultRetention?: { Mode?: unknown; Days?: unknown; Years?: unknown } } } | undefined;
  const enabled = bool(prop(bucket, 'ObjectLockEnabled')) === true || cfg?.ObjectLockEnabled === 'Enabled';
  if (!enabled && cfg === undefined) return undefined;
  const retention = cfg?.Rule?.DefaultRetention;
  const days = num(retention?.Days) ?? (num(retention?.Years) !== undefined ? num(retention?.Years)! * 365 : undefined);
  return {
    kind: 'object-lock',
    source: sourceOf(bucket),
    destination: bucket.id,
    enabled,
    ...(str(retention?.Mode) ? { lockMode: str(retention?.Mode) } : {}),
    ...(days !== undefined ? { retentionDays: days } : {}),
  };
}

export function loggingRecords(templates: readonly LoadedTemplate[]): LogRecord[] {
  const out: LogRecord[] = [];
  const flowLogged = new Set<string>();
  for (const f of ofType(templates, 'AWS::EC2::FlowLog')) {
    const vpcId = refId(f, prop(f, 'ResourceId'));
    if (vpcId) flowLogged.add(`${f.t.stack}\0${vpcId}`);
    const toS3 = str(prop(f, 'LogDestinationType')) === 's3';
    const dest = toS3 ? { destination: refId(f, prop(f, 'LogDestination')) ?? 's3' } : logGroupRetention(resolveRef(f, prop(f, 'LogGroupName')) ?? resolveRef(f, prop(f, 'LogDestination')));
    const tier = tierOf(f, 'ResourceId');
    out.push({ kind: 'vpc-flow-logs', ...(tier ? { tier } : {}), source: sourceOf(f), enabled: true, ...dest, ...(str(prop(f, 'TrafficType')) ? { trafficType: str(prop(f, 'TrafficType')) } : {}) });
  }
  // A tier VPC with no flow log is recorded too, as switched off: the report must not be silent about it.
  for (const v of ofType(templates, 'AWS::EC2::VPC')) {
    const tier = tagsOf(v).get(TIER_TAG_KEY);
    if (!flowLogged.has(`${v.t.stack}\0${v.id}`)) out.push({ kind: 'vpc-flow-logs', ...(isTier(tier) ? { tier } : {}), source: sourceOf(v), enabled: false });
  }
  for (const e of ofType(templates, 'AWS::EC2::ClientVpnEndpoint')) {
    const opts = prop(e, 'ConnectionLogOptions') as { Enabled?: unknown; CloudwatchLogGroup?: unknown } | undefined;
    const enabled = bool(opts?.Enabled) === true;
    const group = resolveRef(e, opts?.CloudwatchLogGroup);
    const tier = tierOf(e);
    out.push({
      kind: 'client-vpn-connection-logs',
      ...(tier ? { tier } : {}),
      source: sourceOf(e),
      enabled,
      ...(group ? logGroupRetention(group) : str(opts?.CloudwatchLogGroup) ? { destination: str(opts?.CloudwatchLogGroup) } : {}),
    });
  }
  const lockedBuckets = new Set<string>();
  for (const trail of ofType(templates, 'AWS::CloudTrail::Trail')) {
    const bucket = resolveRef(trail, prop(trail, 'S3BucketName'));
    const group = resolveRef(trail, prop(trail, 'CloudWatchLogsLogGroupArn'));
    const retention = logGroupRetention(group);
    out.push({
      kind: 'cloudtrail',
      source: sourceOf(trail),
      enabled: bool(prop(trail, 'IsLogging')) !== false,
      destination: bucket?.id ?? str(prop(trail, 'S3BucketName')) ?? '?',
      ...(retention.retentionDays !== undefined ? { retentionDays: retention.retentionDays } : {}),
      ...(bool(prop(trail, 'IsMultiRegionTrail')) !== undefined ? { multiRegion: bool(prop(trail, 'IsMultiRegionTrail')) } : {}),
      ...(bool(prop(trail, 'EnableLogFileValidation')) !== undefined ? { logFileValidation: bool(prop(trail, 'EnableLogFileValidation')) } : {}),
    });
    if (bucket) {
      const lock = objectLock(bucket);
      lockedBuckets.add(`${bucket.t.stack}\0${bucket.id}`);
      // A trail bucket without Object Lock is recorded as switched off: the trail's integrity rests on it.
      out.push(lock ?? { kind: 'object-lock', source: sourceOf(bucket), destination: bucket.id, enabled: false });
    }
  }
  for (const b of ofType(templates, 'AWS::S3::Bucket')) {
    if (lockedBuckets.has(`${b.t.stack}\0${b.id}`)) continue;
    const lock = objectLock(b);
    if (lock) out.push(lock);
  }
  return out;
}
