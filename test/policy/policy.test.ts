/** The policy file: the packaged default is valid, and every bad field is named with its fix. */
import * as fs from 'fs';
import { policyJsonSchema } from '../../lib/policy/schema';
import { DEFAULT_POLICY_FILE, loadPolicy, parsePolicy } from '../../lib/policy/load';
import { InputError } from '../../lib/input-error';

describe('tier policy', () => {
  test('the packaged default policy loads and matches the example city', () => {
    const p = loadPolicy();
    expect(p.model).toBe('alpha');
    expect(p.onPremNetworks.map((n) => [n.tier, n.cidrs[0]])).toEqual([
      ['internet', '192.168.10.0/24'],
      ['lgwan', '172.16.20.0/22'],
      ['personal-number', '172.16.32.0/22'],
    ]);
    expect(p.teleworkClients.every((t) => t.tier !== 'personal-number')).toBe(true);
    expect(fs.existsSync(DEFAULT_POLICY_FILE)).toBe(true);
  });

  test('ports accept a number or a range string', () => {
    const p = parsePolicy('version: 1\nmodel: beta\nsanctionedChannels:\n  - { id: m, from: tier:internet, to: tier:lgwan, protocol: tcp, ports: "8000-8080", owner: o, reason: r, expires: 2027-03-31 }\n', 'p.yaml');
    expect(p.sanctionedChannels[0].ports).toEqual({ from: 8000, to: 8080 });
    expect(p.sanctionedChannels[0].expires).toBe('2027-03-31');
  });

  test.each([
    ['version: 2\nmodel: alpha\n', /version: must be 1/],
    ['version: 1\nmodel: gamma\n', /model: must be alpha/],
    ['version: 1\nmodel: alpha\nonPremNetworks: [{ name: x, tier: lgwan, cidrs: [10.0.0.0/99] }]\n', /onPremNetworks\[0\]\.cidrs\[0\]: must be a CIDR block/],
    ['version: 1\nmodel: alpha\nonPremNetworks: [{ name: x, tier: LGWAN, cidrs: [10.0.0.0/8] }]\n', /onPremNetworks\[0\]\.tier/],
    ['version: 1\nmodel: alpha\nsanctionedChannels: [{ id: m, from: lgwan, to: tier:lgwan, protocol: tcp, ports: 25, owner: o, reason: r, expires: 2027-03-31 }]\n', /sanctionedChannels\[0\]\.from: must be "internet" or one of/],
    ['version: 1\nmodel: alpha\nsanctionedChannels: [{ id: m, from: internet, to: tier:lgwan, protocol: tcp, ports: 25, owner: "", reason: r, expires: 31/03/2027 }]\n', /owner: name the team[\s\S]*expires: must be a date/],
    ['version: 1\nmodel: alpha\nextra: 1\n', /Unrecognized key/],
    ['version: [1\n', /not valid YAML/],
  ])('rejects %j', (text, msg) => {
    expect(() => parsePolicy(text, 'p.yaml')).toThrow(InputError);
    expect(() => parsePolicy(text, 'p.yaml')).toThrow(msg);
  });

  test('a missing policy file is unusable input naming the file', () => {
    expect(() => loadPolicy('/nonexistent/policy.yaml')).toThrow(/\/nonexistent\/policy\.yaml: cannot read/);
  });
});

describe('the default policy stays aligned with the example city configuration', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { exampleCity } = require('../../lib/config/municipalities/example-city') as typeof import('../../lib/config/municipalities/example-city');
  const p = loadPolicy();
  test('the same MIC model', () => expect(p.model).toBe(exampleCity.micModel));
  test.each(['internet', 'lgwan', 'personal-number'] as const)('on-premises ranges of the %s tier', (tier) => {
    const inPolicy = p.onPremNetworks.filter((n) => n.tier === tier).flatMap((n) => n.cidrs).sort();
    expect(inPolicy).toEqual([...(exampleCity.tiers[tier]?.onPremCidrs ?? [])].sort());
  });
  test('telework client pools', () => {
    const cfg = exampleCity.telework?.clientCidrs ?? {};
    expect(Object.fromEntries(p.teleworkClients.map((t) => [t.tier, t.cidrs[0]]))).toEqual(cfg);
  });
});

describe('the JSON Schema shipped for editors', () => {
  test('policies/tier-policy.schema.json is generated from the zod schema (regenerate it when the schema changes)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- one path join in one test
    const onDisk = JSON.parse(fs.readFileSync(require('path').join(__dirname, '../../policies/tier-policy.schema.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });
  test('it names the fields a municipal reader fills in', () => {
    const s = policyJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(s.properties)).toEqual(['version', 'municipality', 'model', 'onPremNetworks', 'teleworkClients', 'sanctionedChannels']);
    expect(s.additionalProperties).toBe(false);
  });
});
