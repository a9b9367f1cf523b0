/**
 * The tier policy: what the templates cannot say by themselves. External networks by CIDR (on-premises
 * segments per tier, telework client pools), the city's MIC model, and sanctioned exchange channels
 * (e.g. 無害化 mail relay) with owner, reason and expiry. Validated with zod; every error names the field.
 */
import { z } from 'zod';
import { TIERS } from '../tiers/tier';
import { parseCidr } from '../cidr/address-sets';

const cidr = z.string().refine((s) => parseCidr(s) !== undefined, {
  message: 'must be a CIDR block such as 10.20.0.0/16 or 2001:db8::/48 (CIDR ブロックで指定してください)',
});

const tier = z.enum(TIERS);

/** Endpoint classes a channel connects: a tier's VPCs, its on-premises network, its telework clients, or the internet. */
export const ENDPOINT_CLASS_PATTERN = /^(internet|(tier|on-prem|telework):(internet|lgwan|personal-number))$/;
const endpointClass = z.string().regex(ENDPOINT_CLASS_PATTERN, {
  message: 'must be "internet" or one of tier:<t>, on-prem:<t>, telework:<t> with <t> = internet | lgwan | personal-number',
});

const ports = z.union([
  z.number().int().min(0).max(65535).transform((n) => ({ from: n, to: n })),
  z.string().regex(/^\d{1,5}(-\d{1,5})?$/, { message: 'must be a port or a range such as "25" or "8000-8080"' }).transform((s) => {
    const [a, b] = s.split('-').map(Number);
    return { from: a, to: b ?? a };
  }),
]);

export const policySchema = z
  .object({
    version: z.literal(1, { message: 'must be 1 (the only policy format version so far)' }),
    municipality: z.string().optional().describe('Free text: which municipality this policy belongs to.'),
    model: z
      .enum(['alpha', 'alpha-prime', 'beta', 'beta-prime'], { message: 'must be alpha, alpha-prime, beta or beta-prime (αモデル/α\'/β/β\')' })
      .describe('MIC model of the city (αモデル/α\'/β/β\'); β/β\' allow telework into internet-tier desktops.'),
    onPremNetworks: z
      .array(z.object({ name: z.string().min(1), tier, cidrs: z.array(cidr).min(1) }).strict())
      .default([])
      .describe('On-premises networks per tier (庁内ネットワーク), reached over VPN / Direct Connect links tagged with the same tier.'),
    teleworkClients: z
      .array(
        z
          .object({
            name: z.string().min(1),
            tier,
            cidrs: z.array(cidr).min(1),
            /** How the pool reaches AWS: it must be closed (never the public internet). */
            via: z.enum(['client-vpn', 'closed-vpn', 'closed-sim', 'direct-connect']),
          })
          .strict(),
      )
      .default([])
      .describe('Telework client pools reaching AWS over a closed path (閉域VPN/閉域SIM); never the personal-number tier.'),
    sanctionedChannels: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: 'letters, digits, "-", "_" and "." only' }),
            from: endpointClass,
            to: endpointClass,
            protocol: z.enum(['tcp', 'udp']),
            ports,
            /** Narrows the channel to these destination addresses (e.g. one cloud service for an α' breakout). */
            toCidrs: z.array(cidr).min(1).optional(),
            owner: z.string().min(1, { message: 'name the team that owns this channel (担当課)' }),
            reason: z.string().min(1, { message: 'say why the channel exists, e.g. 無害化 mail relay' }),
            expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (有効期限)' }),
          })
          .strict(),
      )
      .default([])
      .describe('Sanctioned exchange channels between endpoint classes (無害化通信) with owner, reason and expiry; an expired channel is an error.'),
  })
  .strict()
  .describe('closed-telework tier policy (三層分離の検証ポリシー). See docs/verify.md.');

/** JSON Schema of the policy file (what an editor validates against); policies/tier-policy.schema.json is generated from it. */
export function policyJsonSchema(): unknown {
  return z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' });
}

export type TierPolicy = z.output<typeof policySchema>;
