/**
 * The details a finding quotes speak the reader's language too (issue 16 point 1, issue 12 point 2): why a
 * value is unresolved or a resource unmodelled, why a tier tag contradicts its VPC, how a function is opened
 * to the public, what a managed remote entry is, what a relay forwards to, and the live-account drift.
 * Each is data in the model (lib/model/reason.ts, lib/model/facts/service-facts.ts, FindingText drift-*),
 * worded by the catalogues. Read on real engine runs of the city fixture with one mutation per finding, in
 * the Japanese and English reports (Markdown and HTML) and `verify --lang ja|en` text: a detail reverted to
 * an English literal in the model shows up as an English sentence in the Japanese output and fails here.
 */
import { loadPolicy, verify, type VerifyResult } from '../../lib/checks';
import type { Finding } from '../../lib/checks/finding';
import { assembleReportInput } from '../../lib/report/assemble';
import { reportViewFromVerify } from '../../lib/report/from-verify-result';
import { renderHtml } from '../../lib/report/html';
import { renderMarkdown } from '../../lib/report/markdown';
import { renderText } from '../../lib/report/text';
import { compareDrift } from '../../lib/snapshot/drift/compare-drift';
import { asLoaded, buildCity, clone } from '../fixtures/city';
import { englishSentences, halfWidthInJapanese, japaneseInEnglish } from './support/language-check';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const policy = loadPolicy();
const city = buildCity();
const SUBNETS = [{ Ref: 'SubnetLgwanAppA' }, { Ref: 'SubnetLgwanAppB' }];

function run(mutate: (r: Resources) => void): VerifyResult {
  const t = clone(city);
  mutate(t.Resources as Resources);
  return verify([asLoaded('City', t)], policy);
}

