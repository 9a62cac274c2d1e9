/**
 * A replica in a process of its own: the scheduled sync against a shared PostgreSQL schema, logging
 * pino's JSON lines to stdout for the parent to read. The replica test spawns its own bundle with
 * REPLICA_CHILD set to the plan (as the crash test does); SIGTERM stops it as `serve` would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createLogger } from '../../src/log.js';
import { openPostgres } from '../../src/store/postgres-db.js';
import { startSyncScheduler } from '../../src/sync-scheduler.js';

export const REPLICA_CHILD = 'SSPR_REPLICA_CHILD';

export interface ReplicaPlan {
  name: string;
  graphUrl: string;
  connectionString: string;
  schema: string;
  intervalSeconds: number;
  retrySeconds: number;
}

export async function runReplicaChild(plan: ReplicaPlan): Promise<void> {
  const db = openPostgres({ connectionString: plan.connectionString, schema: plan.schema, max: 4 });
  const log = createLogger('debug').child({ replica: plan.name });
  const scheduler = startSyncScheduler({
    db,
    log,
    graphUrl: plan.graphUrl,
    budget: false,
    retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 20 },
    intervalSeconds: plan.intervalSeconds,
    retrySeconds: plan.retrySeconds,
    onRun: (run) => log.info({ runId: run.runId, status: run.status, requests: run.requests }, 'replica run'),
  });
  // the scheduler's timers do not hold a process open (serve's server does): this one waits for a signal
  const alive = setInterval(() => {}, 1 << 30);
  process.once('SIGTERM', () => {
    void scheduler
      .stop()
      .then(() => db.close())
      .finally(() => {
        clearInterval(alive);
        process.exit(0);
      });
  });
}

export interface LogLine {
  msg: string;
  level: number;
  time: number;
  [key: string]: unknown;
}

export interface Replica {
  name: string;
  child: ChildProcess;
  lines: LogLine[];
  /** The first line (seen or to come) that `match` accepts. */
  waitFor(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  alive(): boolean;
  /** SIGKILL unless it has exited; resolves when it has. */
  kill(): Promise<void>;
}

/** Starts a replica from `bundle` (the test's own file, which runs runReplicaChild when REPLICA_CHILD is set). */
export function spawnReplica(bundle: string, plan: ReplicaPlan): Replica {
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const child = spawn(process.execPath, [bundle], { env: { ...env, [REPLICA_CHILD]: JSON.stringify(plan) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as LogLine);
    } catch {
      lines.push({ msg: text, level: 0, time: Date.now() });
    }
    for (const wake of waiters) wake();
  });
  return {
    name: plan.name,
    child,
    lines,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find(match);
          if (!line) return;
          cleanup();
          resolve(line);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`replica ${plan.name}: no such log line in ${timeoutMs} ms; it logged:\n${lines.map((l) => `${l.level} ${l.msg}`).join('\n')}`));
        }, timeoutMs);
        timer.unref(); // a wait given up on must not hold the test's process open
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
