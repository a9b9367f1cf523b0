/**
 * Validation of the municipalities of one app TOGETHER (each file has already passed its own validation):
 *
 * - names are unique (they name stages, stacks, log groups and firewall resources);
 * - accounts are unique, and none is the prefecture's: each municipality is its own account, the unit of
 *   separation between municipalities (団体間の分離) and of its own deploy role;
 * - municipalities that share a network — the internet tiers attached to the prefecture's hub, with the
 *   hub's inspection VPC — have disjoint ranges (an overlap makes the hub's routes ambiguous: replies for one
 *   municipality would be delivered to the other);
 * - `internetEgress.kind: prefecture-hub` needs a prefecture with `securityCloud`, in the same region;
 * - one MIC model per app (the proof judges one model per run).
 *
 * Municipalities that do not share a network may reuse ranges: separate accounts are separate address spaces.
 */
import { cidrsOverlap, mustParseIpv4Block as mustParseCidr } from '../cidr/ipv4-blocks';
import type { ConfigProblem } from './config-error';
import type { AppConfiguration } from './app-configuration';

export function crossProblems(app: AppConfiguration): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ms = app.municipalities;
  const pref = app.prefecture;
  const prefSource = app.prefectureSource ?? 'prefecture';

  const firstByName = new Map<string, string>();
  const firstByAccount = new Map<string, string>();
  for (const m of ms) {
    const sameName = firstByName.get(m.config.name);
    if (sameName !== undefined) {
      problems.push({
        path: `${m.source}: name`,
        message: `municipality name "${m.config.name}" is also used by ${sameName}; names name the stages and stacks and must be unique`,
        fix: 'give each municipality its own name',
        ja: `自治体名「${m.config.name}」は ${sameName} でも使われています。自治体ごとに別の名前にしてください`,
      });
    } else firstByName.set(m.config.name, m.source);
    const sameAccount = firstByAccount.get(m.config.account);
    if (sameAccount !== undefined) {
      problems.push({
        path: `${m.source}: account`,
        message: `account ${m.config.account} is also ${sameAccount}'s; each municipality is deployed to its own account, which is what keeps municipalities apart (団体間の分離)`,
        fix: 'give each municipality its own AWS account (AWS Organizations: one account per municipality)',
        ja: `アカウント ${m.config.account} は ${sameAccount} と同じです。団体間の分離のため、自治体ごとに別の AWS アカウントを使ってください`,
      });
    } else firstByAccount.set(m.config.account, m.source);
    if (pref !== undefined && m.config.account === pref.account) {
      problems.push({
        path: `${m.source}: account`,
        message: `account ${m.config.account} is the prefecture's (${prefSource}); the shared hub and a municipality must not share an account`,
        fix: 'deploy the municipality to its own account',
        ja: `アカウント ${m.config.account} は都道府県（${prefSource}）のアカウントと同じです。自治体は別のアカウントにしてください`,
      });
    }
    if (pref !== undefined && m.config.name === pref.name) {
      problems.push({
        path: `${m.source}: name`,
        message: `municipality name "${m.config.name}" is the prefecture's name; stage names must be unique`,
        fix: 'rename the municipality or the prefecture',
        ja: `自治体名「${m.config.name}」が都道府県名と同じです。どちらかを変更してください`,
      });
    }
  }

  const models = [...new Set(ms.map((m) => m.config.micModel))];
  if (models.length > 1) {
    problems.push({
      path: 'micModel',
      message: `the municipalities use different MIC models (${ms.map((m) => `${m.config.name}: ${m.config.micModel}`).join(', ')}); the proof judges one model per app`,
      fix: 'build municipalities with different models in separate apps (one prefecture file per model)',
      ja: 'MIC モデルの異なる自治体が同じアプリにあります。モデルごとにアプリ（都道府県ファイル）を分けてください',
    });
  }

  // The shared network: the hub's inspection VPC and every internet tier attached to the hub.
  const onHub = ms.filter((m) => m.config.internetEgress.kind === 'prefecture-hub');
  if (onHub.length > 0 && pref?.securityCloud === undefined) {
    for (const m of onHub) {
      problems.push({
        path: `${m.source}: internetEgress.kind`,
        message: pref === undefined
          ? 'internet egress through the prefecture hub needs a prefecture document with securityCloud in the same app, and there is none'
          : `internet egress through the prefecture hub needs securityCloud in ${prefSource}, and it has none`,
        fix: pref === undefined
          ? 'build with -c prefecture=FILE (or put prefecture.yaml in the -c configDir folder) declaring securityCloud, or choose internetEgress.kind "network-firewall" / "security-cloud"'
          : `add securityCloud to ${prefSource}, or choose internetEgress.kind "network-firewall" / "security-cloud"`,
        ja: '都道府県のセキュリティクラウド（prefecture-hub）を使うには、同じアプリに securityCloud を持つ都道府県ファイルが必要です',
      });
    }
  }
  if (pref?.securityCloud !== undefined) {
    // With the prefecture's security cloud in the app, it is THE internet exit (MIC: concentrate the
    // internet tier's access there); an own exit would be an uninspected second one (the proof's HUB-BYPASS).
    for (const m of ms.filter((x) => x.config.internetEgress.kind === 'network-firewall')) {
      problems.push({
        path: `${m.source}: internetEgress.kind`,
        message: `the municipality has its own internet exit (network-firewall) although the prefecture's security cloud in ${prefSource} is the app's internet exit`,
        fix: 'set internetEgress.kind to "prefecture-hub" (the allow-list is then the prefecture\'s securityCloud.allowedDomains)',
        ja: `都道府県の自治体情報セキュリティクラウド（${prefSource}）があるため、独自のインターネット出口（network-firewall）は使えません。internetEgress.kind を "prefecture-hub" にしてください`,
      });
    }
    for (const m of onHub) {
      if (m.config.region !== pref.region) {
        problems.push({
          path: `${m.source}: region`,
          message: `the municipality is in ${m.config.region} but the prefecture hub is in ${pref.region}; a Transit Gateway attaches VPCs of its own region only`,
          fix: `deploy the municipality to ${pref.region}, or give it its own egress`,
          ja: `都道府県のハブは ${pref.region} にあります。Transit Gateway は同じリージョンの VPC しか接続できないため、${pref.region} にしてください`,
        });
      }
    }
    const shared: Array<{ who: string; path: string; cidr: string }> = [
      { who: `the prefecture hub (${prefSource})`, path: `${prefSource}: securityCloud.vpcCidr`, cidr: pref.securityCloud.vpcCidr },
      ...onHub.map((m) => ({ who: `${m.config.name}'s internet tier (${m.source})`, path: `${m.source}: tiers.internet.vpcCidr`, cidr: m.config.tiers.internet.vpcCidr })),
    ];
    const parsed = shared.map((s) => ({ ...s, c: mustParseCidr(s.cidr) }));
    for (let i = 0; i < parsed.length; i++) {
      for (let j = 0; j < i; j++) {
        if (!cidrsOverlap(parsed[i].c, parsed[j].c)) continue;
        problems.push({
          path: parsed[i].path,
          message: `${parsed[i].who} ${parsed[i].cidr} overlaps ${parsed[j].who} ${parsed[j].cidr}; both are on the prefecture hub, whose routes must tell them apart`,
          fix: 'give every network on the hub its own range (plan the prefecture\'s internet-tier ranges in one table)',
          ja: `${parsed[i].cidr}（${parsed[i].path}）が ${parsed[j].cidr}（${parsed[j].path}）と重なっています。都道府県のハブにつながるネットワークは重ならない範囲にしてください`,
        });
      }
    }
  }
  return problems;
}
