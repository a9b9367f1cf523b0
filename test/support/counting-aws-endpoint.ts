/**
 * A stand-in for every AWS endpoint, for tests that must show a command does NOT call AWS: point the SDK at
 * it with AWS_ENDPOINT_URL, and it records each request (method, path, action) and answers every one with
 * the Query-protocol error an invalid access key gets, so a command that does call AWS fails fast instead
 * of deploying anything. Listens on 127.0.0.1 only, on a port the OS picks.
 */
import { startLoopbackServer, type LoopbackServer } from './loopback-json-server';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The Query-protocol Action (e.g. GetCallerIdentity) or JSON-protocol X-Amz-Target, when present. */
  action?: string;
}

export interface CountingEndpoint extends LoopbackServer {
  readonly requests: RecordedRequest[];
}

const ERROR_XML =
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>' +
  '<Message>The security token included in the request is invalid (closed-telework loopback test endpoint).</Message></Error>' +
  '<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>';

export async function startCountingEndpoint(): Promise<CountingEndpoint> {
  const requests: RecordedRequest[] = [];
  const server = await startLoopbackServer((req, res, body) => {
    const target = req.headers['x-amz-target'];
    const action = /(?:^|&)Action=([^&]+)/.exec(body)?.[1] ?? /[?&]Action=([^&]+)/.exec(req.url ?? '')?.[1] ?? (typeof target === 'string' ? target : undefined);
    requests.push({ method: req.method ?? '?', path: req.url ?? '/', ...(action ? { action } : {}) });
    res.writeHead(403, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(ERROR_XML), 'x-amzn-RequestId': '00000000-0000-0000-0000-000000000000' });
    res.end(ERROR_XML);
  });
  return { ...server, requests };
}

/** The environment that sends every AWS SDK call of a child process to `endpoint`, with dummy credentials. */
export function dummyAwsEnvironment(endpoint: string): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'ap-northeast-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
}
