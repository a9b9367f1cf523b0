/**
 * English wording of the findings this package's rules make (lib/checks/finding-text.ts). `verify --format
 * json` writes it as each finding's `title` and `message`; the English reports print it. English only: the
 * Japanese lives in findings.ja.ts. Keep the two in step (both implement FindingWords).
 */
import type { FindingText, FlowText } from '../../checks/finding-text';
import { TIER_LABELS, TIERS, type Tier } from '../../tiers/tier';
import { LAYER_EN, pathWordsEn, relay as relayEn } from './hops.en';
import type { Layer } from '../../model/path';
import type { FindingWords, Worded } from './finding-words';
import { detailWordsEn, reasonEn } from './reasons.en';
import type { EndpointClass } from '../../model/reachability/places';

const TAG = 'mic:tier';

const LINK_KIND: Record<'vpn' | 'dx-association', string> = { vpn: 'VPN connection', 'dx-association': 'Direct Connect gateway association' };

function tier(t: Tier | undefined): string {
  return t ? TIER_LABELS[t].en : 'an undeclared network';
}

/** An end of the reachability matrix, as the drift findings name it. */
function driftEnd(c: EndpointClass): string {
  if (c === 'internet') return 'the internet';
  const [kind, t] = c.split(':') as ['tier' | 'on-prem' | 'telework', Tier];
  const label = TIER_LABELS[t].en;
  return kind === 'tier' ? label : kind === 'on-prem' ? `the on-premises network of the ${label}` : `telework clients of the ${label}`;
}

/** The filters that still stop a path, in words ("network ACLs and security groups"), not layer ids. */
export function blockers(layers: readonly Layer[]): string {
  return layers.map((l) => (l === 'nacl' ? 'network ACLs' : l === 'sg' ? 'security groups' : LAYER_EN[l])).join(' and ');
}

/** A path finding: what happens (open, or routes connect and only filters stop it), why it matters, the fix. */
function flow(f: FlowText, title: string, why: string, fix: string): Worded {
  const from = pathWordsEn.place(f.from);
  const to = pathWordsEn.place(f.to);
  const what = f.open
    ? `${from} can send packets to ${to} (${f.protocol ?? 'any'}${f.port !== undefined ? ` port ${f.port}` : ''}, e.g. ${f.destinations}).`
    : `Routes connect ${from} to ${to}; today only ${blockers(f.blockedBy)} stop every packet (defence in depth is gone).`;
  return { title: f.open ? title : `${title} (routes connect; blocked only by ${blockers(f.blockedBy)})`, message: `${what} ${why} Fix: ${fix}` };
}

