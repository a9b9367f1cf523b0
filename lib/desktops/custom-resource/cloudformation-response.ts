/**
 * The CloudFormation custom-resource protocol our Lambda handlers speak without the Provider framework:
 * the request fields they answer with, the answer, and the PUT to the pre-signed URL.
 * Shipped inside each handler's asset (see handler-asset.ts), so it imports only Node built-ins.
 */
import * as http from 'http';
import * as https from 'https';

/** The fields of a CloudFormation request that its answer must echo, plus where to send it. */
export interface CloudFormationRequest {
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
}

export interface CloudFormationResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

/** CloudFormation caps the reason it shows; keep the start, where the cause is. */
export const MAX_REASON_LENGTH = 3500;

/** PUTs the answer to CloudFormation's pre-signed URL (https in AWS; http allowed for local tests). */
export async function respond(responseUrl: string, response: CloudFormationResponse): Promise<void> {
  const body = JSON.stringify(response);
  const url = new URL(responseUrl);
  const transport = url.protocol === 'https:' ? https : http;
  await new Promise<void>((resolve, reject) => {
    const req = transport.request(url, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`CloudFormation answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}
