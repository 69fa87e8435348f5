// Validation of command-line values: each parser returns a typed value or throws a UsageError
// naming the flag, so a mistake is reported before anything starts.
import { readFileSync } from 'node:fs';
import { UsageError } from './exit-codes.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** A node id, zone or group name: letters, digits, `._:-`, at most 128 characters. */
export function parseName(flag: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw new UsageError(flag, `"${String(value)}" must be 1-128 characters of letters, digits and ._:- (starting with a letter or digit)`);
  }
  return value;
}

/** host:port with a port in 0..65535 (0 only when `allowZero`). */
export function parseHostPort(flag: string, value: unknown, allowZero = false): { host: string; port: number } {
  if (typeof value !== 'string') throw new UsageError(flag, 'must be host:port');
  const i = value.lastIndexOf(':');
  if (i <= 0) throw new UsageError(flag, `"${value}" must be host:port`);
  let host = value.slice(0, i);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const portText = value.slice(i + 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535 || (port === 0 && !allowZero)) throw new UsageError(flag, `"${portText}" is not a valid port`);
  return { host, port };
}

/** A positive integer (milliseconds, counts). */
export function parsePositiveInt(flag: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && !/^\d+$/.test(value.trim())) throw new UsageError(flag, `"${value}" is not a positive integer`);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(flag, `"${String(value)}" is not a positive integer`);
  return n;
}

/** A comma-separated (or repeated) list of node seeds `id@host:port`. */
export function parseJoin(flag: string, values: string[]): Array<{ id: string; address: string }> {
  return splitList(values).map((s) => {
    const at = s.indexOf('@');
    if (at <= 0) throw new UsageError(flag, `"${s}" must be id@host:port`);
    const id = parseName(flag, s.slice(0, at));
    const address = s.slice(at + 1);
    parseHostPort(flag, address);
    return { id, address };
  });
}

/** A comma-separated (or repeated) list of client seeds: `host:port` or `id@host:port`. */
export function parseSeeds(flag: string, values: string[]): string[] {
  const seeds = splitList(values);
  if (seeds.length === 0) throw new UsageError(flag, 'at least one seed (host:port) is needed');
  for (const s of seeds) parseHostPort(flag, s.includes('@') ? s.slice(s.indexOf('@') + 1) : s);
  return seeds;
}

/** Splits repeated, comma-separated values; drops empties. */
export function splitList(values: string[] | string | undefined): string[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  return list.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** The shared secret from `--secret`, `--secret-file` or the environment; exactly one source. */
export function resolveSecret(opts: { secret?: string; secretFile?: string }, env: NodeJS.ProcessEnv): string {
  if (opts.secret !== undefined && opts.secretFile !== undefined) throw new UsageError('--secret', 'give either --secret or --secret-file, not both');
  let secret: string | undefined = opts.secret;
  if (opts.secretFile !== undefined) {
    try {
      secret = readFileSync(opts.secretFile, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new UsageError('--secret-file', `cannot read ${opts.secretFile}: ${(error as Error).message}`);
    }
  }
  secret ??= env['RAFTFLEET_SECRET'];
  if (secret === undefined || secret === '') throw new UsageError('--secret', 'a shared secret is required (--secret, --secret-file or RAFTFLEET_SECRET)');
  if (secret.length < 8) throw new UsageError('--secret', 'must be at least 8 characters');
  return secret;
}

/** Parses a JSON argument. */
export function parseJson(flag: string, value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new UsageError(flag, `not valid JSON: ${(error as Error).message}`);
  }
}
