// The ceiling scenario's wire: length-prefixed binary frames (u32 length, u8 kind, u32 id, u32
// group, payload), written once per socket per event-loop turn as raftfleet's transport does. As
// lean as a wire gets, so that the scenario measures the process hops and nothing else.
import type { Socket } from 'node:net';

/** Frame kinds. */
export const Kind = { hello: 0, request: 1, replicate: 2, ack: 3, result: 4 } as const;

/** Bytes of a frame after its length and before its payload: kind, id, group. */
const HEADER = 9;
const CHUNK = 64 * 1024;

/** Collects a turn's frames for one socket and writes them in one call at the end of the turn. */
export class FrameWriter {
  private buf = Buffer.allocUnsafe(CHUNK);
  private size = 0;
  private scheduled = false;

  constructor(private readonly socket: Socket) {}

  /** Announces a node-to-node connection (not read by anyone; keeps the frame order honest). */
  hello(): void {
    this.header(Kind.hello, 0, 0, 0);
  }

  /** Queues a frame with a payload. */
  message(kind: number, id: number, group: number, payload: Uint8Array): void {
    this.header(kind, id, group, payload.length);
    this.buf.set(payload, this.size);
    this.size += payload.length;
  }

  /** Queues a frame's header; `payloadBytes` more bytes must follow (see message). */
  header(kind: number, id: number, group: number, payloadBytes: number): void {
    const need = 4 + HEADER + payloadBytes;
    if (this.size + need > this.buf.length) this.grow(need);
    const b = this.buf;
    let o = this.size;
    b.writeUInt32LE(HEADER + payloadBytes, o);
    b[o + 4] = kind;
    b.writeUInt32LE(id, o + 5);
    b.writeUInt32LE(group, o + 9);
    this.size = o + 4 + HEADER;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafe(Math.max(CHUNK, 2 * (this.size + need)));
    this.buf.copy(next, 0, 0, this.size);
    this.buf = next;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.size === 0 || this.socket.destroyed) return;
    // The socket keeps the written bytes until they are sent: start a fresh buffer.
    this.socket.write(this.buf.subarray(0, this.size));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.size = 0;
  }
}

/** Splits a socket's bytes into frames and hands each to `onFrame`. */
export class FrameReader {
  private rest: Buffer | undefined;

  constructor(
    socket: Socket,
    private readonly onFrame: (kind: number, id: number, group: number, payload: Buffer) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    const b = this.rest === undefined ? chunk : Buffer.concat([this.rest, chunk]);
    let o = 0;
    while (b.length - o >= 4) {
      const len = b.readUInt32LE(o);
      if (b.length - o - 4 < len) break;
      const start = o + 4;
      this.onFrame(b[start]!, b.readUInt32LE(start + 1), b.readUInt32LE(start + 5), b.subarray(start + HEADER, start + len));
      o = start + len;
    }
    this.rest = o === b.length ? undefined : b.subarray(o);
  }
}
