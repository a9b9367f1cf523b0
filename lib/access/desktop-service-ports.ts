/**
 * The only traffic a telework client may send into a tier: the desktop streaming service.
 * Pure data (no aws-cdk-lib) so the constructs, the tier policy and the docs quote the same list.
 *
 * Source: Amazon WorkSpaces Administration Guide — "client applications use HTTPS over port 443 for all
 * authentication and session-related information … port 4172 (PCoIP) and port 4195 (WSP, now DCV) for pixel
 * streaming … and for network health checks" (architecture.html, "Ports for client applications").
 * Private streaming through the `highlander` interface endpoint is DCV only, so PCoIP (4172) is NOT admitted:
 * a PCoIP desktop could only stream over the internet, which the closed design refuses.
 */
export interface ServicePort {
  protocol: 'tcp' | 'udp';
  port: number;
  purpose: string;
}

export const DESKTOP_STREAMING_PORTS: readonly ServicePort[] = [
  { protocol: 'tcp', port: 443, purpose: 'DCV session setup and health check over the streaming endpoint' },
  { protocol: 'tcp', port: 4195, purpose: 'DCV pixel streaming (TCP)' },
  { protocol: 'udp', port: 4195, purpose: 'DCV pixel streaming (QUIC/UDP)' },
];

/** AWS Client VPN accepts only these maximum session durations (hours). */
export const CLIENT_VPN_SESSION_TIMEOUT_HOURS = [8, 10, 12, 24] as const;
export type ClientVpnSessionTimeoutHours = (typeof CLIENT_VPN_SESSION_TIMEOUT_HOURS)[number];

/** AWS Client VPN login banner limit (UTF-8 characters). */
export const CLIENT_VPN_BANNER_MAX_LENGTH = 1400;

/** The banner shown before connecting: Japanese first (the staff's language), then English. */
export function loginBannerText(banner: { ja: string; en: string }): string {
  return `${banner.ja.trim()}\n\n${banner.en.trim()}`;
}
