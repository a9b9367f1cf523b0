/**
 * The telework path into each tier, end to end, as the templates build it: the device's Client VPN endpoint
 * (port, transport, mutual TLS, tunnel mode, what the authorisation rules admit), the private streaming
 * endpoint (`com.amazonaws.<region>.highlander`), the directory the desktops sign in to, and the desktops.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import { allResources, bool, num, ofType, prop, refId, sourceOf, str, tierOf, type Located } from './cfn';
import type { TeleworkPathRecord } from './record';

const DIRECTORY_TYPES = new Set(['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD', 'Custom::AdConnector']);

/** `com.amazonaws.<region>.highlander`, literal or built with Fn::Join / Fn::Sub. */
function isStreamingService(v: unknown): boolean {
  return JSON.stringify(v ?? '').includes('.highlander');
}

export function teleworkRecords(templates: readonly LoadedTemplate[]): TeleworkPathRecord[] {
  const all = allResources(templates);
  const rules = ofType(templates, 'AWS::EC2::ClientVpnAuthorizationRule');
  return ofType(templates, 'AWS::EC2::ClientVpnEndpoint').map((e): TeleworkPathRecord => {
    const tier = tierOf(e);
    const sameTier = (x: Located) => tierOf(x) === tier;
    const auth = (prop(e, 'AuthenticationOptions') as Array<{ Type?: unknown }> | undefined) ?? [];
    const logs = prop(e, 'ConnectionLogOptions') as { Enabled?: unknown } | undefined;
    const endpoint = all.find((x) => x.r.Type === 'AWS::EC2::VPCEndpoint' && isStreamingService(prop(x, 'ServiceName')) && sameTier(x));
    const directory = all.find((x) => DIRECTORY_TYPES.has(x.r.Type) && sameTier(x));
    const port = num(prop(e, 'VpnPort'));
    const transport = str(prop(e, 'TransportProtocol'));
    const split = bool(prop(e, 'SplitTunnel'));
    const portal = str(prop(e, 'SelfServicePortal'));
    const timeout = num(prop(e, 'SessionTimeoutHours'));
    const clientCidr = str(prop(e, 'ClientCidrBlock'));
    return {
      ...(tier ? { tier } : {}),
      clientVpn: {
        source: sourceOf(e),
        ...(clientCidr ? { clientCidr } : {}),
        // AWS's defaults when the template leaves them out: port 443, UDP, split tunnel off.
        port: port ?? 443,
        transport: transport ?? 'udp',
        authentication: auth.map((a) => (typeof a.Type === 'string' ? a.Type : '?')),
        splitTunnel: split ?? false,
        ...(portal ? { selfServicePortal: portal } : {}),
        ...(timeout !== undefined ? { sessionTimeoutHours: timeout } : {}),
        connectionLogs: bool(logs?.Enabled) === true,
        authorizedCidrs: rules
          .filter((r) => r.t === e.t && refId(r, prop(r, 'ClientVpnEndpointId')) === e.id)
          .map((r) => `${str(prop(r, 'TargetNetworkCidr')) ?? '?'}${bool(prop(r, 'AuthorizeAllGroups')) === true ? '' : ` (${str(prop(r, 'AccessGroupId')) ?? '?'})`}`),
      },
      ...(endpoint ? { streamingEndpoint: { source: sourceOf(endpoint), service: typeof prop(endpoint, 'ServiceName') === 'string' ? (prop(endpoint, 'ServiceName') as string) : 'com.amazonaws.<region>.highlander' } } : {}),
      ...(directory
        ? { directory: { source: sourceOf(directory), type: directory.r.Type, ...(str(prop(directory, 'Name')) ? { name: str(prop(directory, 'Name')) } : {}) } }
        : {}),
      desktops: {
        personal: all.filter((x) => x.r.Type === 'AWS::WorkSpaces::Workspace' && sameTier(x)).length,
        pools: all.filter((x) => x.r.Type === 'AWS::WorkSpaces::WorkspacesPool' && sameTier(x)).length,
        registeredDirectory: all.some((x) => x.r.Type === 'Custom::WorkSpacesDirectoryHardening' && sameTier(x)),
      },
    };
  });
}
