// The ceiling scenario: the fleet scenario's process layout and message pattern with no consensus
// at all. Three relay processes (ceiling-node.ts) and this process as the load generator, with the
// same closed-loop writers: a command goes to its group's "leader" node, which sends it to the two
// other nodes and answers once one of them acknowledges it. No log, no storage, no state machine,
// no retries, a hand-written binary wire. What it reaches bounds what any implementation in
// Node.js can reach with this layout on this machine; the gap to the fleet scenario is the cost
// of everything else.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FrameReader, FrameWriter, Kind } from './ceiling-wire.js';
import { closedLoop, median, processCpuMs, type LoadResult } from './load.js';

const nodeMain = fileURLToPath(new URL('./ceiling-node.ts', import.meta.url));
const BASE_PORT = 24890;
const NODES = 3;
/** About the size of a fleet command on the wire: group name, client session, sequence, body. */
const PAYLOAD = new Uint8Array(40).fill(7);

/** What the ceiling scenario measured. */
export interface CeilingResult {
  groups: number;
  inFlight: number;
  /** Every measurement window, in the order they ran. */
  windows: LoadResult[];
  /** Median over the windows of commands/s, and of each process's CPU µs per command. */
  median: { opsPerSec: number; cpuUsPerOp?: number[] };
}

function startNode(i: number): { child: ChildProcess; lines: AsyncIterator<string> } {
  const ports = Array.from({ length: NODES }, (_, j) => String(BASE_PORT + j));
  const child = spawn(process.execPath, ['--import', 'tsx', nodeMain, String(i), ...ports], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, lines };
}

async function expectLine(lines: AsyncIterator<string>, want: string): Promise<void> {
  const { value, done } = await lines.next();
  if (done === true || value !== want) throw new Error(`ceiling node: expected "${want}", got ${done === true ? 'end of output' : `"${String(value)}"`}`);
}

/** Runs the ceiling scenario: `windows` closed-loop windows of `seconds` each. */
export async function benchCeiling(options: { groups: number; inFlight: number; seconds: number; windows: number }): Promise<CeilingResult> {
  const nodes = Array.from({ length: NODES }, (_, i) => startNode(i));
  const sockets: Socket[] = [];
  try {
    for (const n of nodes) await expectLine(n.lines, 'listening');
    for (const n of nodes) n.child.stdin!.write('connect\n');
    for (const n of nodes) await expectLine(n.lines, 'ready');
    const waiting = new Map<number, () => void>();
    const writers = await Promise.all(
      nodes.map(
        (_, i) =>
          new Promise<FrameWriter>((resolve, reject) => {
            const socket = connect({ port: BASE_PORT + i, host: '127.0.0.1', noDelay: true }, () => resolve(new FrameWriter(socket)));
            sockets.push(socket);
            socket.on('error', reject);
            new FrameReader(socket, (kind, id) => {
              if (kind !== Kind.result) return;
              const done = waiting.get(id);
              waiting.delete(id);
              done?.();
            });
          }),
      ),
    );
    let nextId = 1;
    // Groups are led round-robin over the nodes, as the fleet's placement spreads its leaders.
    const command = (group: number) =>
      new Promise<void>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        writers[group % NODES]!.message(Kind.request, id, group, PAYLOAD);
      });
    const pids = nodes.flatMap((n) => (n.child.pid === undefined ? [] : [n.child.pid]));
    const windows: LoadResult[] = [];
    for (let w = 0; w < options.windows; w++) {
      windows.push(await closedLoop((worker, seq) => command((worker + seq * options.inFlight) % options.groups), options.inFlight, options.seconds, w === 0 ? 2 : 1, () => processCpuMs(pids)));
    }
    const cpu = windows[0]?.cpuUsPerOp === undefined ? undefined : windows[0].cpuUsPerOp.map((_, i) => median(windows.map((x) => x.cpuUsPerOp?.[i] ?? 0)));
    return { groups: options.groups, inFlight: options.inFlight, windows, median: { opsPerSec: median(windows.map((x) => x.opsPerSec)), ...(cpu === undefined ? {} : { cpuUsPerOp: cpu }) } };
  } finally {
    for (const s of sockets) s.destroy();
    for (const n of nodes) n.child.kill('SIGTERM');
  }
}
