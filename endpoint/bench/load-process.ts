/**
 * Starts load-server.ts (bundled next to this file) as a child process and watches it: where it
 * listens, its memory (process.memoryUsage over IPC, and the kernel's VmRSS / VmHWM), whether it
 * exited by itself (a crash), and what it logged at warn and above when asked to keep that.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ParentMessage, ServerMessage } from './load-server.js';

export interface ServerMemory {
  /** process.memoryUsage() in the server. */
  rss: number;
  heapUsed: number;
  external: number;
  /** /proc/<pid>/status (Linux): resident now, and the peak since start. */
  vmRss?: number;
  vmHwm?: number;
  /** CPU time used since start, µs (process.cpuUsage). */
  cpuUser: number;
  cpuSystem: number;
}

/** A warn-or-worse log line of the server, reduced to what tells errors apart. */
export interface LoggedProblem {
  level: number;
  msg: string;
  /** The error's code, else its message (truncated). */
  err?: string;
}

/** CPU seconds used so far by each process named `name` (Linux /proc; none elsewhere): PostgreSQL's, say. */
export async function cpuSecondsOf(name: string): Promise<Map<string, number>> {
  const tick = 100; // USER_HZ on Linux
  const seconds = new Map<string, number>();
  let entries: string[] = [];
  try {
    entries = (await readdir('/proc')).filter((e) => /^\d+$/.test(e));
  } catch {
    return seconds;
  }
  for (const pid of entries) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== name) continue;
      const fields = stat.slice(close + 2).split(' ');
      // after the name: state is field 3; utime and stime are fields 14 and 15
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // gone meanwhile
    }
  }
  return seconds;
}

/** CPU seconds spent between two cpuSecondsOf readings by the processes alive at the second (a process that ended between them is not counted). */
export function cpuSecondsBetween(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}

/** CPU seconds the whole machine has been busy (every core; Linux /proc/stat, idle and iowait left out). */
export async function machineBusySeconds(): Promise<number> {
  try {
    const first = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = first;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return 0;
  }
}

export interface ServerProcess {
  url: string;
  pid: number;
  memory(): Promise<ServerMemory>;
  /** Set when the process exited without being asked to. */
  readonly crashed: { code: number | null; signal: string | null } | undefined;
  /** Warn-or-worse lines, when started with `keepProblems`. */
  readonly problems: LoggedProblem[];
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** The endpoint's configuration, as `serve` reads it (DATABASE_URL or SSPR_DATA_DIR, SSPR_AUTH…). */
  env: Record<string, string>;
  /** Parse the server's log (JSON lines) and keep its warn-or-worse lines. Else the log goes nowhere. */
  keepProblems?: boolean;
  /** Write a V8 CPU profile of the server into this folder (node --cpu-prof), for a look at where its time goes. */
  cpuProfileDir?: string;
}

async function procStatus(pid: number): Promise<{ vmRss?: number; vmHwm?: number }> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    return { vmRss: kib('VmRSS'), vmHwm: kib('VmHWM') };
  } catch {
    return {};
  }
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-server.mjs');
  const child: ChildProcess = fork(entry, [], {
    env: { PATH: process.env.PATH ?? '', SSPR_LOG_LEVEL: options.keepProblems ? 'warn' : 'info', ...options.env },
    stdio: ['ignore', options.keepProblems ? 'pipe' : 'ignore', 'inherit', 'ipc'],
    execArgv: ['--max-old-space-size=4096', ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [])],
  });
  const problems: LoggedProblem[] = [];
  if (options.keepProblems && child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const record = JSON.parse(line) as { level: number; msg: string; err?: { code?: string; message?: string } };
        if (record.level >= 40) problems.push({ level: record.level, msg: record.msg, err: record.err ? (record.err.code ?? record.err.message?.slice(0, 80)) : undefined });
      } catch {
        problems.push({ level: 50, msg: line.slice(0, 200) });
      }
    });
  }
  let stopping = false;
  let crashed: ServerProcess['crashed'];
  const exited = once(child, 'exit').then(([code, signal]) => {
    if (!stopping) crashed = { code: code as number | null, signal: signal as string | null };
  });
  const messages = (type: ServerMessage['type']) =>
    new Promise<ServerMessage>((resolve, reject) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type === type || message.type === 'failed') {
          child.off('message', onMessage);
          if (message.type === 'failed') reject(new Error(`the server failed to start: ${message.message}`));
          else resolve(message);
        }
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`the server exited (${crashed?.code ?? crashed?.signal})`)));
    });
  const listening = (await messages('listening')) as Extract<ServerMessage, { type: 'listening' }>;
  const ask = (message: ParentMessage) => child.send(message);
  return {
    url: listening.url,
    pid: listening.pid,
    get crashed() {
      return crashed;
    },
    problems,
    async memory() {
      const reply = messages('memory');
      ask({ type: 'memory' });
      const { usage, cpu } = (await reply) as Extract<ServerMessage, { type: 'memory' }>;
      return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, cpuUser: cpu.user, cpuSystem: cpu.system, ...(await procStatus(listening.pid)) };
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        ask({ type: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
