/**
 * The transport the local AWS API servers share: an HTTP server on 127.0.0.1 (random port) that hands each
 * request's body to a handler, replies in the AWS JSON 1.1 shape, and on close drops held sockets (a
 * "timeout" fault keeps a socket open on purpose). Each server keeps only its own protocol and state.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';

export type JsonRequestHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface LoopbackServer {
  endpoint: string;
  close(): Promise<void>;
}

/** Replies with an AWS JSON 1.1 body (errors are `{ __type, message }` with their HTTP status). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': `req-${Math.random().toString(16).slice(2)}`,
  });
  res.end(text);
}

export async function startLoopbackServer(handle: JsonRequestHandler): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
