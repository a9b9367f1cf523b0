/**
 * The default PKI of a telework tier's Client VPN: a private root CA in AWS Private CA (one per tier, so a
 * device certificate of one tier never authenticates to another tier's VPN), and the VPN server certificate
 * issued from it through ACM (renewed by ACM).
 *
 * Client certificates for lent devices are issued from the same CA (runbook in docs/telework.md). Because
 * server and client certificates share one CA, the server certificate's ARN also serves as the client root
 * chain ARN (AWS Client VPN mutual authentication accepts that).
 */
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import { Construct } from 'constructs';
import type { Tier } from '../tiers/tier';

export interface TierCertificateAuthorityProps {
  tier: Tier;
  municipality: string;
  /** Name of the VPN server certificate, e.g. vpn.lgwan.example-city.internal. */
  serverName: string;
}

/** Root CA validity: long enough to outlive lent devices, re-issued by the runbook before expiry. */
export const ROOT_CA_VALIDITY_YEARS = 10;

export class TierCertificateAuthority extends Construct {
  readonly certificateAuthorityArn: string;
  readonly serverCertificateArn: string;
  readonly clientRootCertificateChainArn: string;

  constructor(scope: Construct, id: string, props: TierCertificateAuthorityProps) {
    super(scope, id);
    const ca = new acmpca.CfnCertificateAuthority(this, 'RootCa', {
      type: 'ROOT',
      keyAlgorithm: 'RSA_2048',
      signingAlgorithm: 'SHA256WITHRSA',
      usageMode: 'GENERAL_PURPOSE',
      subject: { country: 'JP', organization: props.municipality, commonName: `${props.municipality} ${props.tier} telework CA` },
    });
    const rootCertificate = new acmpca.CfnCertificate(this, 'RootCertificate', {
      certificateAuthorityArn: ca.attrArn,
      certificateSigningRequest: ca.attrCertificateSigningRequest,
      signingAlgorithm: 'SHA256WITHRSA',
      templateArn: 'arn:aws:acm-pca:::template/RootCACertificate/V1',
      validity: { type: 'YEARS', value: ROOT_CA_VALIDITY_YEARS },
    });
    const activation = new acmpca.CfnCertificateAuthorityActivation(this, 'Activation', {
      certificateAuthorityArn: ca.attrArn,
      certificate: rootCertificate.attrCertificate,
      status: 'ACTIVE',
    });
    const server = new acm.PrivateCertificate(this, 'ServerCertificate', {
      domainName: props.serverName,
      certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(this, 'Ca', ca.attrArn),
    });
    server.node.addDependency(activation);
    this.certificateAuthorityArn = ca.attrArn;
    this.serverCertificateArn = server.certificateArn;
    this.clientRootCertificateChainArn = server.certificateArn;
  }
}