function word(t: FindingText): Worded {
  switch (t.key) {
    case 'tier-crossing':
      return flow(t.flow, `${tier(t.from)} reaches ${tier(t.to)}`,
        'The three tiers must not communicate at all (three-tier separation).',
        'remove the route, TGW association/propagation or peering that joins the tiers (see the hops). Never declare it as a permitted path: data moves between tiers only by sanitised exchange through a mechanism the information security officer approved.');
    case 'closed-tier-internet':
      return flow(t.flow, t.inbound ? `The internet reaches ${tier(t.tier)}` : `${tier(t.tier)} reaches the internet`,
        `The ${t.tier} tier is closed: no path to or from the internet (telework enters only through the closed VPN).`,
        t.inbound
          ? 'detach the internet gateway from this VPC and remove public subnets/load balancers; telework must enter through the closed VPN.'
          : 'remove the default route to the internet gateway / NAT gateway; use VPC endpoints for AWS services.');
    case 'telework-beyond-desktop':
      return flow(t.flow, `Telework clients reach ${pathWordsEn.place(t.flow.to)} in ${tier(t.tier)}, which is not the desktop service`,
        'Telework is screen transfer only: clients may reach the virtual desktops and nothing else in the tier.',
        'narrow the Client VPN authorization rules and routes to the desktop (WorkSpaces) subnets.');
    case 'tier-join-peering':
      return { title: 'VPC peering joins two tiers', message: `Peering ${t.peering} connects ${tier(t.a)} and ${tier(t.b)}. Even without routes today, one added route would join the tiers. Fix: delete the peering connection; tiers exchange nothing except through a sanctioned sanitising channel.` };
    case 'tier-join-tgw': {
      const detail = [...t.associated.map((a) => `${a.attachment} (${a.tier}) is associated`), ...t.reached.map((r) => `${r.attachment} (${r.tier}) via ${r.dest === undefined ? 'propagation' : `static route ${r.dest}`}`)].join('; ');
      return {
        title: 'A transit gateway route domain spans two tiers',
        message: `${t.isDefault ? 'The default route table of' : 'Route table'} ${t.table} joins ${t.tiers.map(tier).join(' and ')}: ${detail}. Fix: give each tier its own TGW route table with DefaultRouteTableAssociation/Propagation set to disable, associate and propagate only that tier's attachments, and add blackhole routes for the other tiers' CIDRs.`,
      };
    }
    case 'tier-join-multihomed':
      return { title: 'A resource sits in two tiers (multi-homed)', message: `${t.type} ${t.id} has interfaces or placement in ${t.tiers.map(tier).join(' and ')} (subnets ${t.subnets.join(', ')}). Anything running on it can forward between the tiers. Fix: place it in one tier only; use a separate resource per tier.` };
    case 'tier-join-privatelink':
      return { title: 'PrivateLink connects two tiers', message: `Endpoint ${t.endpoint} in ${tier(t.consumer)} connects to endpoint service ${t.service}, whose load balancer is in ${tier(t.provider)}. Fix: remove the endpoint; a service shared across tiers must go through a sanctioned sanitising channel.` };
    case 'tgw-default-route-table':
      return { title: 'Transit gateway default route table enabled', message: `Transit gateway ${t.tgw} has ${[t.association && 'DefaultRouteTableAssociation', t.propagation && 'DefaultRouteTablePropagation'].filter(Boolean).join(' and ')} enabled (CloudFormation's default): every new attachment joins one shared route domain automatically. Fix: set both to "disable" and use one route table per tier.` };
    case 'untagged-vpc':
      return { title: 'VPC has no tier tag', message: `VPC ${t.vpc} ${t.invalid === undefined ? 'has no' : `has an invalid (${t.invalid})`} ${TAG} tag, so the engine cannot tell which tier it belongs to and cannot prove it separated. Fix: tag it ${TAG} = ${TIERS.join(' | ')}.` };
    case 'untagged-link':
      return { title: 'External link has no tier tag', message: `${t.type} ${t.id} leads to a network outside AWS but ${t.invalid === undefined ? 'has no' : `has an invalid (${t.invalid})`} ${TAG} tag: the engine cannot tell which tier's on-premises network it reaches. Fix: tag it ${TAG} = ${TIERS.join(' | ')}.` };
    case 'tier-tag-conflict':
      return { title: 'Tier tag contradicts its VPC or link', message: `${t.id}: ${reasonEn(t.reason)}. A resource belongs to the tier of the network it sits in; a contradicting tag means the design and the deployment disagree. Fix: correct the tag (expected ${t.expected}) or move the resource to a VPC of the intended tier.` };
    case 'unmodelled-resource':
      return { title: `Network resource not modelled: ${t.type}`, message: `${t.id}: ${reasonEn(t.reason)}. It could join tiers in ways the proof does not see. Fix: remove it, or replace it with a modelled construct (see docs/verify.md for the list).` };
    case 'unresolved-value':
      return { title: `A network value cannot be resolved: ${t.id}.${t.property}`, message: `${t.type} ${t.id}, property ${t.property}: ${reasonEn(t.reason)}. The engine cannot prove separation for what it cannot see. Fix: use a literal or a reference to a resource in the templates given (pass every stack, including the one that exports the value).` };
    case 'telework-entry-personal-number':
      return { title: 'Telework entry point in the personal-number tier', message: `${t.type} ${t.id} (${detailWordsEn.teleworkEntry(t.entry)}) places a telework entry in the personal-number tier (subnets: ${t.where}). The personal-number tier must have no telework entry at all. Fix: move the desktops/endpoint to the LGWAN tier; personal-number work is done only on office terminals.` };
    case 'client-vpn-into-personal-number':
      return { title: 'Telework entry point in the personal-number tier', message: `Client VPN endpoint ${t.endpoint} lets telework clients into the personal-number tier. Fix: delete it; personal-number work is done only on office terminals.` };
    case 'client-vpn-whole-vpc':
      return { title: 'Client VPN authorises a whole VPC', message: `Client VPN ${t.endpoint} authorises ${t.cidr}${t.allGroups ? ' for all users' : ''}, which covers the whole VPC. Telework clients should reach only the desktop subnets. Fix: authorise each desktop subnet CIDR instead (in CDK, set authorizeAllUsersToVpcCidr: false and add rules per desktop subnet).` };
    case 'access-grant-into-tier': {
      const who = t.outsiders.map((o) => (o.kind === 'everyone' ? '"*" (every AWS account)' : o.kind === 'literal-account' ? `${o.id} (a literal account id: write this account as \${AWS::AccountId} if it is the deploying account)` : o.id)).join(', ');
      const what = t.kind === 'endpoint-service'
        ? `endpoint service ${t.target}, whose load balancers are in ${tier(t.tier)}, allows ${who} to create endpoints${t.acceptanceRequired ? '; each connection must be accepted by hand' : ' and AcceptanceRequired is off, so they connect at once'}`
        : `network interface ${t.target} in ${tier(t.tier)} may be used by ${who} (NetworkInterfacePermission)`;
      const title = 'Another account is allowed into a closed tier';
      return { title: t.acceptanceRequired ? `${title} (acceptance required)` : title, message: `${t.grant}: ${what}. A network of another account then reaches into the tier through AWS, without any route these templates show. Fix: allow only this account (arn:aws:iam::\${AWS::AccountId}:root) and set AcceptanceRequired: true, or remove the permission.` };
    }
    case 'hub-attachment-tier': {
      const j = t.joined;
      const what = j.kind === 'link'
        ? `a ${j.linkKind.toUpperCase()} attachment (an on-premises link)`
        : j.kind === 'outside'
          ? 'a VPC outside the templates given'
          : j.tier === undefined ? `VPC ${j.vpc}, which declares no tier (${TAG})` : `VPC ${j.vpc} of the ${TIER_LABELS[j.tier].en}`;
      return { title: 'Only internet tiers attach to the prefecture hub', message: `Attachment ${t.attachment} joins ${what} to the ${t.hub} prefecture hub's Transit Gateway. Only internet-tier VPCs may attach to the security cloud. Fix: remove the attachment; a closed tier never attaches to the hub, and an internet tier must carry ${TAG}=internet.` };
    }
    case 'public-invoke-into-tier':
      return { title: 'Anyone can invoke code inside a closed tier', message: `${t.function} runs inside ${tier(t.tier)} (VpcConfig), and ${t.grant} gives it ${detailWordsEn.publicInvoke(t.surface)}. A request from the internet reaches code in the tier without any route: the Lambda service carries it. Fix: remove the function URL or the "*" permission (use AuthType AWS_IAM with a caller in the same tier, or a condition on SourceArn / SourceAccount), or move the function out of the closed tier.` };
    case 'hub-bypass':
      return {
        title: `${t.municipality}: An internet tier bypasses the prefecture's security cloud`,
        message: `${t.municipality}'s internet tier reaches the internet through ${t.exit ?? 'an exit'} instead of the prefecture's security cloud. With a prefecture hub in the app, the internet tiers leave only through it, where the prefecture inspects and logs. Fix: set internetEgress.kind to "prefecture-hub" in the municipality's configuration (its VPC then has no internet gateway and sends its default route to the hub), and remove any other exit.`,
      };
    case 'municipality-crossing':
      return {
        title: `${t.from} reaches ${t.to}`,
        message: `Routes carry packets from ${t.from}'s subnet ${t.subnet} to ${t.place ? `${t.to}'s network (${pathWordsEn.place(t.place)})` : `${t.to}'s on-premises network`} (destinations ${t.destinations}). Municipalities that share a prefecture hub or a platform must remain separate networks; filters are not counted, the routes themselves must not connect them. Fix: remove the route, association or propagation that joins them (see the hops): on a prefecture hub, each municipality attachment is associated only with the municipalities' route table (default route to the inspection VPC, blackholes for private ranges) and propagates only into the inspection route table.`,
      };
    case 'remote-entry-into-tier':
      return { title: 'A managed entry from the internet into a closed tier', message: `${t.id} is an ${detailWordsEn.remoteEntry(t.entry)}, placed in ${tier(t.tier)}. It needs no internet gateway or route: the connection arrives through AWS from the internet, which is not a closed path. Fix: remove it; administer the tier from its own closed network (Systems Manager through interface endpoints, or the on-premises link).` };
    case 'telework-entry-model':
      return { title: 'Telework into the internet tier in an α-model city', message: `${t.id} (${detailWordsEn.teleworkEntry(t.kind)}) is a telework entry in the internet tier, but the policy says the city uses the ${t.model} model, where telework goes to the LGWAN tier. Fix: move the desktops to the LGWAN tier, or declare model: beta / beta-prime in the policy if the city has adopted it.` };
    case 'tier-tag-variable':
      return {
        title: 'The tier depends on a deploy-time value',
        message: t.free
          ? `${t.id}: the ${TAG} tag comes from a parameter with no AllowedValues (default ${t.values.join(', ')}); a deployment may pass any tier, and the verdict was computed for the default only. Fix: write the tier as a literal, or give the parameter AllowedValues with one tier per template, and verify with --parameters for each deployment.`
          : `${t.id}: the ${TAG} tag can be ${t.values.join(' or ')} depending on a parameter or condition, so the same template deploys the network into different tiers; the verdict was computed for ${t.values[0]} only. Fix: one template per tier with a literal tag, or verify each deployment with --parameters.`,
      };
    case 'municipality-and-hub':
      return { title: 'A VPC declares no municipality', message: `VPC ${t.vpc} declares both municipality "${t.municipality}" and prefecture hub "${t.hub}". A hub serves every member municipality and belongs to none. Fix: keep only one of the tags mic:municipality / mic:hub.` };
    case 'untagged-municipality':
      return { title: 'A VPC declares no municipality', message: `VPC ${t.vpc} declares no municipality, in a model of several municipalities: it cannot be proven separate from them. Fix: tag the VPC mic:municipality=<name> (the municipality stage does this for everything it builds), or mic:hub=<prefecture> for the prefecture's shared hub.` };
    case 'lattice-network-tiers':
      return { title: 'VPC Lattice joins two tiers', message: `Service network ${t.network} is associated with VPCs of ${t.tiers.map(tier).join(' and ')}: one service added to it would join the tiers. Fix: one service network per tier.` };
    case 'lattice-target':
      return { title: 'VPC Lattice joins two tiers', message: `${tier(t.consumer)} reaches service ${t.service} through service network ${t.network}, and its target group ${t.targetGroup} forwards to ${t.provider === 'internet' ? 'a Lambda function outside any VPC (internet access)' : tier(t.provider)}. Lattice carries the request without any route. Fix: keep each tier's services, targets and consumers on a service network of that tier.` };
    case 'service-relay':
      return { title: 'An AWS service relays a tier\'s requests elsewhere', message: `${tier(t.tier)} reaches ${t.service} through interface endpoint ${t.endpoint}, and ${t.relayedBy} makes ${t.service} forward to ${t.to === 'internet' ? 'the internet' : tier(t.to)} (${relayEn(t.relay)}). The endpoint is then not a destination but a relay out of the tier. Fix: remove the relaying configuration, keep its far end inside ${t.tier} (e.g. the function in ${t.tier} subnets, a VPC-link integration to a load balancer of ${t.tier}), or remove the ${t.service} endpoint from ${t.tier}.` };
    case 'tier-join-edge': {
      const shared = t.edge.kind === 'dxgw' ? `the same Direct Connect gateway (${t.edge.id})` : t.edge.kind === 'cgw-ip' ? `a customer gateway at the same address (${t.edge.id})` : `the same customer gateway (${t.edge.id})`;
      return { title: 'Two tiers share one on-premises edge', message: `${t.a} (${tier(t.aTier)}) and ${t.b} (${tier(t.bTier)}) both end at ${shared}. Whatever terminates them on premises can forward between the two tiers, and nothing inside AWS can stop it. Fix: give each tier its own on-premises edge — its own Direct Connect gateway and virtual interface, or its own customer gateway device and address; tiers exchange nothing except through a sanctioned sanitising channel.` };
    }
    case 'tier-join-link-vgw': {
      const declaredBy = t.declaredBy.kind === 'own-tag'
        ? (t.linkKind === 'vpn' ? `its ${TAG} tag` : 'the tier of its Direct Connect gateway, or of the gateway it lands on')
        : `customer gateway ${t.declaredBy.cgw ?? '?'} is tagged ${t.near}`;
      return { title: 'A VPN / Direct Connect link joins two tiers', message: `${LINK_KIND[t.linkKind]} ${t.link} carries traffic of the ${tier(t.near)} on-premises network (${declaredBy}) onto virtual private gateway ${t.vgw}, which is attached to VPC ${t.vpc} in ${tier(t.far)}. The link itself joins the two tiers: one route or filter change from packets crossing. Fix: land the ${t.near} link on the ${t.near} tier's own virtual private gateway (or transit gateway route domain); tiers exchange nothing except through a sanctioned sanitising channel.` };
    }
    case 'tier-join-link-tgw':
      return { title: 'A VPN / Direct Connect link joins two tiers', message: `${LINK_KIND[t.linkKind]} ${t.link} is tagged ${t.own ?? 'with no tier'} but its customer gateway ${t.cgw ?? '?'} is in ${tier(t.near)}; its transit gateway attachment shares route table ${t.table.isDefault ? `(the default table of ${t.table.tgw})` : t.table.id} with ${t.other} in ${tier(t.far)}. The link joins the two tiers. Fix: terminate the ${t.near} customer gateway on a link of the ${t.near} tier, in that tier's own TGW route table.` };
    case 'undeclared-onprem-route': {
      const own = t.own ?? 'nothing';
      const others = t.others.length ? ` It includes the declared on-premises networks of ${t.others.map(tier).join(' and ')}.` : '';
      return { title: 'A closed tier routes undeclared ranges to on-premises', message: `${t.route} in ${tier(t.tier)} ${t.propagation ? 'installs the routes on-premises advertises (route propagation)' : `sends ${t.dest}`} over the tier's on-premises link, but ${t.derivedPolicy ? `no --policy was given and the templates' static routes declare only ${own}` : `the policy declares ${own}`} behind that tier's link; ${t.propagation ? 'whatever else is advertised' : t.undeclared} goes to a network nobody has classified.${others} Fix: route only the tier's declared ranges (static routes, no propagation), or declare the range under onPremNetworks with tier ${t.tier} if it really is that tier's.` };
    }
    case 'drift-opens-path': {
      const list = t.changes.length ? t.changes.map((c) => `  - ${c.kind} ${c.element}`).join('\n') : '  (no single listed change is on the witness path; see the DRIFT-ADDED / DRIFT-MISSING findings)';
      return {
        title: t.crossing ? 'The account has a path between tiers that the templates do not' : 'The account has a path the templates do not',
        message:
          (t.reachable
            ? `${driftEnd(t.from)} can reach ${driftEnd(t.to)} in the account, but not in the templates the proof judged. `
            : `Routes now connect ${driftEnd(t.from)} to ${driftEnd(t.to)} in the account, which they do not in the templates; only ${blockers(t.blockedBy)} stop every packet today (one changed rule away from a crossing). `) +
          `Changes on the witness path:\n${list}\n` +
          'Fix: undo the change in the account (or, if it is wanted, make it in the templates so the proof judges it), then take a new snapshot.',
      };
    }
    case 'drift-added':
      return {
        title: `${t.opens ? 'Opens a path between tiers: ' : ''}${t.drifted.kind} in the account but not in the templates`,
        message:
          `The account has ${t.drifted.kind} ${t.drifted.element}, which no template declares (made in the console, by a script, or by a stack that was not given). ` +
          (t.opens ? `It is on the new path from ${driftEnd(t.opens.from)} to ${driftEnd(t.opens.to)}. ` : 'It opens no path between tiers by itself today, but the proof of the templates does not cover it. ') +
          'Fix: remove it, or declare it in the templates and verify them again.',
      };
    case 'drift-missing':
      return {
        title: `${t.drifted.kind} declared in the templates but not in the account`,
        message:
          `The templates declare ${t.drifted.kind} ${t.drifted.element}, and the account does not have it. ` +
          (t.protective ? 'It is one of the layers that keeps the tiers apart: without it the account has less defence in depth than the proof assumed. ' : '') +
          (t.lacks ? `The account lacks ${t.lacks.count} connection(s) the templates provide (e.g. ${driftEnd(t.lacks.from)} → ${driftEnd(t.lacks.to)}). ` : '') +
          'Fix: deploy the templates again (cdk deploy), or find who removed it.',
      };
    case 'sanctioned-channel-expired':
      return { title: `Sanctioned exchange channel has expired: ${t.id}`, message: `Channel ${t.id} (${t.from} → ${t.to}, ${t.protocol} ${t.ports.from}-${t.ports.to}, owner ${t.owner}, reason: ${t.reason}) expired on ${t.expires}; it no longer exempts any path. Fix: review it with its owner and renew the expiry, or remove the channel and the path.` };
  }
}

export const findingWordsEn: FindingWords = {
  word,
  openingRoutes: (routes) => `Routes that open this path — remove every one (one per route table / Availability Zone): ${routes.join(', ')}.`,
};