/** One mutation of the good city per kind of finding whose words come from a fact's detail. */
const CASES: Array<[rule: string, mutate: (r: Resources) => void, ja: RegExp[], en: RegExp[]]> = [
  ['UNMODELLED-RESOURCE', (r) => {
    r.Deploys = { Type: 'Custom::PeerMyVpcs', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f' } };
    r.Notebook = { Type: 'AWS::SageMaker::NotebookInstance', Properties: { InstanceType: 'ml.t3.medium', RoleArn: 'arn:aws:iam::111111111111:role/r', SubnetId: { Ref: 'SubnetLgwanAppA' } } };
    r.Shared = { Type: 'AWS::RAM::ResourceShare', Properties: { Name: 'x', ResourceArns: ['arn:aws:ec2:ap-northeast-1:111111111111:subnet/subnet-0abc'] } };
  }, [/Deploys：カスタムリソースはデプロイ時に独自の権限でコードを実行するため/, /Notebook：AWS::SageMaker::NotebookInstance は、系の外から利用できるマネージドサービス/, /Shared：arn:aws:ec2:ap-northeast-1:111111111111:subnet\/subnet-0abc を他のアカウントと共有しています/],
  [/custom resource: its handler runs at deploy time/, /Notebook: AWS::SageMaker::NotebookInstance a managed service reachable from outside the tier/, /Shared: shares arn:aws:ec2:ap-northeast-1:111111111111:subnet\/subnet-0abc with other accounts/]],
  ['UNRESOLVED-VALUE', (r) => {
    r.ToImported = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'RtLgwan' }, DestinationCidrBlock: { 'Fn::ImportValue': 'Missing-Export' }, TransitGatewayId: { Ref: 'Tgw' } } };
    r.BadRule = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { Ref: 'SgLgwan' }, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: 'ten.dot.zero' } };
  }, [/Fn::ImportValue「Missing-Export」：この名前をエクスポートするテンプレートが、検証に渡したものの中にありません/, /「ten\.dot\.zero」は CIDR ブロックではありません/],
  [/Fn::ImportValue "Missing-Export": no template given exports this name/, /"ten\.dot\.zero" is not a CIDR block/]],
  ['PUBLIC-INVOKE-INTO-TIER', (r) => {
    r.Fn = { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::111111111111:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' }, VpcConfig: { SubnetIds: SUBNETS, SecurityGroupIds: [{ Ref: 'SgLgwan' }] } } };
    r.FnUrl = { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, AuthType: 'NONE' } };
    r.FnAnyone = { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: { Ref: 'Fn' }, Action: 'lambda:InvokeFunction', Principal: '*' } };
  }, [/AuthType が NONE の関数 URL（インターネットの誰でも呼び出せます）/, /プリンシパル "\*"（すべての AWS アカウント）に呼び出し（lambda:InvokeFunction）を許可するリソースポリシー/],
  [/a function URL with AuthType NONE \(anyone on the internet can call it\)/, /a resource policy that lets principal "\*" \(any AWS account\) invoke it \(lambda:InvokeFunction\)/]],
  ['REMOTE-ENTRY-INTO-TIER', (r) => {
    r.Eice = { Type: 'AWS::EC2::InstanceConnectEndpoint', Properties: { SubnetId: { Ref: 'SubnetLgwanAppA' } } };
  }, [/Eice（EC2 Instance Connect エンドポイント。インターネットから AWS の API を経由して/],
  [/Eice is an EC2 Instance Connect Endpoint: SSH \/ RDP from the internet through the AWS API/]],
  ['SERVICE-RELAY', (r) => {
    r.LambdaEndpoint = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcLgwan' }, ServiceName: 'com.amazonaws.ap-northeast-1.lambda', VpcEndpointType: 'Interface', SubnetIds: SUBNETS } };
    r.Outside = { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::111111111111:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' } } };
    r.SnsEndpoint = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcLgwan' }, ServiceName: 'com.amazonaws.ap-northeast-1.sns', VpcEndpointType: 'Interface', SubnetIds: SUBNETS } };
    r.Topic = { Type: 'AWS::SNS::Topic', Properties: {} };
    r.Hook = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'https', Endpoint: 'https://example.com/hook' } };
  }, [/転送先：Lambda の API による呼び出し（関数 Outside は VPC の外で動作し、インターネットに出られます）/, /転送先：https サブスクリプション（転送先 https:\/\/example\.com\/hook）/],
  [/invoked through the Lambda API: function Outside runs outside any VPC, with internet access/, /https subscription to https:\/\/example\.com\/hook/]],
  ['TELEWORK-ENTRY-PERSONAL-NUMBER', (r) => {
    r.AdPn = { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Name: 'pn.local', Password: 'x', VpcSettings: { VpcId: { Ref: 'VpcPn' }, SubnetIds: [{ Ref: 'SubnetPnAppA' }, { Ref: 'SubnetPnAppB' }] } } };
    r.WsPn = { Type: 'AWS::WorkSpaces::Workspace', Properties: { DirectoryId: { Ref: 'AdPn' }, BundleId: 'b', UserName: 'u' } };
    r.StreamPn = { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcPn' }, VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.ap-northeast-1.highlander', SubnetIds: [{ Ref: 'SubnetPnAppA' }] } };
  }, [/AWS::WorkSpaces::Workspace WsPn（仮想デスクトップ（WorkSpaces））がマイナンバー利用事務系に/, /AdPn（WorkSpaces 用のディレクトリ）/, /StreamPn（WorkSpaces の画面転送用エンドポイント）/],
  [/WsPn \(WorkSpace\) places a telework entry/, /AdPn \(directory for WorkSpaces\)/, /StreamPn \(WorkSpaces streaming endpoint\)/]],
  ['TIER-TAG-CONFLICT', (r) => {
    r.SubnetLgwanAppA!.Properties!.Tags = [{ Key: 'mic:tier', Value: 'internet' }];
  }, [/サブネットのタグは internet（インターネット接続系）ですが、所属する VPC はLGWAN接続系です/],
  [/subnet is tagged internet but its VPC is lgwan/]],
];

function reportOf(findings: Finding[], result: VerifyResult): ReturnType<typeof assembleReportInput> {
  return assembleReportInput({ findings, report: reportViewFromVerify(result), acknowledgements: [], sources: ['City.template.json'], generatedAt: '2026-12-06T05:28:00Z' });
}

