// Frames of the TCP transport (handshake, Raft batches, request/response) as plain values, and their codec.
// A frame travels behind an unsigned-varint length prefix; see wire.proto.
import { $protobuf, raftfleet } from './pb.js';
import { DecodeError } from './errors.js';
import { encodeBatch } from './codec.js';
import { ProtoReader, readBatch } from './fast.js';
import { decodeWith } from './decode.js';
import type { Batch } from './types.js';

const wire = raftfleet.wire;
const EMPTY = new Uint8Array(0);

/** Version of the frame protocol sent in the handshake. */
export const WIRE_VERSION = 1;

/** Field number of the batch case in a frame, for writers that build batch frames incrementally. */
export const FRAME_BATCH_FIELD = 6;
/** Field number of the envelopes in a batch, for writers that build batch frames incrementally. */
export const BATCH_ENVELOPES_FIELD = 3;

/** Dialer → listener: first frame of a connection. */
export interface HelloFrame {
  /** Discriminant. */
  kind: 'hello';
  /** Frame protocol version. */
  version: number;
  /** Cluster the dialer belongs to. */
  clusterId: string;
  /** The dialer's node id. */
  nodeId: string;
  /** Where the dialer listens; empty for a client that does not. */
  address: string;
  /** Random challenge for the listener. */
  nonce: Uint8Array;
}

/** Listener → dialer: its identity, its challenge, and its proof of the shared secret. */
export interface ChallengeFrame {
  /** Discriminant. */
  kind: 'challenge';
  /** Frame protocol version. */
  version: number;
  /** Cluster the listener belongs to. */
  clusterId: string;
  /** The listener's node id. */
  nodeId: string;
  /** Random challenge for the dialer. */
  nonce: Uint8Array;
  /** HMAC of the handshake transcript under the shared secret. */
  proof: Uint8Array;
}

/** Dialer → listener: the dialer's proof of the shared secret. */
export interface ProofFrame {
  /** Discriminant. */
  kind: 'proof';
  /** HMAC of the handshake transcript under the shared secret. */
  proof: Uint8Array;
}

/** Listener → dialer: the connection is established. */
export interface WelcomeFrame {
  /** Discriminant. */
  kind: 'welcome';
}

/** Either side: the connection is refused and will be closed. */
export interface RejectFrame {
  /** Discriminant. */
  kind: 'reject';
  /** Machine-readable reason. */
  code: string;
  /** Human-readable reason. */
  reason: string;
}

/** A batch of Raft envelopes. */
export interface BatchFrame {
  /** Discriminant. */
  kind: 'batch';
  /** The batch. */
  batch: Batch;
}

/** A request of the request/response channel. */
export interface RequestFrame {
  /** Discriminant. */
  kind: 'request';
  /** Caller-chosen id, echoed in the response. */
  id: number;
  /** Name of the remote handler. */
  method: string;
  /** Request payload. */
  body: Uint8Array;
}

/** The error half of a {@link ResponseFrame}. */
export interface RpcErrorInfo {
  /** The remote error's code. */
  code: string;
  /** The remote error's message. */
  message: string;
}

/** A response of the request/response channel. */
export interface ResponseFrame {
  /** Discriminant. */
  kind: 'response';
  /** Id of the request answered. */
  id: number;
  /** Response payload (empty on error). */
  body: Uint8Array;
  /** Set when the request failed. */
  error?: RpcErrorInfo;
}

/** Liveness probe. */
export interface PingFrame {
  /** Discriminant. */
  kind: 'ping';
  /** Echoed in the pong. */
  nonce: number;
}

/** Answer to a {@link PingFrame}. */
export interface PongFrame {
  /** Discriminant. */
  kind: 'pong';
  /** The ping's nonce. */
  nonce: number;
}

/** Every frame of the TCP transport. */
export type Frame =
  | HelloFrame
  | ChallengeFrame
  | ProofFrame
  | WelcomeFrame
  | RejectFrame
  | BatchFrame
  | RequestFrame
  | ResponseFrame
  | PingFrame
  | PongFrame;

/** Encodes a frame body (without its length prefix). */
export function encodeFrame(frame: Frame): Uint8Array {
  return writeFrame($protobuf.Writer.create(), frame).finish();
}

/** Encodes a frame preceded by its varint length, ready to be written to a stream. */
export function encodeDelimitedFrame(frame: Frame): Uint8Array {
  const writer = $protobuf.Writer.create().fork();
  return writeFrame(writer, frame).ldelim().finish();
}

