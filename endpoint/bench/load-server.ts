/**
 * The endpoint's server as `serve` runs it (serveEndpoint: the store opened and migrated, sign-in,
 * the rate limit, the request log), without a sync, in a process of its own so its memory is its
 * own. Started with fork() by load.ts and outage.ts; configured by the environment as `serve` is
 * (DATABASE_URL or SSPR_DATA_DIR, SSPR_AUTH…, SSPR_RATE_LIMIT, SSPR_LOG_LEVEL). Over IPC it says where
 * it listens, answers `memory` with process.memoryUsage() and cpuUsage(), and `stop` closes it.
 */
import { readConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { serveEndpoint } from '../src/serve-endpoint.js';

export type ServerMessage =
  | { type: 'listening'; url: string; pid: number }
  | { type: 'memory'; usage: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage }
  | { type: 'failed'; message: string };
export type ParentMessage = { type: 'memory' } | { type: 'stop' };

const send = (message: ServerMessage) => process.send?.(message);

try {
  const config = readConfig({ ...process.env, SSPR_HOST: '127.0.0.1', SSPR_PORT: '0', SSPR_SYNC_INTERVAL: '0' });
  // the request log as in production (one line per request), to a sink: its cost is part of serving
  const endpoint = await serveEndpoint({ config, log: createLogger(config.logLevel), sync: false, handleSignals: false });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'memory') send({ type: 'memory', usage: process.memoryUsage(), cpu: process.cpuUsage() });
    if (message.type === 'stop') {
      void endpoint.close().finally(() => process.exit(0));
    }
  });
  // the parent gone (killed, crashed): nothing to serve any more
  process.on('disconnect', () => void endpoint.close().finally(() => process.exit(0)));
  send({ type: 'listening', url: endpoint.url, pid: process.pid });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
