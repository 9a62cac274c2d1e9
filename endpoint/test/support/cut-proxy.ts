/**
 * A loopback TCP proxy in front of PostgreSQL that a test can cut and restore, on the same port, to
 * stand for the database going away under a running endpoint:
 *
 * - `refuse`: every open connection destroyed, the listener closed (new connections: ECONNREFUSED),
 *   as when PostgreSQL stops or restarts;
 * - `reset`: every open connection destroyed, new ones accepted and reset at once (a gateway in front
 *   of a database that is down);
 * - `blackhole`: every open connection destroyed, new ones accepted and never answered (a host that is
 *   gone or a firewall dropping packets: the TCP handshake may succeed, nothing ever comes back);
 * - `stall`: open connections kept but nothing forwarded either way any more, new ones as `blackhole`
 *   (a network partition under established sessions).
 *
 * `restore()` ends what a cut held open (so nothing waits for ever on the proxy itself) and forwards
 * again.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type CutMode = 'refuse' | 'reset' | 'blackhole' | 'stall';

export interface CutProxy {
  /** The port the proxy listens on (loopback). */
  readonly port: number;
  /** `target` (a postgres:// URL) with its host and port replaced by the proxy's. */
  url(target: string): string;
  /** Connections forwarded since start (a restore that works makes new ones). */
  readonly accepted: number;
  /** Connections the proxy refused, reset or held while cut. */
  readonly turnedAway: number;
  readonly cutMode: CutMode | undefined;
  cut(mode?: CutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export interface CutProxyOptions {
  targetHost?: string;
  targetPort?: number;
  /** 0 (default): any free port. */
  port?: number;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

export async function startCutProxy(options: CutProxyOptions = {}): Promise<CutProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1';
  const targetPort = options.targetPort ?? 5432;
  const pairs = new Set<Pair>();
  /** Sockets accepted while cut (blackhole, stall): held, never answered, destroyed on restore. */
  const held = new Set<Socket>();
  let mode: CutMode | undefined;
  let accepted = 0;
  let turnedAway = 0;

  const forward = (client: Socket) => {
    accepted++;
    const upstream = createConnection({ host: targetHost, port: targetPort });
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // errors end the pair; neither side's error may reach the process
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const onConnection = (socket: Socket) => {
    if (mode === undefined) return forward(socket);
    turnedAway++;
    socket.on('error', () => {});
    if (mode === 'reset') {
      socket.resetAndDestroy();
      return;
    }
    // blackhole / stall: the connection is open and nothing ever answers
    held.add(socket);
    socket.on('close', () => held.delete(socket));
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const port = await listen(options.port ?? 0);
  let listening = true;

  const closeListener = () =>
    new Promise<void>((resolve) => {
      listening = false;
      server.close(() => resolve());
    });

  const destroyPairs = () => {
    for (const pair of pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    pairs.clear();
  };

  const stallPairs = () => {
    for (const { client, upstream } of pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  };

  return {
    port,
    url(target) {
      const u = new URL(target);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.href;
    },
    get accepted() {
      return accepted;
    },
    get turnedAway() {
      return turnedAway;
    },
    get cutMode() {
      return mode;
    },
    async cut(next = 'refuse') {
      mode = next;
      if (next === 'stall') stallPairs();
      else destroyPairs();
      if (next === 'refuse' && listening) {
        // close() waits for nothing more: the sockets it would wait for are destroyed above
        await closeListener();
      }
    },
    async restore() {
      // what was held or stalled ends now (an error at last for whoever waited on it)
      for (const socket of held) socket.destroy();
      held.clear();
      if (mode === 'stall') destroyPairs();
      mode = undefined;
      if (!listening) {
        server = createServer(onConnection);
        // the same port: the endpoint's connection string does not change
        for (let attempt = 0; ; attempt++) {
          try {
            await listen(port);
            break;
          } catch (error) {
            if (attempt >= 20 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        listening = true;
      }
    },
    async close() {
      for (const socket of held) socket.destroy();
      held.clear();
      destroyPairs();
      mode = undefined;
      if (listening) await closeListener();
    },
  };
}
