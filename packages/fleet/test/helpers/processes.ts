// Spawns fleet node processes (node --import tsx) and talks to them as a client over TCP with the
// client protocol, like the client SDK does.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { msgpackCodec } from '@raftfleet/replica';
import { TcpTransport } from '@raftfleet/transport-tcp';
import { decodeBody, encodeBody } from '../../src/index.js';

const script = fileURLToPath(new URL('./node-process.ts', import.meta.url));

export interface NodeProc {
  id: string;
  zone: string;
  address: string;
  child: ChildProcess;
  events: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

export async function spawnNode(args: {
  id: string;
  zone: string;
  dir: string;
  seeds: string[];
  /** Port to listen on (default: any free one); a restart on the data directory of a node passes its old one. */
  port?: number;
  purgeAfterMs?: number;
  tickMs?: number;
  maxConcurrentChanges?: number;
  timing?: 'test' | 'default';
}): Promise<NodeProc> {
  // FLEET_CPU_PROF=<dir> profiles every node process (written when it exits on SIGINT).
  const prof = process.env['FLEET_CPU_PROF'];
  // --expose-gc: the usage report (SIGUSR2) collects garbage first, so heap figures count live memory.
  // FLEET_NODE_FLAGS adds node options to every node process (for example --trace-gc).
  const extra = (process.env['FLEET_NODE_FLAGS'] ?? '').split(' ').filter((f) => f !== '');
  const flags = ['--expose-gc', ...extra, ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Array<Record<string, unknown>> = [];
  let stderr = '';
  // FLEET_NODE_LOG_DIR=<dir> keeps each node's whole log (with FLEET_LOG=<level>) in <dir>/<id>.log.
  const logDir = process.env['FLEET_NODE_LOG_DIR'];
  const log = logDir === undefined ? undefined : createWriteStream(join(logDir, `${args.id}.log`), { flags: 'a' });
  child.stderr!.on('data', (d: Buffer) => {
    log?.write(d);
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const ev = JSON.parse(line) as Record<string, unknown>;
        events.push(ev);
        if (ev['event'] === 'ready') resolve(String(ev['address']));
      } catch {
        // Not an event line (output of FLEET_NODE_FLAGS such as --trace-gc): shown with FLEET_NODE_ECHO=1.
        if (process.env['FLEET_NODE_ECHO'] === '1') process.stderr.write(`[${args.id}] ${line}\n`);
      }
    });
    void exited.then((code) => reject(new Error(`node ${args.id} exited with ${code} before ready: ${stderr}`)));
  });
  const address = await ready;
  return { id: args.id, zone: args.zone, address, child, events, exited };
}

/** A client connection speaking the client protocol. */
export class ProtocolClient {
  readonly transport: TcpTransport;
  private readonly known = new Set<string>();

  constructor() {
    this.transport = new TcpTransport({ nodeId: `client-${randomBytes(4).toString('hex')}`, clusterId: 'fleet-test', secret: 'fleet-test-secret', listen: false });
  }

  async start(): Promise<void> {
    await this.transport.start();
  }

  async call(node: NodeProc, method: string, body: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown>> {
    if (!this.known.has(node.id)) {
      this.transport.addPeer(node.id, node.address);
      this.known.add(node.id);
    }
    const raw = await this.transport.request(node.id, method, encodeBody(body), { timeoutMs: timeoutMs + 1000 });
    return decodeBody(raw) as Record<string, unknown>;
  }

  async inc(node: NodeProc, group: string, clientId: string, seq: number): Promise<number> {
    const r = await this.call(node, 'raftfleet.client.command', { group, command: msgpackCodec.encode({ op: 'inc' }), clientId, seq, timeoutMs: 3000 });
    if (r['ok'] !== true) throw new Error(JSON.stringify(r['error']));
    return msgpackCodec.decode(r['result'] as Uint8Array) as number;
  }

  async get(node: NodeProc, group: string): Promise<number> {
    const r = await this.call(node, 'raftfleet.client.query', { group, query: msgpackCodec.encode('get'), consistency: 'linearizable', timeoutMs: 3000 });
    if (r['ok'] !== true) throw new Error(JSON.stringify(r['error']));
    return msgpackCodec.decode(r['answer'] as Uint8Array) as number;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}
