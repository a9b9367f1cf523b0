/**
 * Small zod building blocks shared by the configuration schema files. A custom issue carries its own
 * fix text (English + Japanese) in `params`, which `schema-problems.ts` turns into a ConfigProblem.
 */
import { z } from 'zod';
import { parseIpv4Block } from '../cidr/ipv4-blocks';

export interface FixParams {
  fix: string;
  ja: string;
}

/** An IPv4 CIDR block; bad text is reported with the exact reason (octet, prefix, host bits). */
export const cidrString = z.string().superRefine((value, ctx) => {
  const parsed = parseIpv4Block(value);
  if (typeof parsed === 'string') {
    const params: FixParams = {
      fix: 'write an IPv4 network address with its prefix length and no host bits, e.g. 10.1.0.0/16',
      ja: `「${value}」は正しいCIDRではありません。ホスト部を0にした 10.1.0.0/16 の形式で書いてください`,
    };
    ctx.addIssue({ code: 'custom', message: parsed, params });
  }
});

export const subnetPrefix = z.number().int().min(16).max(28);
