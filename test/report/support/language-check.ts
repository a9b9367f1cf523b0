/**
 * The checks behind "each report speaks one language" (issue 12 point 7), shared by the report tests: what
 * is left of a Japanese text once identifiers are taken out, and Japanese written in an English one.
 */
/**
 * What is left of a Japanese report once identifiers are taken out: code spans, construct paths and logical
 * ids (ASCII words joined by / : . _ - # or written in CamelCase), CIDRs and addresses, AWS CLI commands, AWS
 * product and protocol names, and the few English terms of art a municipal reader sees in AWS's own Japanese console.
 */
const TERMS = [
  'AWS', 'VPC', 'VPN', 'TGW', 'Transit Gateway', 'Direct Connect', 'Client VPN', 'WorkSpaces', 'PrivateLink', 'NAT', 'ACL', 'IPv6', 'IPv4', 'CIDR', 'BGP', 'local',
  'Network Firewall', 'Network Access Analyzer', 'Gateway Load Balancer', 'Egress-only', 'CloudFormation', 'CDK', 'API', 'TCP', 'UDP', 'ICMP', 'CISO', 'LGWAN', 'MFA', 'AD', 'Connector',
  'Lambda', 'Systems Manager', 'Group Policy', 'Validations.of', 'acknowledge', 'AllowedValues', 'Default', 'AuthType', 'NONE', 'disable', 'closed-telework',
  'Internet tier', 'LGWAN tier', 'Personal-number tier',
];

function withoutIdentifiers(text: string): string {
  let t = text
    .replace(/<style>[\s\S]*?<\/style>/g, ' ') // the stylesheet
    .replace(/<[^>]+>/g, ' ') // HTML tags
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\barn:[^\s）)、。]+/g, ' ') // ARNs
    .replace(/\baws [a-z0-9-]+ [a-z0-9-]+/g, ' ') // AWS CLI commands the checklist names
    .replace(/\b[\w.-]+\.(json|ts|md|yaml|svg)\b/g, ' ')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?\b/g, ' ') // IPv4 and CIDRs
    .replace(/\b[0-9a-f]*::?[0-9a-f:]*(\/\d{1,3})?/gi, ' ') // IPv6
    .replace(/\[[^\]]*\]/g, ' ') // [construct/path (AWS::Type)] after each hop
    .replace(/\b[A-Za-z][\w-]*(?:[/:#.][\w-]+)+\b/g, ' ') // construct paths, AWS::EC2::Route, mic:tier, Resource.Property
    .replace(/\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b/g, ' ') // CamelCase logical ids and property names
    .replace(/\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g, ' '); // rule ids: TIER-CROSSING
  for (const term of TERMS.sort((a, b) => b.length - a.length)) t = t.split(term).join(' ');
  return t;
}

/** Runs of three or more English words: a sentence, not an identifier. */
export function englishSentences(text: string): string[] {
  return [...withoutIdentifiers(text).matchAll(/\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}\b/g)].map((m) => m[0]);
}

/**
 * Half-width punctuation — ( ) : , ; ! ? — written against Japanese text, where an official Japanese document
 * writes （ ） ： 、 ； ！ ？ (issue 12: 「(双方向)」 read as a translation). Markup, code spans and call-like
 * identifiers (Validations.of(...).acknowledge()) are taken out first; punctuation between ASCII words
 * (AWS::EC2::Route, "City/Pcx (AWS::EC2::VPCPeeringConnection)") is an identifier's own and stays.
 */
export function halfWidthInJapanese(text: string): string[] {
  const t = text
    .replace(/<style>[\s\S]*?<\/style>/g, '\n')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z#0-9]+;/g, '\n')
    .replace(/`[^`]*`/g, '\n')
    .replace(/[\w$]+(?:\.[\w$]+)*\([^()]*\)(?:\.[\w$]+\([^()]*\))*/g, '\n');
  // Full-width （ ） themselves are left out: 「(AWS::EC2::Subnet)（片方向）」 closes an identifier, then opens Japanese.
  const jp = '[\\u3001\\u3002\\u3040-\\u30ff\\u3400-\\u9fff\\uff01-\\uff07\\uff0a-\\uff60]';
  return [...t.matchAll(new RegExp(`.{0,12}(?:${jp} ?[():,;!?]|[():,;!?] ?${jp}).{0,12}`, 'g'))].map((m) => m[0]);
}

/** Japanese written in the English report, outside the guideline's own names given in parentheses. */
export function japaneseInEnglish(text: string): string[] {
  const allowed = /三層分離|無害化|令和\d+年\d+月版|（令和[^）]*）|「[^」]*」|総務省|地方公共団体における情報セキュリティポリシーに関するガイドライン|情報セキュリティ対策基準（解説）|情報システム全体の強靭性の向上|マイナンバー利用事務系|LGWAN接続系|インターネット接続系|新型コロナウイルス[^」]*/g;
  return [...text.replace(allowed, ' ').matchAll(/[\u3040-\u30ff\u4e00-\u9fff]+/g)].map((m) => m[0]);
}
