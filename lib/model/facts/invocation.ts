/**
 * Who can invoke code attached to a tier. A Lambda function with VpcConfig runs inside the tier's subnets;
 * a function URL with AuthType NONE, or a resource policy for principal "*", lets anyone on the internet
 * run it — an entry into the tier that has no route, so packet reachability alone never sees it.
 * Functions without VpcConfig are recorded too: they run outside any VPC, with internet access, which
 * matters when a tier can invoke them (service-relays.ts).
 */
import type { ResourceEntry } from '../resolve/resolver';
import { isPlainObject, ResRef, show, Unresolved } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import type { PublicInvokeSurface } from './service-facts';
import { reason } from '../reason';

const FUNCTION_TYPES = ['AWS::Lambda::Function'];
/** Types that stand for a function: an alias or version points to its function through FunctionName. */
const POINTER_TYPES = ['AWS::Lambda::Alias', 'AWS::Lambda::Version'];

/** The function keys an expression names, following aliases and versions (fail closed on anything else). */
export function functionKeys(entry: ResourceEntry, ctx: ExtractContext, property: string, expr: unknown): string[] {
  const out = new Set<string>();
  // `expr` is a template expression, or a value already resolved (a reference inside a resolved list).
  const values = expr instanceof ResRef || expr instanceof Unresolved ? [expr] : ctx.resolver.resolve(entry.stack, expr);
  const keys = ctx.refKeys(entry, property, values);
  for (const k of keys) {
    const type = ctx.typeOf(k);
    if (type && FUNCTION_TYPES.includes(type)) out.add(k);
    else if (type && POINTER_TYPES.includes(type)) {
      const ptr = ctx.resolver.resources.get(k);
      if (ptr) for (const f of functionKeys(ptr, ctx, 'FunctionName', ptr.resource.Properties?.FunctionName)) out.add(f);
    } else ctx.unresolved(entry, property, reason('invoke-wrong-reference', type === undefined ? { ref: k } : { ref: k, type }));
  }
  return [...out];
}

export const lambdaFunctionExtractor: Extractor = {
  types: FUNCTION_TYPES,
  phase: 2,
  extract(entry, ctx) {
    const vc = ctx.resolver.prop(entry, 'VpcConfig');
    const subnets = new Set<string>();
    for (const v of vc) {
      if (!isPlainObject(v) || v.SubnetIds === undefined) continue;
      for (const s of ctx.refKeys(entry, 'VpcConfig.SubnetIds', [v.SubnetIds], ['AWS::EC2::Subnet'])) subnets.add(s);
    }
    ctx.model.services.functions.set(entry.key, { key: entry.key, ref: ctx.ref(entry), subnets: [...subnets] });
  },
};

export const functionUrlExtractor: Extractor = {
  types: ['AWS::Lambda::Url'],
  phase: 2,
  extract(entry, ctx) {
    const auth = ctx.strings(entry, 'AuthType');
    // AuthType is required; an undecidable value counts as NONE (fail closed).
    if (auth.length > 0 && auth.every((a) => a !== 'NONE')) return;
    for (const f of functionKeys(entry, ctx, 'TargetFunctionArn', entry.resource.Properties?.TargetFunctionArn)) {
      ctx.model.services.publicInvokes.push({ ref: ctx.ref(entry), function: f, how: 'function-url', surface: { kind: 'function-url' } });
    }
  },
};

export const lambdaPermissionExtractor: Extractor = {
  types: ['AWS::Lambda::Permission'],
  phase: 2,
  extract(entry, ctx) {
    const principals = ctx.strings(entry, 'Principal');
    if (!principals.includes('*')) return;
    const props = entry.resource.Properties ?? {};
    // A condition on the caller (source ARN, account or organisation) narrows "*" to known callers.
    if (props.SourceArn !== undefined || props.SourceAccount !== undefined || props.PrincipalOrgID !== undefined) return;
    const urlAuth = ctx.strings(entry, 'FunctionUrlAuthType');
    const surface: PublicInvokeSurface = urlAuth.includes('NONE')
      ? { kind: 'public-url-permission' }
      : { kind: 'any-account-permission', action: show(ctx.strings(entry, 'Action')[0] ?? 'lambda:InvokeFunction') };
    for (const f of functionKeys(entry, ctx, 'FunctionName', props.FunctionName)) {
      ctx.model.services.publicInvokes.push({ ref: ctx.ref(entry), function: f, how: 'resource-policy', surface });
    }
  },
};

export const INVOCATION_EXTRACTORS: readonly Extractor[] = [lambdaFunctionExtractor, functionUrlExtractor, lambdaPermissionExtractor];
