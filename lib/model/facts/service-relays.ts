/**
 * Services that, reached through an interface endpoint, forward requests elsewhere by the templates' own
 * configuration. For S3 or KMS an endpoint is a destination; for these it is a relay, and the relay's far
 * end decides what the tier really reaches:
 * - API Gateway private APIs (`execute-api`): HTTP / HTTP_PROXY integrations go to the internet, or through
 *   a VPC link to a load balancer's tier; Lambda integrations run where the function runs.
 * - AppSync private APIs (`appsync-api`): HTTP data sources go to the internet; Lambda data sources run
 *   where the function runs.
 * - EventBridge (`events`): API destinations call internet endpoints; rules run Lambda targets.
 * - SNS (`sns`): http/https subscriptions post to the internet; lambda subscriptions run the function.
 * - Lambda (`lambda`): every function in the templates can be invoked; one outside any VPC has internet
 *   access, one in another tier's VPC runs inside that tier.
 * The rule SERVICE-RELAY pairs these with the interface endpoints of each tier.
 */
import type { ResourceEntry } from '../resolve/resolver';
import { isPlainObject, refsInString, show, type Value } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { functionKeys } from './invocation';
import type { RelayService, RelayTarget } from './service-facts';

function relay(ctx: ExtractContext, entry: ResourceEntry, service: RelayService, target: RelayTarget): void {
  ctx.model.services.relays.push({ ref: ctx.ref(entry), service, target });
}

/** True unless every possible value of the API's endpoint types leaves out PRIVATE. */
function isPrivateRestApi(api: ResourceEntry, ctx: ExtractContext): boolean {
  const ec = ctx.resolver.prop(api, 'EndpointConfiguration');
  return ec.some((v) => !isPlainObject(v) || !Array.isArray(v.Types) || v.Types.some((t) => t === 'PRIVATE' || typeof t !== 'string'));
}

/** The targets of a Lambda-invoking URI (API Gateway `arn:aws:apigateway:…:lambda:path/…/functions/<arn>/invocations`). */
function lambdaUriTargets(entry: ResourceEntry, ctx: ExtractContext, property: string, uri: Value): RelayTarget[] {
  const text = typeof uri === 'string' ? uri : '';
  const fns = refsInString(text).filter((k) => ['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version'].includes(ctx.typeOf(k.split('#')[0]) ?? ''));
  if (fns.length > 0) {
    return fns.flatMap((k) => functionKeys(entry, ctx, property, { Ref: k.split('::')[1] })).map((f) => ({ kind: 'function' as const, function: f, what: { kind: 'lambda-integration' as const, uri: show(uri) } }));
  }
  if (/:lambda:path\//.test(text)) return [{ kind: 'internet', what: { kind: 'lambda-outside', uri: show(uri) } }];
  return [];
}

/** One API Gateway integration (a Method's Integration, or an OpenAPI x-amazon-apigateway-integration). */
function integrationTargets(entry: ResourceEntry, ctx: ExtractContext, integ: Record<string, Value>, where: string): RelayTarget[] {
  const type = String(integ.Type ?? integ.type ?? '').toUpperCase();
  const uri = integ.Uri ?? integ.uri;
  const connectionType = String(integ.ConnectionType ?? integ.connectionType ?? 'INTERNET').toUpperCase();
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (connectionType === 'VPC_LINK') {
      const links = ctx.refKeys(entry, `${where}.ConnectionId`, [integ.ConnectionId ?? integ.connectionId ?? null], ['AWS::ApiGateway::VpcLink']);
      const lbs = links.flatMap((l) => {
        const le = ctx.resolver.resources.get(l);
        return le ? ctx.refKeys(le, 'TargetArns') : [];
      });
      return [{ kind: 'load-balancers', loadBalancers: lbs, what: { kind: 'vpc-link-integration', type, uri: show(uri ?? '?') } }];
    }
    return [{ kind: 'internet', what: { kind: 'http-integration', type, uri: show(uri ?? '?') } }];
  }
  if ((type === 'AWS' || type === 'AWS_PROXY') && uri !== undefined) return lambdaUriTargets(entry, ctx, `${where}.Uri`, uri);
  return [];
}

function walkOpenApi(raw: unknown, found: Array<Record<string, unknown>>, depth = 0): void {
  if (depth > 12 || raw === null || typeof raw !== 'object') return;
  if (Array.isArray(raw)) return raw.forEach((x) => walkOpenApi(x, found, depth + 1));
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k === 'x-amazon-apigateway-integration' && v && typeof v === 'object') found.push(v as Record<string, unknown>);
    else walkOpenApi(v, found, depth + 1);
  }
}

