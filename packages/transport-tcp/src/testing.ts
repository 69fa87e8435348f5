// Test helpers for TLS (`@raftfleet/transport-tcp/testing`): a throwaway CA and node certificate made
// with the openssl CLI in a temporary directory; every node shares one certificate valid for
// 127.0.0.1 and localhost. For tests and benchmarks, never for production keys.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM material of one test PKI. */
export interface TestPki {
  /** The CA certificate. */
  ca: string;
  /** The node's private key. */
  key: string;
  /** The node's certificate, signed by the CA. */
  cert: string;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/**
 * Creates a CA and a certificate it signs (SAN 127.0.0.1, localhost), usable as server and client
 * certificate. Needs the `openssl` command; throws when it is missing or fails.
 */
export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'raftfleet-tls-'));
  try {
    openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key',
      '-out', 'ca.pem', '-days', '2', '-subj', '/CN=raftfleet test CA');
    writeFileSync(
      join(dir, 'ext.cnf'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n',
    );
    openssl(dir, 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'node.key',
      '-out', 'node.csr', '-subj', '/CN=raftfleet node');
    openssl(dir, 'x509', '-req', '-in', 'node.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-out', 'node.pem', '-days', '2', '-extfile', 'ext.cnf');
    return {
      ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
      key: readFileSync(join(dir, 'node.key'), 'utf8'),
      cert: readFileSync(join(dir, 'node.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
