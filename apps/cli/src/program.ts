// The command-line grammar of `raftfleet` (commander): flags, help texts, and validation of every
// value before anything runs; failures become exit codes scripts can rely on.
import { Command, CommanderError, Option } from 'commander';
import * as admin from './admin.js';
import { EXIT, exitCodeOf, UsageError } from './exit-codes.js';
import { parseHostPort, parseJoin, parseJson, parseName, parsePositiveInt, parseSeeds, resolveSecret, splitList } from './flags.js';
import { runNode, type NodeSettings } from './node.js';

/** Where the program writes and what it reads from the environment. */
export interface ProgramIO {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const EXIT_HELP = `
Exit codes:
  0  success
  1  unexpected failure
  2  bad usage (unknown command, missing or invalid flag)
  3  cluster or group leader unreachable in time
  4  handshake refused (wrong cluster id, secret or certificate)
  5  group not found
  6  the state machine rejected the command or query
  7  group already exists
  8  request rejected as invalid or too large
  9  group recover refused (the group still has a quorum, or none of its members answers)

Environment: RAFTFLEET_SEEDS, RAFTFLEET_CLUSTER_ID, RAFTFLEET_SECRET stand in for
--seeds, --cluster-id and --secret.`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

interface ConnFlags {
  seeds?: string[];
  clusterId?: string;
  secret?: string;
  secretFile?: string;
  timeoutMs?: string;
  json?: boolean;
}

function connection(o: ConnFlags, env: NodeJS.ProcessEnv): admin.ConnectionSettings {
  const seedValues = o.seeds ?? splitList(env['RAFTFLEET_SEEDS']);
  return {
    seeds: parseSeeds('--seeds', seedValues),
    clusterId: parseName('--cluster-id', o.clusterId ?? env['RAFTFLEET_CLUSTER_ID'] ?? ''),
    secret: resolveSecret({ ...(o.secret !== undefined ? { secret: o.secret } : {}), ...(o.secretFile !== undefined ? { secretFile: o.secretFile } : {}) }, env),
    timeoutMs: o.timeoutMs === undefined ? 5000 : parsePositiveInt('--timeout-ms', o.timeoutMs),
  };
}

function withConnectionFlags(cmd: Command): Command {
  return cmd
    .option('--seeds <host:port,...>', 'fleet nodes to contact (any node serves any request); repeatable', collect)
    .option('--cluster-id <id>', 'the cluster id the nodes were started with')
    .option('--secret <secret>', 'the shared secret (prefer --secret-file or RAFTFLEET_SECRET)')
    .option('--secret-file <path>', 'file holding the shared secret')
    .option('--timeout-ms <ms>', 'deadline of the request, retries included', '5000')
    .option('--json', 'print JSON instead of a table');
}

/** Builds the `raftfleet` program. `run` resolves with the exit code instead of exiting. */
export function buildProgram(io: ProgramIO): { program: Command; run: (argv: string[]) => Promise<number> } {
  const program = new Command('raftfleet')
    .description('Run raftfleet nodes and administer a cluster of many Raft groups.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .addHelpText('after', EXIT_HELP)
    .exitOverride();
  let result: Promise<number> = Promise.resolve(EXIT.ok);
  const act = (fn: () => Promise<number | void>) => {
    result = fn().then((code) => code ?? EXIT.ok);
  };

  program
    .command('node')
    .description('Run a fleet node: LMDB storage in --data-dir, TCP on --listen. SIGTERM deactivates it (hands its members off), then stops.')
    .requiredOption('--id <id>', 'node id, unique in the cluster')
    .requiredOption('--zone <zone>', 'failure zone (placement spreads every group across zones)')
    .requiredOption('--listen <host:port>', 'address to listen on (port 0: any free port)')
    .option('--advertise <host:port>', 'address announced to others (default: the listening address)')
    .option('--join <id@host:port,...>', 'other nodes to find the cluster through; repeatable. Nodes started together with each other as --join form one cluster', collect, [])
    .requiredOption('--data-dir <path>', 'directory of this node\'s LMDB environment (one per node)')
    .option('--cluster-id <id>', 'cluster id; peers and clients of another cluster are refused')
    .option('--secret <secret>', 'shared secret proven in every handshake (prefer --secret-file or RAFTFLEET_SECRET)')
    .option('--secret-file <path>', 'file holding the shared secret')
    .option('--tls-cert <path>', 'TLS certificate (PEM); with --tls-key enables TLS')
    .option('--tls-key <path>', 'TLS private key (PEM)')
    .option('--tls-ca <path>', 'CA certificate (PEM); enables mutual TLS')
    .option('--metrics <host:port>', 'serve Prometheus metrics at http://host:port/metrics')
    .option('--machines <module>', 'ES module whose exported state machines are registered besides the built-in counter, queue, kv, locks')
    .addOption(new Option('--log-level <level>', 'log level (logs go to stderr)').choices(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('warn'))
    .option('--heartbeat-ms <ms>', 'interval of node heartbeats')
    .option('--purge-after-ms <ms>', 'an unreachable node is purged (its members replaced) after this long')
    .option('--sweep-ms <ms>', 'interval of the rebalancing sweep')
    .option('--max-concurrent-changes <n>', 'membership changes this node runs at once as a leader: the rate of rebalancing and of draining (default 4)')
    .option('--tick-ms <ms>', 'Raft tick interval')
    .option('--shutdown-timeout-ms <ms>', 'how long SIGTERM waits for the hand-off before stopping anyway', '60000')
    .action((o: Record<string, string | string[] | undefined>) =>
      act(async () => {
        const str = (k: string) => o[k] as string | undefined;
        const ms = (flag: string, k: string) => (str(k) === undefined ? undefined : parsePositiveInt(flag, str(k)));
        if ((str('tlsCert') === undefined) !== (str('tlsKey') === undefined)) throw new UsageError('--tls-cert', 'give --tls-cert and --tls-key together');
        const settings: NodeSettings = {
          id: parseName('--id', str('id')),
          zone: parseName('--zone', str('zone')),
          listen: parseHostPort('--listen', str('listen'), true),
          advertise: str('advertise') === undefined ? undefined : (parseHostPort('--advertise', str('advertise')), str('advertise')),
          join: parseJoin('--join', (o['join'] as string[] | undefined) ?? []),
          dataDir: str('dataDir') ?? '',
          clusterId: parseName('--cluster-id', str('clusterId') ?? io.env['RAFTFLEET_CLUSTER_ID'] ?? ''),
          secret: resolveSecret({ ...(str('secret') !== undefined ? { secret: str('secret')! } : {}), ...(str('secretFile') !== undefined ? { secretFile: str('secretFile')! } : {}) }, io.env),
          tls: str('tlsCert') !== undefined ? { cert: str('tlsCert')!, key: str('tlsKey')!, ca: str('tlsCa') } : undefined,
          logLevel: (str('logLevel') ?? 'warn') as NodeSettings['logLevel'],
          machinesModule: str('machines'),
          heartbeatMs: ms('--heartbeat-ms', 'heartbeatMs'),
          purgeAfterMs: ms('--purge-after-ms', 'purgeAfterMs'),
          sweepMs: ms('--sweep-ms', 'sweepMs'),
          maxConcurrentChanges: str('maxConcurrentChanges') === undefined ? undefined : parsePositiveInt('--max-concurrent-changes', str('maxConcurrentChanges')),
          tickMs: ms('--tick-ms', 'tickMs'),
          shutdownTimeoutMs: parsePositiveInt('--shutdown-timeout-ms', str('shutdownTimeoutMs')),
          metrics: str('metrics') === undefined ? undefined : parseHostPort('--metrics', str('metrics'), true),
        };
        if (settings.dataDir.trim() === '') throw new UsageError('--data-dir', 'must be a path');
        if (settings.join.some((j) => j.id === settings.id)) settings.join = settings.join.filter((j) => j.id !== settings.id);
        return runNode(settings);
      }),
    );

  withConnectionFlags(program.command('status').description('Show nodes by zone, groups, leaders and members.')).action((o: ConnFlags) =>
    act(async () => {
      await admin.status(connection(o, io.env), o.json === true, io.out);
    }),
  );

  const group = program.command('group').description('Add, remove or list groups.');
  withConnectionFlags(group.command('add').description('Add a group; the fleet places its members across zones.').argument('<name>', 'group name'))
    .requiredOption('--machine <name>', 'registered state machine (built in: counter, queue, kv, locks)')
    .option('--replicas <n>', 'number of voting members', '3')
    .action((name: string, o: ConnFlags & { machine: string; replicas: string }) =>
      act(async () => {
        await admin.addGroup(connection(o, io.env), parseName('<name>', name), parseName('--machine', o.machine), parsePositiveInt('--replicas', o.replicas), o.json === true, io.out);
      }),
    );
  withConnectionFlags(group.command('remove').description('Remove a group (exit code 5 if it did not exist).').argument('<name>', 'group name')).action((name: string, o: ConnFlags) =>
    act(async () => {
      const existed = await admin.removeGroup(connection(o, io.env), parseName('<name>', name), o.json === true, io.out);
      return existed ? EXIT.ok : EXIT.notFound;
    }),
  );
  withConnectionFlags(
    group
      .command('recover')
      .description(
        'Recover a group that lost its quorum for good: force-remove its members on unreachable nodes so the survivors go on ' +
          '(what only those members had is lost; exit code 9 while a quorum is reachable).',
      )
      .argument('<name>', 'group name'),
  ).action((name: string, o: ConnFlags) =>
    act(async () => {
      await admin.recoverGroup(connection(o, io.env), parseName('<name>', name), o.json === true, io.out);
    }),
  );
  withConnectionFlags(group.command('list').description('List groups with leaders and members.')).action((o: ConnFlags) =>
    act(async () => {
      await admin.listGroups(connection(o, io.env), o.json === true, io.out);
    }),
  );

  const stray = program
    .command('stray')
    .description('Members of groups the registry knows neither as live nor as removed (left by a node purged while its group was removed).');
  withConnectionFlags(stray.command('list').description('List the stray members of every node.')).action((o: ConnFlags) =>
    act(async () => {
      await admin.listStrays(connection(o, io.env), o.json === true, io.out);
    }),
  );
  withConnectionFlags(
    stray
      .command('delete')
      .description('Delete the stray member of a group on a node (exit code 8 if it is no stray).')
      .argument('<node>', 'node id')
      .argument('<group>', 'group name'),
  ).action((node: string, g: string, o: ConnFlags) =>
    act(async () => {
      await admin.deleteStray(connection(o, io.env), parseName('<node>', node), parseName('<group>', g), o.json === true, io.out);
    }),
  );

  withConnectionFlags(
    program
      .command('command')
      .description('Apply a command (JSON) to a group exactly once; prints the result as JSON.')
      .argument('<group>', 'group name')
      .argument('<json>', 'the command, e.g. \'{"op":"inc","by":2}\''),
  ).action((g: string, json: string, o: ConnFlags) =>
    act(async () => {
      const c = connection(o, io.env);
      await admin.command(c, parseName('<group>', g), parseJson('<json>', json), io.out);
    }),
  );
  withConnectionFlags(
    program
      .command('query')
      .description('Query a group (JSON); prints the answer as JSON.')
      .argument('<group>', 'group name')
      .argument('<json>', 'the query, e.g. \'"get"\''),
  )
    .option('--consistency <level>', 'linearizable, lease or stale', 'linearizable')
    .action((g: string, json: string, o: ConnFlags & { consistency: string }) =>
      act(async () => {
        const c = connection(o, io.env);
        await admin.query(c, parseName('<group>', g), parseJson('<json>', json), o.consistency, io.out);
      }),
    );

  const run = async (argv: string[]): Promise<number> => {
    try {
      await program.parseAsync(argv, { from: 'user' });
      if (argv.length === 0) {
        program.outputHelp();
        return EXIT.usage;
      }
      return await result;
    } catch (error) {
      if (error instanceof CommanderError) {
        return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
      }
      const code = exitCodeOf(error);
      io.err(`raftfleet: ${(error as Error).message ?? String(error)}`);
      return code;
    }
  };
  return { program, run };
}
