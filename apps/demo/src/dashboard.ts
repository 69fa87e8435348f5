// The live dashboard: node:http serving one static page, the current snapshot as JSON, and
// Server-Sent Events pushing every new snapshot. No framework, no build step for the page.
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Monitor, Snapshot } from './monitor.js';

const page = new URL('../public/index.html', import.meta.url);

/** A running dashboard. */
export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

/** Serves the dashboard on 127.0.0.1 (port 0: any free port). */
export async function serveDashboard(monitor: Monitor, port = 0): Promise<Dashboard> {
  const clients = new Set<ServerResponse>();
  const html = await readFile(page);
  const push = (snapshot: Snapshot) => {
    const data = `data: ${JSON.stringify(snapshot)}\n\n`;
    for (const res of clients) res.write(data);
  };
  monitor.on('snapshot', push);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405).end();
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (path === '/state') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(monitor.snapshot()));
    } else if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\ndata: ${JSON.stringify(monitor.snapshot())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`;
  return {
    url,
    close: async () => {
      monitor.off('snapshot', push);
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