describe.each(CASES)('%s: the detail is worded in the reader\'s language', (rule, mutate, ja, en) => {
  let result: VerifyResult;
  beforeAll(() => {
    result = run(mutate);
  });

  it('the mutation produces the finding (so the checks below read its detail)', () => {
    expect(result.findings.map((f) => f.rule)).toContain(rule);
  });

  it('Japanese report and `verify --lang ja`: the catalogue\'s Japanese, no English sentence outside identifiers', () => {
    const input = reportOf(result.findings, result);
    const md = renderMarkdown(input, { lang: 'ja' });
    for (const words of ja) expect(md).toMatch(words);
    expect(englishSentences(md)).toEqual([]);
    expect(halfWidthInJapanese(md)).toEqual([]);
    expect(englishSentences(renderHtml(input, { lang: 'ja' }))).toEqual([]);
    const text = renderText(result, 'ja');
    for (const words of ja) expect(text).toMatch(words);
    expect(englishSentences(text)).toEqual([]);
  });

  it('English report and `verify --lang en`: the catalogue\'s English, no Japanese', () => {
    const input = reportOf(result.findings, result);
    const md = renderMarkdown(input, { lang: 'en' });
    for (const words of en) expect(md).toMatch(words);
    expect(japaneseInEnglish(md)).toEqual([]);
    expect(japaneseInEnglish(renderHtml(input, { lang: 'en' }))).toEqual([]);
    const text = renderText(result, 'en');
    for (const words of en) expect(text).toMatch(words);
    expect(japaneseInEnglish(text)).toEqual([]);
  });
});

describe('live-account drift is worded in the reader\'s language', () => {
  // The "account" is the city with an LGWAN ↔ internet peering and route added (DRIFT-OPENS-PATH, DRIFT-ADDED);
  // compared the other way round, the same elements are missing from the account (DRIFT-MISSING).
  const name = (key: string): string => key.split('::').pop()!;
  let good: VerifyResult;
  let drifted: VerifyResult;
  beforeAll(() => {
    good = run(() => undefined);
    drifted = run((r) => {
      r.Pcx = { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'VpcLgwan' }, PeerVpcId: { Ref: 'VpcInet' } } };
      r.ToInet = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'RtLgwan' }, DestinationCidrBlock: '10.10.0.0/16', VpcPeeringConnectionId: { Ref: 'Pcx' } } };
    });
  });
  const findings = (): Finding[] => [
    ...compareDrift({ templates: good, account: drifted, templateNames: name, accountNames: name }).findings,
    ...compareDrift({ templates: drifted, account: good, templateNames: name, accountNames: name }).findings,
  ];

  it('the comparison finds drift of every kind', () => {
    expect([...new Set(findings().map((f) => f.rule))].sort()).toEqual(['DRIFT-ADDED', 'DRIFT-MISSING', 'DRIFT-OPENS-PATH']);
  });

  it('Japanese report: the drift findings in Japanese, no English sentence outside identifiers', () => {
    const input = reportOf(findings(), drifted);
    const md = renderMarkdown(input, { lang: 'ja' });
    expect(md).toContain('テンプレートにない系間の経路が環境にある');
    expect(md).toContain('実際の環境ではLGWAN接続系からインターネット接続系へのルートがつながっており（テンプレートではつながっていません）、現在はネットワーク ACLとセキュリティグループだけが通信を止めています');
    expect(md).toContain('- VPC ピアリング：');
    expect(md).toMatch(/環境に、どのテンプレートにもないルート（RtLgwan 10\.10\.0\.0\/16 → peering Pcx）があります/);
    expect(md).toMatch(/テンプレートにあるVPC ピアリング（[^）]*）が、環境にありません。/);
    expect(md).toContain('デプロイ後の確認：環境は検証済みのテンプレートどおりであること');
    expect(englishSentences(md)).toEqual([]);
    expect(halfWidthInJapanese(md)).toEqual([]);
    expect(englishSentences(renderHtml(input, { lang: 'ja' }))).toEqual([]);
  });

  it('English report: the drift findings in English, no Japanese', () => {
    const input = reportOf(findings(), drifted);
    const md = renderMarkdown(input, { lang: 'en' });
    expect(md).toContain('The account has a path between tiers that the templates do not');
    expect(md).toContain('Routes now connect LGWAN tier to Internet tier in the account, which they do not in the templates; only network ACLs and security groups stop every packet today');
    expect(md).toContain('The account has route RtLgwan 10.10.0.0/16 → peering Pcx, which no template declares');
    expect(md).toMatch(/The templates declare VPC peering [^,]*, and the account does not have it\./);
    expect(japaneseInEnglish(md)).toEqual([]);
    expect(japaneseInEnglish(renderHtml(input, { lang: 'en' }))).toEqual([]);
  });
});
