import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface ShardHealth {
  readonly id: number;
  readonly status: string;
  /** Last heartbeat round trip in ms; -1 before the first. */
  readonly pingMs: number;
}

export interface KnowledgeHealth {
  /** Counts up from 1 with every knowledge base this process has answered from. */
  readonly version: number;
  /** A short fingerprint of the content (roles and comparisons), the same across shards for the same files. */
  readonly fingerprint: string;
  readonly roles: number;
  readonly comparisons: number;
  readonly loadedAt: string;
}

export interface HealthReport {
  readonly ready: boolean;
  readonly shards: readonly ShardHealth[];
  readonly pingMs: number;
  readonly knowledge: KnowledgeHealth;
  readonly uptimeSeconds: number;
}

export interface HealthServer {
  /** http://host:port, with the port actually bound (HEALTH_PORT=0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * GET /healthz (200 when the gateway is ready, 503 otherwise; JSON) and GET /metrics (Prometheus text
 * format) on `host:port`, 127.0.0.1 unless told otherwise: nothing here is for the public internet.
 */
export async function startHealthServer(options: {
  readonly port: number;
  readonly host: string;
  readonly report: () => HealthReport;
  readonly registry: Registry;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'GET only\n');
      return;
    }
    if (path === '/healthz') {
      let report: HealthReport;
      try {
        report = options.report();
      } catch (error) {
        send(503, 'application/json', JSON.stringify({ ready: false, error: (error as Error).message }));
        return;
      }
      send(report.ready ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`);
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => send(200, options.registry.contentType, text),
        (error: unknown) => send(500, 'text/plain; charset=utf-8', `${(error as Error).message}\n`),
      );
      return;
    }
    send(404, 'text/plain; charset=utf-8', 'Not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
