// Membership changes, one server at a time: the byte encoding carried in ConfChange entries,
// validation against the membership in effect, and the (idempotent) application of a change.
import type { ConfChange, ConfChangeType, ConfState, MemberId } from '@raftfleet/protocol';
import { ConfChangeDecodeError } from './errors.js';

const TYPE_CODES: Record<ConfChangeType, number> = { addLearner: 1, promote: 2, addVoter: 3, remove: 4 };
const CODE_TYPES: readonly (ConfChangeType | undefined)[] = [undefined, 'addLearner', 'promote', 'addVoter', 'remove'];
const VERSION = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes a membership change as the `data` of a ConfChange log entry.
 * Layout: version byte, type byte, member length (u16 big-endian), member (UTF-8), context bytes.
 */
export function encodeConfChange(change: ConfChange): Uint8Array {
  const member = encoder.encode(change.member);
  if (member.length > 0xffff) throw new ConfChangeDecodeError('member id longer than 65535 bytes');
  const out = new Uint8Array(4 + member.length + change.context.length);
  out[0] = VERSION;
  out[1] = TYPE_CODES[change.type];
  out[2] = member.length >>> 8;
  out[3] = member.length & 0xff;
  out.set(member, 4);
  out.set(change.context, 4 + member.length);
  return out;
}

/** Decodes the `data` of a ConfChange log entry; throws `ConfChangeDecodeError` on malformed bytes. */
export function decodeConfChange(data: Uint8Array): ConfChange {
  if (data.length < 4) throw new ConfChangeDecodeError(`too short (${data.length} bytes)`);
  if (data[0] !== VERSION) throw new ConfChangeDecodeError(`unknown version ${data[0]}`);
  const type = CODE_TYPES[data[1] ?? 0];
  if (type === undefined) throw new ConfChangeDecodeError(`unknown change type ${data[1]}`);
  const len = ((data[2] ?? 0) << 8) | (data[3] ?? 0);
  if (data.length < 4 + len) throw new ConfChangeDecodeError('member id truncated');
  let member: string;
  try {
    member = decoder.decode(data.subarray(4, 4 + len));
  } catch {
    throw new ConfChangeDecodeError('member id is not UTF-8');
  }
  return { type, member, context: data.slice(4 + len) };
}

/** Returns why `change` cannot apply to `conf`, or undefined when it can. */
export function checkConfChange(conf: ConfState, change: ConfChange): string | undefined {
  if (change.member === '') return 'empty member id';
  const isVoter = conf.voters.includes(change.member);
  const isLearner = conf.learners.includes(change.member);
  switch (change.type) {
    case 'addLearner':
      if (isVoter) return 'member is already a voter';
      if (isLearner) return 'member is already a learner';
      return undefined;
    case 'promote':
      if (!isLearner) return 'member is not a learner';
      return undefined;
    case 'addVoter':
      if (isVoter) return 'member is already a voter';
      return undefined;
    case 'remove':
      if (!isVoter && !isLearner) return 'member is not in the group';
      if (isVoter && conf.voters.length === 1) return 'cannot remove the last voter';
      return undefined;
    default: {
      const never: never = change.type;
      return `unknown change type ${String(never)}`;
    }
  }
}

/**
 * Applies `change` to `conf`, returning a new ConfState. Idempotent: a change that is already
 * reflected (replayed after a restart) leaves the membership as is. Never removes the last voter.
 */
export function applyConfChange(conf: ConfState, change: ConfChange): ConfState {
  const m = change.member;
  const voters = conf.voters.filter((v) => v !== m);
  const learners = conf.learners.filter((l) => l !== m);
  const wasVoter = voters.length !== conf.voters.length;
  switch (change.type) {
    case 'addLearner':
      if (wasVoter) return conf; // demotion is not a single-server step we support
      learners.push(m);
      break;
    case 'promote':
    case 'addVoter':
      voters.push(m);
      break;
    case 'remove':
      if (wasVoter && voters.length === 0) return conf;
      break;
    default: {
      const never: never = change.type;
      throw new ConfChangeDecodeError(`unknown change type ${String(never)}`);
    }
  }
  return { voters: voters.sort(), learners: learners.sort() };
}

/** Whether `id` is a voter or learner of `conf`. */
export function isMember(conf: ConfState, id: MemberId): boolean {
  return conf.voters.includes(id) || conf.learners.includes(id);
}

const CONF_STATE_VERSION = 2;

/**
 * Encodes a whole membership, carried in the no-op entry each new leader appends: a checkpoint
 * from which a member that joined without knowing the group's bootstrap membership (an empty
 * log and an empty conf) learns it while replaying the log. Layout: version byte, then voters
 * and learners as (u16 count, then u16 length + UTF-8 bytes each).
 */
export function encodeConfState(conf: ConfState): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 1;
  for (const list of [conf.voters, conf.learners]) {
    size += 2;
    for (const id of list) {
      const b = encoder.encode(id);
      if (b.length > 0xffff) throw new ConfChangeDecodeError('member id longer than 65535 bytes');
      parts.push(b);
      size += 2 + b.length;
    }
  }
  const out = new Uint8Array(size);
  out[0] = CONF_STATE_VERSION;
  let at = 1;
  let p = 0;
  for (const list of [conf.voters, conf.learners]) {
    out[at++] = list.length >>> 8;
    out[at++] = list.length & 0xff;
    for (let i = 0; i < list.length; i++) {
      const b = parts[p++] as Uint8Array;
      out[at++] = b.length >>> 8;
      out[at++] = b.length & 0xff;
      out.set(b, at);
      at += b.length;
    }
  }
  return out;
}

/** Decodes {@link encodeConfState}; throws `ConfChangeDecodeError` on malformed bytes. */
export function decodeConfState(data: Uint8Array): ConfState {
  if (data[0] !== CONF_STATE_VERSION) throw new ConfChangeDecodeError(`unknown membership version ${data[0]}`);
  let at = 1;
  const u16 = (): number => {
    if (at + 2 > data.length) throw new ConfChangeDecodeError('membership truncated');
    const v = ((data[at] as number) << 8) | (data[at + 1] as number);
    at += 2;
    return v;
  };
  const lists: MemberId[][] = [];
  for (let l = 0; l < 2; l++) {
    const n = u16();
    const ids: MemberId[] = [];
    for (let i = 0; i < n; i++) {
      const len = u16();
      if (at + len > data.length) throw new ConfChangeDecodeError('membership truncated');
      try {
        ids.push(decoder.decode(data.subarray(at, at + len)));
      } catch {
        throw new ConfChangeDecodeError('member id is not UTF-8');
      }
      at += len;
    }
    lists.push(ids);
  }
  return { voters: lists[0] as MemberId[], learners: lists[1] as MemberId[] };
}

/** Whether two memberships have the same voters and learners (order aside). */
export function sameConf(a: ConfState, b: ConfState): boolean {
  if (a.voters.length !== b.voters.length || a.learners.length !== b.learners.length) return false;
  return a.voters.every((v) => b.voters.includes(v)) && a.learners.every((l) => b.learners.includes(l));
}
