/**
 * The automated controls and the values the templates set: the WorkSpaces directory hardening the custom
 * resource applies (its desired state is a property of Custom::WorkSpacesDirectoryHardening, derived from
 * lib/desktops' baseline at build time), AWS::WorkSpaces::Directory's own properties when that resource is
 * used, and the Client VPN endpoint's login banner, route enforcement and session timeout.
 * Read from the template, not from the baseline module: the prove side imports nothing from the build side
 * (test/architecture/layering.test.ts), and what is deployed is what the template says.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import { bool, jsonWithTokens, num, ofType, prop, sourceOf, str, tierOf, type Located } from './cfn';
import type { ControlRecord } from './record';

/** The user settings the report names as their own controls (UserSettingActionEnum). */
const USER_SETTING_IDS: Record<string, string> = {
  CLIPBOARD_COPY_FROM_LOCAL_DEVICE: 'clipboard-from-device',
  CLIPBOARD_COPY_TO_LOCAL_DEVICE: 'clipboard-to-device',
  PRINTING_TO_LOCAL_DEVICE: 'printing-to-device',
};

function directoryControls(x: Located, settings: Record<string, unknown>): ControlRecord[] {
  const tier = tierOf(x);
  const base = { ...(tier ? { tier } : {}), source: sourceOf(x) };
  const out: ControlRecord[] = [];
  const settingsOf = (v: unknown) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const streaming = settingsOf(settings.StreamingProperties);
  for (const s of (Array.isArray(streaming.UserSettings) ? streaming.UserSettings : []) as Array<{ Action?: unknown; Permission?: unknown }>) {
    const id = typeof s.Action === 'string' ? (USER_SETTING_IDS[s.Action] ?? `user-setting:${s.Action}`) : undefined;
    if (id) out.push({ ...base, id, value: String(s.Permission ?? '?') });
  }
  const creation = settingsOf(settings.WorkspaceCreationProperties);
  if (creation.EnableInternetAccess !== undefined) out.push({ ...base, id: 'web-access', value: String(creation.EnableInternetAccess) });
  if (creation.UserEnabledAsLocalAdministrator !== undefined) out.push({ ...base, id: 'local-administrator', value: String(creation.UserEnabledAsLocalAdministrator) });
  const access = settingsOf(settings.WorkspaceAccessProperties);
  for (const [key, value] of Object.entries(access)) {
    if (key.startsWith('DeviceType')) out.push({ ...base, id: `device-type:${key}`, value: String(value) });
  }
  const endpoints = settingsOf(access.AccessEndpointConfig).AccessEndpoints;
  out.push({ ...base, id: 'private-streaming', value: Array.isArray(endpoints) && endpoints.length > 0 ? 'STREAMING_WSP' : 'internet' });
  for (const [key, value] of Object.entries(settingsOf(settings.SelfservicePermissions))) out.push({ ...base, id: `self-service:${key}`, value: String(value) });
  for (const [key, value] of Object.entries(settingsOf(settings.ClientProperties))) out.push({ ...base, id: `client:${key}`, value: String(value) });
  return out;
}

export function controlRecords(templates: readonly LoadedTemplate[]): ControlRecord[] {
  const out: ControlRecord[] = [];
  for (const h of ofType(templates, 'Custom::WorkSpacesDirectoryHardening')) {
    const settings = jsonWithTokens(prop(h, 'Settings'));
    if (settings !== null && typeof settings === 'object') out.push(...directoryControls(h, settings as Record<string, unknown>));
    // Settings the report cannot read are a control it cannot vouch for: recorded as unresolved, not skipped.
    else out.push({ ...(tierOf(h) ? { tier: tierOf(h)! } : {}), id: 'directory-hardening', value: '?', source: sourceOf(h) });
  }
  for (const d of ofType(templates, 'AWS::WorkSpaces::Directory')) out.push(...directoryControls(d, d.r.Properties ?? {}));
  for (const e of ofType(templates, 'AWS::EC2::ClientVpnEndpoint')) {
    const tier = tierOf(e);
    const base = { ...(tier ? { tier } : {}), source: sourceOf(e) };
    const banner = prop(e, 'ClientLoginBannerOptions') as { Enabled?: unknown } | undefined;
    const enforce = prop(e, 'ClientRouteEnforcementOptions') as { Enforced?: unknown } | undefined;
    out.push({ ...base, id: 'vpn-login-banner', value: String(bool(banner?.Enabled) === true) });
    out.push({ ...base, id: 'vpn-route-enforcement', value: String(bool(enforce?.Enforced) === true) });
    out.push({ ...base, id: 'vpn-split-tunnel', value: String(bool(prop(e, 'SplitTunnel')) === true) });
    out.push({ ...base, id: 'vpn-self-service-portal', value: str(prop(e, 'SelfServicePortal')) ?? 'disabled' });
    const hours = num(prop(e, 'SessionTimeoutHours'));
    out.push({ ...base, id: 'vpn-session-timeout', value: hours !== undefined ? String(hours) : '24' });
  }
  return out;
}