function writeFrame(writer: $protobuf.Writer, frame: Frame): $protobuf.Writer {
  switch (frame.kind) {
    case 'hello': {
      const { kind: _, ...hello } = frame;
      return wire.Frame.encode({ hello }, writer);
    }
    case 'challenge': {
      const { kind: _, ...challenge } = frame;
      return wire.Frame.encode({ challenge }, writer);
    }
    case 'proof':
      return wire.Frame.encode({ proof: { proof: frame.proof } }, writer);
    case 'welcome':
      return wire.Frame.encode({ welcome: {} }, writer);
    case 'reject':
      return wire.Frame.encode({ reject: { code: frame.code, reason: frame.reason } }, writer);
    case 'batch': {
      writer.uint32((FRAME_BATCH_FIELD << 3) | 2).bytes(encodeBatch(frame.batch));
      return writer;
    }
    case 'request':
      return wire.Frame.encode({ request: { id: frame.id, method: frame.method, body: frame.body } }, writer);
    case 'response':
      return wire.Frame.encode(
        { response: { id: frame.id, body: frame.body, error: frame.error ?? null } },
        writer,
      );
    case 'ping':
      return wire.Frame.encode({ ping: { nonce: frame.nonce } }, writer);
    case 'pong':
      return wire.Frame.encode({ pong: { nonce: frame.nonce } }, writer);
    default: {
      const unknown: never = frame;
      throw new TypeError(`unknown frame kind ${(unknown as { kind: string }).kind}`);
    }
  }
}


const F = 'Frame';

function u64(field: string, value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DecodeError(F, `${field} is not a safe unsigned integer`);
  }
  return value;
}

const FRAME_KINDS = ['hello', 'challenge', 'proof', 'welcome', 'reject', 'batch', 'request', 'response', 'ping', 'pong'] as const;

/** Decodes a frame body (without its length prefix); throws {@link DecodeError} on invalid input. */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (!(bytes instanceof Uint8Array)) throw new DecodeError(F, 'input is not a Uint8Array');
  // Batches are the hot path: read them without the generated code's intermediate objects.
  if (bytes.length > 0 && bytes[0] === ((FRAME_BATCH_FIELD << 3) | 2)) {
    const r = new ProtoReader(bytes, F);
    r.varint();
    const batch = readBatch(r, r.delimited());
    if (r.pos !== bytes.length) r.fail('several frame kinds are set');
    return { kind: 'batch', batch };
  }
  return decodeWith(F, bytes, (reader) => {
    const w = wire.Frame.decode(reader);
    let set = 0;
    for (const k of FRAME_KINDS) if (w[k] !== undefined && w[k] !== null) set++;
    if (set !== 1) throw new DecodeError(F, set === 0 ? 'frame kind is missing' : 'several frame kinds are set');
    const kind = w.kind;
    switch (kind) {
      case 'hello': {
        const h = w.hello!;
        return {
          kind,
          version: h.version ?? 0,
          clusterId: h.clusterId ?? '',
          nodeId: h.nodeId ?? '',
          address: h.address ?? '',
          nonce: h.nonce ?? EMPTY,
        };
      }
      case 'challenge': {
        const c = w.challenge!;
        return {
          kind,
          version: c.version ?? 0,
          clusterId: c.clusterId ?? '',
          nodeId: c.nodeId ?? '',
          nonce: c.nonce ?? EMPTY,
          proof: c.proof ?? EMPTY,
        };
      }
      case 'proof':
        return { kind, proof: w.proof!.proof ?? EMPTY };
      case 'welcome':
        return { kind };
      case 'reject':
        return { kind, code: w.reject!.code ?? '', reason: w.reject!.reason ?? '' };
      case 'batch':
      {
        // Reached only when the batch is not the frame's first field; read it with the same validating reader.
        const r = new ProtoReader(bytes, F);
        let batch: Batch | undefined;
        while (r.pos < r.end) {
          const tag = r.varint();
          if (tag === ((FRAME_BATCH_FIELD << 3) | 2)) batch = readBatch(r, r.delimited());
          else r.skip(tag & 7);
        }
        if (batch === undefined) return r.fail('batch is missing');
        return { kind, batch };
      }
      case 'request': {
        const r = w.request!;
        return { kind, id: r.id ?? 0, method: r.method ?? '', body: r.body ?? EMPTY };
      }
      case 'response': {
        const r = w.response!;
        const frame: ResponseFrame = { kind, id: r.id ?? 0, body: r.body ?? EMPTY };
        if (r.error !== null && r.error !== undefined) {
          frame.error = { code: r.error.code ?? '', message: r.error.message ?? '' };
        }
        return frame;
      }
      case 'ping':
        return { kind, nonce: u64('nonce', w.ping!.nonce) };
      case 'pong':
        return { kind, nonce: u64('nonce', w.pong!.nonce) };
      case undefined:
        throw new DecodeError(F, 'frame kind is missing');
      default: {
        const unknown: never = kind;
        throw new DecodeError(F, `unknown frame kind ${String(unknown)}`);
      }
    }
  });
}