export const restApiRelayExtractor: Extractor = {
  types: ['AWS::ApiGateway::Method', 'AWS::ApiGateway::RestApi'],
  phase: 3,
  extract(entry, ctx) {
    if (entry.resource.Type === 'AWS::ApiGateway::RestApi') {
      if (!isPrivateRestApi(entry, ctx)) return;
      const props = entry.resource.Properties ?? {};
      if (props.BodyS3Location !== undefined) {
        relay(ctx, entry, 'execute-api', { kind: 'internet', what: { kind: 'openapi-in-s3' } });
      }
      const found: Array<Record<string, unknown>> = [];
      walkOpenApi(props.Body, found);
      for (const integ of found) {
        const resolved: Record<string, Value> = {};
        for (const [k, v] of Object.entries(integ)) if (['type', 'uri', 'connectionType', 'connectionId'].includes(k)) resolved[k] = ctx.resolver.resolve(entry.stack, v)[0];
        for (const t of integrationTargets(entry, ctx, resolved, 'Body')) relay(ctx, entry, 'execute-api', t);
      }
      return;
    }
    const apis = ctx.refKeys(entry, 'RestApiId', undefined, ['AWS::ApiGateway::RestApi']);
    const api = apis.map((k) => ctx.resolver.resources.get(k)).find((a) => a !== undefined);
    if (!api || !isPrivateRestApi(api, ctx)) return;
    for (const integ of ctx.resolver.prop(entry, 'Integration')) {
      if (!isPlainObject(integ)) continue;
      for (const t of integrationTargets(entry, ctx, integ, 'Integration')) relay(ctx, entry, 'execute-api', t);
    }
  },
};

export const appSyncRelayExtractor: Extractor = {
  types: ['AWS::AppSync::DataSource'],
  phase: 3,
  extract(entry, ctx) {
    const apis = ctx.refKeys(entry, 'ApiId', undefined, ['AWS::AppSync::GraphQLApi']);
    const api = apis.map((k) => ctx.resolver.resources.get(k)).find((a) => a !== undefined);
    // Only private APIs are reached through the appsync-api endpoint; an undecidable visibility counts as private.
    // Visibility is GLOBAL unless set; an API outside the templates counts as private (fail closed).
    if (api && !ctx.strings(api, 'Visibility').some((v) => v !== 'GLOBAL')) return;
    const type = ctx.strings(entry, 'Type');
    if (type.includes('HTTP')) {
      const cfg = ctx.resolver.prop(entry, 'HttpConfig')[0];
      relay(ctx, entry, 'appsync-api', { kind: 'internet', what: { kind: 'appsync-http', endpoint: isPlainObject(cfg) ? show(cfg.Endpoint ?? '?') : '?' } });
    }
    if (type.includes('AWS_LAMBDA')) {
      const cfg = ctx.resolver.prop(entry, 'LambdaConfig')[0];
      const fns = isPlainObject(cfg) ? functionKeys(entry, ctx, 'LambdaConfig.LambdaFunctionArn', cfg.LambdaFunctionArn) : [];
      for (const f of fns) relay(ctx, entry, 'appsync-api', { kind: 'function', function: f, what: { kind: 'appsync-lambda' } });
    }
  },
};

export const eventsRelayExtractor: Extractor = {
  types: ['AWS::Events::ApiDestination', 'AWS::Events::Rule'],
  phase: 3,
  extract(entry, ctx) {
    if (entry.resource.Type === 'AWS::Events::ApiDestination') {
      relay(ctx, entry, 'events', { kind: 'internet', what: { kind: 'api-destination', endpoints: ctx.strings(entry, 'InvocationEndpoint') } });
      return;
    }
    for (const t of ctx.resolver.propList(entry, 'Targets')) {
      if (!isPlainObject(t) || t.Arn === undefined) continue;
      for (const k of ctx.refKeys(entry, 'Targets.Arn', [t.Arn]).map((x) => x.split('#')[0])) {
        const type = ctx.typeOf(k);
        if (type === 'AWS::Lambda::Function' || type === 'AWS::Lambda::Alias' || type === 'AWS::Lambda::Version') {
          for (const f of functionKeys(entry, ctx, 'Targets.Arn', { Ref: k.split('::')[1] })) relay(ctx, entry, 'events', { kind: 'function', function: f, what: { kind: 'rule-target' } });
        }
      }
    }
  },
};

export const snsRelayExtractor: Extractor = {
  types: ['AWS::SNS::Subscription'],
  phase: 3,
  extract(entry, ctx) {
    const protocol = ctx.strings(entry, 'Protocol').map((p) => p.toLowerCase());
    if (protocol.some((p) => p === 'http' || p === 'https')) {
      relay(ctx, entry, 'sns', { kind: 'internet', what: { kind: 'sns-subscription', protocols: protocol, endpoints: ctx.strings(entry, 'Endpoint') } });
    }
    if (protocol.includes('lambda')) {
      for (const f of functionKeys(entry, ctx, 'Endpoint', entry.resource.Properties?.Endpoint)) relay(ctx, entry, 'sns', { kind: 'function', function: f, what: { kind: 'sns-lambda' } });
    }
  },
};

/** Every function can be invoked through a `lambda` endpoint (IAM decides who; the network does not). */
export const lambdaRelayExtractor: Extractor = {
  types: ['AWS::Lambda::Function'],
  phase: 3,
  extract(entry, ctx) {
    relay(ctx, entry, 'lambda', { kind: 'function', function: entry.key, what: { kind: 'lambda-api' } });
  },
};

export const SERVICE_RELAY_EXTRACTORS: readonly Extractor[] = [restApiRelayExtractor, appSyncRelayExtractor, eventsRelayExtractor, snsRelayExtractor, lambdaRelayExtractor];

/** The short service name of an interface endpoint (`com.amazonaws.<region>.execute-api` → `execute-api`). */
export function endpointShortName(serviceName: string): string {
  const m = /\.([a-z0-9-]+)$/.exec(serviceName);
  return m ? m[1] : serviceName;
}
