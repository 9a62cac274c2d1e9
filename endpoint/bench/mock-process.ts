/** Starts the mock Graph process (mock-server.ts, bundled next to this file) and reads where it listens. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface MockTenantOptions {
  users: number;
  events: number;
  now: Date;
  /** Smaller pages than Graph's, to make a small tenant cost more requests. */
  pageSize?: number;
}

export interface MockProcess {
  url: string;
  users: number;
  events: number;
  audits: number;
  days: number;
  builtMs: number;
  stop(): Promise<void>;
}

export async function startMockProcess(options: MockTenantOptions): Promise<MockProcess> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mock-server.mjs');
  const args = [entry, `--users=${options.users}`, `--events=${options.events}`, `--now=${options.now.toISOString()}`];
  if (options.pageSize) args.push(`--page-size=${options.pageSize}`);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the mock Graph exited (${code}) before listening`);
    }),
  ]);
  const info = JSON.parse(first) as Omit<MockProcess, 'stop'>;
  return {
    ...info,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
