// Stream decoder for varint-length-prefixed frames, in the manner of libp2p's length-prefixed decoder.
// Accumulates chunks, refuses a frame above the maximum as soon as its length is read, yields every complete frame.

/** Why a byte stream could not be split into frames. */
export class FramingError extends Error {
  /** `ERR_FRAME_TOO_LARGE` or `ERR_BAD_LENGTH_PREFIX`. */
  readonly code: 'ERR_FRAME_TOO_LARGE' | 'ERR_BAD_LENGTH_PREFIX';
  /** The announced frame length, when it was readable. */
  readonly length: number | undefined;

  /**
   * @param code - What was wrong.
   * @param message - Description.
   * @param length - The announced length.
   */
  constructor(code: 'ERR_FRAME_TOO_LARGE' | 'ERR_BAD_LENGTH_PREFIX', message: string, length?: number) {
    super(message);
    this.name = 'FramingError';
    this.code = code;
    this.length = length;
  }
}

/** Longest varint a frame length may take (lengths are below 2^35 > any maximum we accept). */
const MAX_PREFIX_BYTES = 5;

/**
 * Splits a byte stream into frames. Feed it chunks with {@link FrameDecoder.push}; it calls `onFrame`
 * with a view of every complete frame body (no copy when a frame lies within one chunk).
 */
export class FrameDecoder {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Total bytes (prefix + body) of the frame being accumulated, once its prefix is known; else -1. */
  private need = -1;

  /** @param maxFrameBytes - Largest frame body accepted. */
  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes held waiting for the rest of a frame. */
  get buffered(): number {
    return this.pendingBytes;
  }

  /** Consumes one chunk; throws FramingError (and must then not be used again) on an invalid stream. */
  push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void {
    if (this.pendingBytes === 0) {
      this.parse(chunk, onFrame);
      return;
    }
    if (this.need >= 0 && this.pendingBytes + chunk.length < this.need) {
      // Still short of a known frame end: keep the chunk without copying.
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      return;
    }
    this.pending.push(chunk);
    const joined = Buffer.concat(this.pending, this.pendingBytes + chunk.length);
    this.pending = [];
    this.pendingBytes = 0;
    this.need = -1;
    this.parse(joined, onFrame);
  }

  private parse(buf: Uint8Array, onFrame: (frame: Uint8Array) => void): void {
    let offset = 0;
    const end = buf.length;
    while (offset < end) {
      // Read the varint length prefix.
      let length = 0;
      let shift = 0;
      let pos = offset;
      let complete = false;
      for (let i = 0; i < MAX_PREFIX_BYTES && pos < end; i++) {
        const b = buf[pos++]!;
        length += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) {
          complete = true;
          break;
        }
      }
      if (!complete) {
        if (pos - offset >= MAX_PREFIX_BYTES) {
          throw new FramingError('ERR_BAD_LENGTH_PREFIX', 'frame length prefix longer than 5 bytes');
        }
        // A partial prefix: its bytes so far already exceed the maximum only if shifted value does.
        if (length > this.maxFrameBytes) {
          throw new FramingError('ERR_FRAME_TOO_LARGE', `frame of at least ${length} bytes exceeds ${this.maxFrameBytes}`, length);
        }
        this.keep(buf.subarray(offset), -1);
        return;
      }
      if (length > this.maxFrameBytes) {
        throw new FramingError('ERR_FRAME_TOO_LARGE', `frame of ${length} bytes exceeds ${this.maxFrameBytes}`, length);
      }
      const frameEnd = pos + length;
      if (frameEnd > end) {
        this.keep(buf.subarray(offset), frameEnd - offset);
        return;
      }
      onFrame(buf.subarray(pos, frameEnd));
      offset = frameEnd;
    }
  }

  private keep(rest: Uint8Array, need: number): void {
    this.pending = [rest];
    this.pendingBytes = rest.length;
    this.need = need;
  }
}
