/**
 * The four classes of deployable breach that used to pass silently (exit 0), each with a breach fixture
 * (a few lines added to the good city) and its clean twin: a public invocation surface on code inside a
 * closed tier, permissions that let other accounts into a tier, services that relay a tier's requests,
 * and conditions over parameters that the deployer may set to anything. Plus tier tags a deployment decides.
 */
import type { Finding } from '../../lib/checks';
import { rules, run, ref, type Resources } from './helpers';
import { said } from '../support/finding-words';

const byRule = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.rule === id);
const inLgwan = { SubnetIds: [ref('SubnetLgwanAppA'), ref('SubnetLgwanAppB')], SecurityGroupIds: [ref('SgLgwan')] };
const fn = (vpc?: Record<string, unknown>): Resources[string] => ({ Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::111122223333:role/x', Code: { ZipFile: 'x' }, ...(vpc ? { VpcConfig: vpc } : {}) } });
const endpoint = (service: string, vpc = 'Lgwan'): Resources[string] => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: { VpcId: ref(`Vpc${vpc}`), VpcEndpointType: 'Interface', ServiceName: { 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${service}` }, SubnetIds: [ref(`Subnet${vpc}AppA`)], SecurityGroupIds: [ref(`Sg${vpc}`)], PrivateDnsEnabled: true },
});

describe('PUBLIC-INVOKE-INTO-TIER: code inside a closed tier that anyone may invoke', () => {
  test('a function in LGWAN subnets with a function URL, AuthType NONE: exactly PUBLIC-INVOKE-INTO-TIER', () => {
    const r = run((R) => {
      R.Fn = fn(inLgwan);
      R.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'NONE' } };
    });
    expect(rules(r)).toEqual(['PUBLIC-INVOKE-INTO-TIER']);
    const [f] = r.findings;
    expect(f).toMatchObject({ severity: 'error', from: { kind: 'internet' }, to: { kind: 'tier', tier: 'lgwan' }, resource: { logicalId: 'FnUrl' } });
    expect(said(f).message).toMatch(/AuthType NONE/);
    expect(f.path.map((h) => h.resource.logicalId)).toEqual(['FnUrl', 'Fn']);
  });
  test('a URL on an alias of the function is followed to the function', () => {
    const r = run((R) => {
      R.Fn = fn(inLgwan);
      R.FnVersion = { Type: 'AWS::Lambda::Version', Properties: { FunctionName: ref('Fn') } };
      R.FnAlias = { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: ref('Fn'), FunctionVersion: { 'Fn::GetAtt': ['FnVersion', 'Version'] }, Name: 'live' } };
      R.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: ref('FnAlias'), AuthType: 'NONE', Qualifier: 'live' } };
    });
    expect(rules(r)).toEqual(['PUBLIC-INVOKE-INTO-TIER']);
  });
  test('a resource policy for principal "*" with no condition on the caller: PUBLIC-INVOKE-INTO-TIER', () => {
    const r = run((R) => {
      R.Fn = fn({ SubnetIds: [ref('SubnetPnAppA')] });
      R.FnPerm = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: ref('Fn'), Action: 'lambda:InvokeFunction', Principal: '*' } };
    });
    expect(rules(r)).toEqual(['PUBLIC-INVOKE-INTO-TIER']);
    expect(r.findings[0].to).toMatchObject({ kind: 'tier', tier: 'personal-number' });
  });
  test('clean twins: a function in a VPC without a URL; a URL on a function outside any VPC; AuthType AWS_IAM; "*" narrowed by SourceArn', () => {
    expect(rules(run((R) => { R.Fn = fn(inLgwan); }))).toEqual([]);
    expect(rules(run((R) => {
      R.Fn = fn();
      R.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'NONE' } };
    }))).toEqual([]);
    expect(rules(run((R) => {
      R.Fn = fn(inLgwan);
      R.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'AWS_IAM' } };
    }))).toEqual([]);
    expect(rules(run((R) => {
      R.Fn = fn(inLgwan);
      R.FnPerm = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: ref('Fn'), Action: 'lambda:InvokeFunction', Principal: '*', SourceArn: 'arn:aws:s3:::bucket' } };
    }))).toEqual([]);
  });
  test('a URL in the internet tier is not a closed-tier entry', () => {
    expect(rules(run((R) => {
      R.Fn = fn({ SubnetIds: [ref('SubnetInetAppA')] });
      R.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'NONE' } };
    }))).toEqual([]);
  });
});

describe('ACCESS-GRANT-INTO-TIER: permissions that let other accounts into a tier', () => {
  const service = (R: Resources, acceptance?: boolean): void => {
    R.Nlb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [ref('SubnetPnAppA'), ref('SubnetPnAppB')] } };
    R.Svc = { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')], ...(acceptance === undefined ? {} : { AcceptanceRequired: acceptance }) } };
  };
  test('an endpoint service in the personal-number tier open to "*" with acceptance off: error', () => {
    const r = run((R) => {
      service(R);
      R.SvcPerm = { Type: 'AWS::EC2::VPCEndpointServicePermissions', Properties: { ServiceId: ref('Svc'), AllowedPrincipals: ['*'] } };
    });
    expect(rules(r)).toEqual(['ACCESS-GRANT-INTO-TIER']);
    expect(r.findings[0]).toMatchObject({ severity: 'error', to: { kind: 'tier', tier: 'personal-number' }, resource: { logicalId: 'SvcPerm' } });
    expect(said(r.findings[0]).message).toMatch(/every AWS account/);
  });
  test('another account with acceptance on: a warning (each connection is accepted by hand)', () => {
    const r = run((R) => {
      service(R, true);
      R.SvcPerm = { Type: 'AWS::EC2::VPCEndpointServicePermissions', Properties: { ServiceId: ref('Svc'), AllowedPrincipals: ['arn:aws:iam::444455556666:root'] } };
    });
    expect(rules(r)).toEqual(['ACCESS-GRANT-INTO-TIER']);
    expect(r.findings[0].severity).toBe('warning');
    expect(said(r.findings[0]).message).toMatch(/\$\{AWS::AccountId\}/);
  });
  test('clean twin: restricted to this account with acceptance on', () => {
    expect(rules(run((R) => {
      service(R, true);
      R.SvcPerm = { Type: 'AWS::EC2::VPCEndpointServicePermissions', Properties: { ServiceId: ref('Svc'), AllowedPrincipals: [{ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' }] } };
    }))).toEqual([]);
  });
  test('a network interface in the LGWAN tier that another account may attach an instance to: error', () => {
    const r = run((R) => {
      R.Eni = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('SubnetLgwanAppA'), GroupSet: [ref('SgLgwan')] } };
      R.EniPerm = { Type: 'AWS::EC2::NetworkInterfacePermission', Properties: { NetworkInterfaceId: ref('Eni'), AwsAccountId: '444455556666', Permission: 'INSTANCE-ATTACH' } };
    });
    expect(rules(r)).toEqual(['ACCESS-GRANT-INTO-TIER']);
    expect(rules(run((R) => {
      R.Eni = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('SubnetLgwanAppA'), GroupSet: [ref('SgLgwan')] } };
      R.EniPerm = { Type: 'AWS::EC2::NetworkInterfacePermission', Properties: { NetworkInterfaceId: ref('Eni'), AwsAccountId: { Ref: 'AWS::AccountId' }, Permission: 'INSTANCE-ATTACH' } };
    }))).toEqual([]);
  });
});

describe('SERVICE-RELAY: a service reached through an interface endpoint that forwards elsewhere', () => {
  const privateApi = (R: Resources, integration: Record<string, unknown>): void => {
    R.Api = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'x', EndpointConfiguration: { Types: ['PRIVATE'] } } };
    R.ApiMethod = { Type: 'AWS::ApiGateway::Method', Properties: { RestApiId: ref('Api'), ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] }, HttpMethod: 'ANY', AuthorizationType: 'NONE', Integration: integration } };
  };
  test('a private API with an HTTP_PROXY integration to an internet host, reached from the LGWAN tier: exactly SERVICE-RELAY', () => {
    const r = run((R) => {
      R.ApiEndpoint = endpoint('execute-api');
      privateApi(R, { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'ANY', Uri: 'https://example.com/{proxy}' });
    });
    expect(rules(r)).toEqual(['SERVICE-RELAY']);
    expect(r.findings[0]).toMatchObject({ severity: 'error', from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'internet' }, resource: { logicalId: 'ApiMethod' } });
    expect(said(r.findings[0]).message).toMatch(/https:\/\/example\.com/);
  });
  test('the same API defined by an inline OpenAPI body is read too', () => {
    const r = run((R) => {
      R.ApiEndpoint = endpoint('execute-api');
      R.Api = { Type: 'AWS::ApiGateway::RestApi', Properties: { EndpointConfiguration: { Types: ['PRIVATE'] }, Body: { openapi: '3.0.1', paths: { '/': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'https://example.com', httpMethod: 'GET' } } } } } } };
    });
    expect(rules(r)).toEqual(['SERVICE-RELAY']);
  });
  test('clean twin: the integration is a Lambda function in the same tier', () => {
    expect(rules(run((R) => {
      R.ApiEndpoint = endpoint('execute-api');
      R.Fn = fn(inLgwan);
      privateApi(R, { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' } });
    }))).toEqual([]);
  });
  test('the integration is a Lambda function in the personal-number tier: a crossing', () => {
    const r = run((R) => {
      R.ApiEndpoint = endpoint('execute-api');
      R.Fn = fn({ SubnetIds: [ref('SubnetPnAppA')] });
      privateApi(R, { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' } });
    });
    expect(rules(r)).toEqual(['SERVICE-RELAY']);
    expect(r.findings[0].to).toMatchObject({ kind: 'tier', tier: 'personal-number' });
  });
  test('no execute-api endpoint in the tier: the API is out of its reach', () => {
    expect(rules(run((R) => privateApi(R, { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'ANY', Uri: 'https://example.com' })))).toEqual([]);
  });
  test('an AppSync private API with an HTTP data source', () => {
    const appsync = (visibility: string) => (R: Resources): void => {
      R.AppSyncEndpoint = endpoint('appsync-api');
      R.Gql = { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'x', AuthenticationType: 'AWS_IAM', Visibility: visibility } };
      R.GqlDs = { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Gql', 'ApiId'] }, Name: 'web', Type: 'HTTP', HttpConfig: { Endpoint: 'https://example.com' } } };
    };
    expect(rules(run(appsync('PRIVATE')))).toEqual(['SERVICE-RELAY']);
    expect(rules(run(appsync('GLOBAL')))).toEqual([]);
  });
  test('an EventBridge API destination reached from the personal-number tier', () => {
    const r = run((R) => {
      R.EventsEndpoint = endpoint('events', 'Pn');
      R.Conn = { Type: 'AWS::Events::Connection', Properties: { AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'k', ApiKeyValue: 'v' } } } };
      R.Dest = { Type: 'AWS::Events::ApiDestination', Properties: { ConnectionArn: { 'Fn::GetAtt': ['Conn', 'Arn'] }, HttpMethod: 'POST', InvocationEndpoint: 'https://hooks.example.com/x' } };
    });
    expect(rules(r)).toEqual(['SERVICE-RELAY']);
    expect(r.findings[0].from).toMatchObject({ kind: 'tier', tier: 'personal-number' });
  });
  test('a function outside any VPC invoked from the LGWAN tier through a lambda endpoint; clean when it runs in the tier', () => {
    expect(rules(run((R) => { R.LambdaEndpoint = endpoint('lambda'); R.Fn = fn(); }))).toEqual(['SERVICE-RELAY']);
    expect(rules(run((R) => { R.LambdaEndpoint = endpoint('lambda'); R.Fn = fn(inLgwan); }))).toEqual([]);
  });
  test('an SNS https subscription reached through an sns endpoint', () => {
    expect(rules(run((R) => {
      R.SnsEndpoint = endpoint('sns');
      R.Topic = { Type: 'AWS::SNS::Topic', Properties: {} };
      R.Sub = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: ref('Topic'), Protocol: 'https', Endpoint: 'https://example.com/hook' } };
    }))).toEqual(['SERVICE-RELAY']);
  });
});

describe('conditions over parameters the deployer may set to anything take both branches', () => {
  const peering = (param: Record<string, unknown>) => (R: Resources, t: { Parameters?: Record<string, unknown>; Conditions?: Record<string, unknown> }): void => {
    t.Parameters = { ...(t.Parameters ?? {}), Toggle: { Type: 'String', ...param } };
    t.Conditions = { ...(t.Conditions ?? {}), On: { 'Fn::Equals': [{ Ref: 'Toggle' }, 'on'] } };
    R.Peer = { Type: 'AWS::EC2::VPCPeeringConnection', Condition: 'On', Properties: { VpcId: ref('VpcPn'), PeerVpcId: ref('VpcInet') } };
  };
  test('a peering between personal-number and internet that exists only when a free-text parameter is "on" (default "off"): found', () => {
    expect(rules(run(peering({ Default: 'off' }) as never))).toEqual(['TIER-JOIN-PEERING']);
  });
  test('clean twin: AllowedValues that exclude "on" decide the condition false', () => {
    expect(rules(run(peering({ Default: 'off', AllowedValues: ['off', 'no'] }) as never))).toEqual([]);
  });
  test('AllowedValues that include "on": found', () => {
    expect(rules(run(peering({ Default: 'off', AllowedValues: ['off', 'on'] }) as never))).toEqual(['TIER-JOIN-PEERING']);
  });
});

describe('TIER-TAG-VARIABLE: a tier tag whose value a deployment decides', () => {
  const tag = (value: unknown) => (R: Resources): void => {
    R.VpcLgwan.Properties!.Tags = [{ Key: 'mic:tier', Value: value }];
  };
  test('a tag from a parameter with AllowedValues lgwan / internet: found', () => {
    const r = run((R, t) => {
      t.Parameters = { Tier: { Type: 'String', AllowedValues: ['lgwan', 'internet'] } };
      tag({ Ref: 'Tier' })(R);
    });
    expect(rules(r)).toEqual(['TIER-TAG-VARIABLE']);
    expect(said(byRule(r.findings, 'TIER-TAG-VARIABLE')[0]).message).toMatch(/lgwan or internet/);
  });
  test('a tag from a free-text parameter (default lgwan): found', () => {
    expect(rules(run((R, t) => {
      t.Parameters = { Tier: { Type: 'String', Default: 'lgwan' } };
      tag({ Ref: 'Tier' })(R);
    }))).toEqual(['TIER-TAG-VARIABLE']);
  });
  test('a tag from Fn::If over an undecidable condition: found', () => {
    expect(rules(run((R, t) => {
      t.Parameters = { Env: { Type: 'String', AllowedValues: ['a', 'b'] } };
      t.Conditions = { IsA: { 'Fn::Equals': [{ Ref: 'Env' }, 'a'] } };
      tag({ 'Fn::If': ['IsA', 'lgwan', 'internet'] })(R);
    }))).toEqual(['TIER-TAG-VARIABLE']);
  });
  test('clean twin: a parameter whose only allowed value is the tier', () => {
    expect(rules(run((R, t) => {
      t.Parameters = { Tier: { Type: 'String', AllowedValues: ['lgwan'] } };
      tag({ Ref: 'Tier' })(R);
    }))).toEqual([]);
  });
});
