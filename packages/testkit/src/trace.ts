// A bounded ring of simulation events, formatted only when a run fails, so that tracing costs
// almost nothing on the hundreds of thousands of runs that pass.
import type { Message } from '@raftfleet/protocol';

/** One recorded event: a message on the wire, or a line of simulator narration. */
export type TraceEvent =
  | {
      /** Discriminant: a message was sent, delivered or dropped. */
      kind: 'send' | 'deliver' | 'drop';
      /** Virtual time (ticks). */
      tick: number;
      /** The message. */
      message: Message;
      /** Why it was dropped, for 'drop'. */
      why?: string;
    }
  | {
      /** Discriminant: anything else (faults, role changes, client operations). */
      kind: 'note';
      /** Virtual time (ticks). */
      tick: number;
      /** The narration. */
      text: string;
    };

/** Keeps the last `capacity` events. */
export class TraceRing {
  private readonly buf: (TraceEvent | undefined)[];
  private next = 0;
  private count = 0;

  /** Creates a ring holding at most `capacity` events. */
  constructor(capacity: number) {
    this.buf = new Array<TraceEvent | undefined>(Math.max(1, capacity));
  }

  /** Maximum number of events kept. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Records an event, evicting the oldest when full. */
  push(event: TraceEvent): void {
    this.buf[this.next] = event;
    this.next = (this.next + 1) % this.buf.length;
    if (this.count < this.buf.length) this.count++;
  }

  /** Records a narration line. */
  note(tick: number, text: string): void {
    this.push({ kind: 'note', tick, text });
  }

  /** The retained events, oldest first. */
  events(): TraceEvent[] {
    const out: TraceEvent[] = [];
    const start = (this.next - this.count + this.buf.length) % this.buf.length;
    for (let i = 0; i < this.count; i++) {
      const e = this.buf[(start + i) % this.buf.length];
      if (e !== undefined) out.push(e);
    }
    return out;
  }

  /** The retained events as text lines, formatting messages with `describe` (for example core's describeMessage). */
  format(describe: (m: Message) => string): string[] {
    return this.events().map((e) => {
      const t = `t=${String(e.tick).padStart(5)}`;
      switch (e.kind) {
        case 'note':
          return `${t} ${e.text}`;
        case 'send':
          return `${t}   send ${describe(e.message)}`;
        case 'deliver':
          return `${t}   recv ${describe(e.message)}`;
        case 'drop':
          return `${t}   DROP ${describe(e.message)}${e.why === undefined ? '' : ` (${e.why})`}`;
        default: {
          const never: never = e;
          return `${t} ${String(never)}`;
        }
      }
    });
  }
}
