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
