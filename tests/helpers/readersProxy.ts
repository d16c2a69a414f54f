import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  acceptEncoding: string | null;
  userAgent: string | null;
  status: number;
  etag: string | null;
  bytes: number;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close: () => Promise<void>;
}

/**
 * A test-only reverse proxy on loopback that records what each reader asked and what it got:
 * the only way to see the conditional headers newsboat and feedparser send. It is transparent:
 * the Host header goes on (so the server builds its self links and the OPML on the proxy's
 * origin) and response headers come back byte for byte, names spelled as the server wrote them.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const forward = request(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        let bytes = 0;
        answer.on('data', (chunk: Buffer) => (bytes += chunk.length));
        answer.on('end', () => {
          const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
          exchanges.push({
            method: req.method ?? 'GET', path: req.url ?? '/', ifNoneMatch: header('if-none-match'),
            ifModifiedSince: header('if-modified-since'), acceptEncoding: header('accept-encoding'),
            userAgent: header('user-agent'), status: answer.statusCode ?? 0,
            etag: (answer.headers.etag as string | undefined) ?? null, bytes,
          });
        });
        // Raw headers: names reach the reader spelled exactly as the server wrote them.
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
