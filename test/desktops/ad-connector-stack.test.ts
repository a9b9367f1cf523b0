/**
 * A telework stack whose LGWAN directory is an AD Connector to the on-prem AD (the example city keeps
 * managed-ad): the custom resource, its scoped IAM, the two AZ subnets, the directory id flowing into the
 * WorkSpaces registration/hardening, and zero open findings in the external policy packs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { parseConfig } from '../../lib/config';
import { exampleCity } from '../../lib/config/municipalities/example-city';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { registerPolicyPlugins } from '../../lib/stages/policy-plugins';
import { removeAssembly } from '../stages/run-app';
import { buildStage, renderString, resourcesOfType, type Built } from './stack-helpers';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('ad-connector-stack-');

const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:lgwan-ad-connector-AbCdEf';
const AD_CONNECTOR = {
  kind: 'ad-connector',
  domainName: 'lgwan.example-city.lg.jp',
  shortName: 'LGWAN',
  customerDnsIps: ['172.16.20.10', '172.16.21.10'],
  size: 'Small',
  serviceAccountSecretArn: SECRET,
};
const withConnector = (c: any) => (c.telework.directories = { lgwan: { ...AD_CONNECTOR } });

let built: Built;
let connector: any;
let policy: any;
beforeAll(() => {
  built = buildStage(withConnector);
  [[, connector]] = resourcesOfType(built.telework, 'Custom::AdConnector');
  const policies = resourcesOfType(built.telework, 'AWS::IAM::ManagedPolicy').filter(([, p]) => /AD Connector/.test(p.Properties.Description));
  expect(policies).toHaveLength(1);
  policy = policies[0][1];
});

function statement(sid: string): any {
  const s = policy.Properties.PolicyDocument.Statement.find((x: any) => x.Sid === sid);
  if (!s) throw new Error(`no statement ${sid}`);
  return s;
}
const asList = (v: unknown) => (Array.isArray(v) ? v : [v]);

describe('telework stack with an AD Connector directory', () => {
  test('no Managed AD and no admin secret: the connector is a custom resource with the configured properties and no password', () => {
    expect(resourcesOfType(built.telework, 'AWS::DirectoryService::MicrosoftAD')).toEqual([]);
    expect(resourcesOfType(built.telework, 'AWS::SecretsManager::Secret')).toEqual([]);
    const p = connector.Properties;
    expect(p).toMatchObject({ DomainName: 'lgwan.example-city.lg.jp', ShortName: 'LGWAN', Size: 'Small', CustomerDnsIps: ['172.16.20.10', '172.16.21.10'], ServiceAccountSecretArn: SECRET });
    expect(renderString(p.OwnerMarker)).toMatch(/^closed-telework\/.+\/lgwan$/);
    expect(Object.keys(p).sort()).toEqual(['CustomerDnsIps', 'DomainName', 'OwnerMarker', 'ServiceAccountSecretArn', 'ServiceToken', 'ShortName', 'Size', 'SubnetIds', 'VpcId'].sort());
    expect(JSON.stringify(built.telework.toJSON())).not.toMatch(/"Password"/);
  });

  test('the connector sits on two directory subnets in two AZs of the tier VPC', () => {
    const chosen = built.stage.teleworkStacks.lgwan!.directory.adConnector!.subnets;
    expect(new Set(chosen.map((s) => s.availabilityZone)).size).toBe(2);
    const subnets = connector.Properties.SubnetIds.map(renderString);
    expect(subnets).toHaveLength(2);
    expect(new Set(subnets).size).toBe(2);
    expect(subnets).toEqual(chosen.map((s) => renderString(built.stage.teleworkStacks.lgwan!.resolve(s.subnetId))));
  });

  test('the directory id flows from the connector into the WorkSpaces registration and the stack output', () => {
    const [[id]] = resourcesOfType(built.telework, 'Custom::AdConnector');
    const [[, hardening]] = resourcesOfType(built.telework, 'Custom::WorkSpacesDirectoryHardening');
    const settings = JSON.parse(renderString(hardening.Properties.Settings));
    expect(settings.DirectoryId).toBe(`<GetAtt:${id}.DirectoryId>`);
    // this stack created the directory: registration is undone on delete, before the connector is deleted
    expect(settings.DeregisterOnDelete).toBe(true);
    const outputs = built.telework.toJSON().Outputs as Record<string, any>;
    expect(outputs.DirectoryId.Value).toEqual({ 'Fn::GetAtt': [id, 'DirectoryId'] });
  });

  test('IAM: the one secret by ARN, ds actions only as needed, EC2 changes bound to the two subnets and the tier VPC', () => {
    expect(statement('ReadServiceAccountSecret')).toMatchObject({ Action: 'secretsmanager:GetSecretValue', Resource: SECRET });
    expect(statement('ConnectAndDescribe').Action.sort()).toEqual(['ds:ConnectDirectory', 'ds:DescribeDirectories']);
    expect(renderString(statement('DeleteDirectoriesOfThisAccount').Resource)).toMatch(/^arn:<Ref:AWS::Partition>:ds:ap-northeast-1:\d{12}:directory\/\*$/);
    const eni = asList(statement('ConnectorEnisInTheTwoSubnets').Resource).map(renderString);
    expect(eni.filter((r) => /:subnet\//.test(r))).toHaveLength(2);
    const rules = statement('ConnectorSecurityGroupRulesAndCleanupInTheTierVpc');
    expect(renderString(rules.Condition.ArnEquals['ec2:Vpc'])).toMatch(/:vpc\/<Ref:.*>$|:vpc\/<Import:/);
    expect(statement('TagOnlyWhatConnectCreates').Condition.StringEquals['ec2:CreateAction']).toEqual(['CreateSecurityGroup', 'CreateNetworkInterface']);
    const all = policy.Properties.PolicyDocument.Statement.flatMap((s: any) => asList(s.Action));
    expect(all).not.toContain('secretsmanager:*');
    expect(all.filter((a: string) => a.endsWith('*'))).toEqual([]);
    const star = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Resource === '*').flatMap((s: any) => asList(s.Action)).sort();
    expect(star).toEqual(['ds:ConnectDirectory', 'ds:DescribeDirectories', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs']);
  });

  test('the handler is a Node.js function with its own encrypted log group and a 15-minute bound', () => {
    const fn = resourcesOfType(built.telework, 'AWS::Lambda::Function').find(([, f]) => /AD Connector/.test(f.Properties.Description))![1];
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler', Timeout: 900 });
    expect(renderString(connector.Properties.ServiceToken)).toMatch(/ConnectorFunction/);
  });

  test('the external policy packs: zero open violations, every acknowledgement namespaced with a reason', () => {
    const outdir = tmp.dir('ct-adc-');
    try {
      const input = JSON.parse(JSON.stringify(exampleCity));
      withConnector(input);
      const config = parseConfig(input, 'variant');
      const app = new App({ outdir });
      registerPolicyPlugins(app);
      new MunicipalityStage(app, config.name, { config });
      expect(() => app.synth()).not.toThrow();
      const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: Array<{ pluginName: string; violations: Array<{ ruleName: string; violatingResources?: unknown }>; suppressedViolations?: Array<{ acknowledgedId: string; acknowledgedAt: string; reason: string }> }>;
      };
      expect(report.pluginReports.flatMap((r) => r.violations.map((v) => `${r.pluginName}: ${v.ruleName} ${JSON.stringify(v.violatingResources ?? '')}`))).toEqual([]);
      const ours = report.pluginReports.flatMap((r) => r.suppressedViolations ?? []).filter((a) => /Directory\/Connector/.test(a.acknowledgedAt));
      expect(ours.length).toBeGreaterThan(0);
      for (const a of ours) {
        expect(a.acknowledgedId).toMatch(/::/);
        expect(a.reason.length).toBeGreaterThan(40);
      }
    } finally {
      removeAssembly(outdir);
    }
  });
});

describe('the telework stack refuses an AD Connector reaching outside its tier', () => {
  test('a DNS server in another tier\'s on-prem range stops the build with the field named', () => {
    expect(() => buildStage((c) => (c.telework.directories = { lgwan: { ...AD_CONNECTOR, customerDnsIps: ['172.16.20.10', '172.16.32.10'] } }))).toThrow(
      /telework\.directories\.lgwan\.customerDnsIps\.1[\s\S]*172\.16\.32\.10 is not inside the lgwan tier's on-prem ranges/,
    );
  });
});
