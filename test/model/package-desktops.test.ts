/**
 * This package's own WorkSpaces registration (Custom::WorkSpacesDirectoryHardening) is read as a WorkSpaces
 * directory in the subnets its Settings name: a telework entry, and the security group WorkSpaces creates
 * for the desktops (in no template) is modelled in that VPC as AWS documents it (all outbound allowed).
 */
import { buildModel } from '../../lib/model/facts';
import { asLoaded, buildCity } from '../fixtures/city';
import { ref, rules, run, type Resources } from '../checks/helpers';

/** The Settings document as lib/desktops writes it (stack.toJsonString: a Fn::Join of JSON text and references). */
const settings = (a: string, b: string) => ({ 'Fn::Join': ['', ['{"DirectoryId":"', ref('AdLgwan'), '","SubnetIds":["', ref(a), '","', ref(b), '"],"Tenancy":"SHARED"}']] });

function city(mutate: (R: Resources) => void) {
  const t = buildCity();
  const R = t.Resources as Resources;
  // Only the package's registration tells where the desktops are: no AWS::WorkSpaces::* in the template.
  delete R.WsLgwan;
  mutate(R);
  return buildModel([asLoaded('City', t)]).model;
}

test('the registration is a WorkSpaces directory in the subnets its Settings name, with the WorkSpaces-created group', () => {
  const m = city((R) => {
    R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f', Settings: settings('SubnetLgwanDesktopA', 'SubnetLgwanDesktopB') } };
  });
  const entry = m.teleworkEntries.find((e) => e.ref.logicalId === 'Hardening');
  expect(entry).toMatchObject({ kind: 'workspaces-directory', subnets: ['City::SubnetLgwanDesktopA', 'City::SubnetLgwanDesktopB'] });
  const members = m.securityGroups.get('City::VpcLgwan#workspacesMembers');
  expect(members?.egress).toEqual([expect.objectContaining({ protocol: -1, peerText: expect.stringMatching(/WorkSpaces creates/) })]);
});

test('without the registration (and no AWS::WorkSpaces::*), no WorkSpaces-created group is assumed', () => {
  const m = city(() => undefined);
  expect(m.securityGroups.has('City::VpcLgwan#workspacesMembers')).toBe(false);
});

test('a registration without Settings registers nothing (the handler refuses it): no entry, no finding', () => {
  const m = city((R) => {
    R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f' } };
  });
  expect(m.teleworkEntries.some((e) => e.ref.logicalId === 'Hardening')).toBe(false);
  expect(m.unresolved).toEqual([]);
});

test('breach: the registration names personal-number subnets — TELEWORK-ENTRY-PERSONAL-NUMBER; clean in LGWAN', () => {
  const reg = (a: string, b: string) => (R: Resources): void => {
    R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111111111111:function:f', Settings: settings(a, b) } };
  };
  expect(rules(run(reg('SubnetPnAppA', 'SubnetPnAppB')))).toContain('TELEWORK-ENTRY-PERSONAL-NUMBER');
  expect(rules(run(reg('SubnetLgwanDesktopA', 'SubnetLgwanDesktopB')))).toEqual([]);
});

test('settings that are not JSON: the subnets cannot be read, UNRESOLVED-VALUE (fail closed)', () => {
  const m = city((R) => {
    R.Hardening = { Type: 'Custom::WorkSpacesDirectoryHardening', Properties: { ServiceToken: 'x', Settings: 'SubnetIds=a,b' } };
  });
  expect(m.unresolved.map((u) => u.property)).toEqual(['Settings']);
});
