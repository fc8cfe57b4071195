import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { closeContext, createContext } from './runtime.ts';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** The address it listens on, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { logger?: Logger; now?: () => Date } = {},
): Promise<RunningServer> {
  const ctx = await createContext(config, options);
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await ctx.live.close();
      await app.close();
      await closeContext(ctx);
    })();
    return closing;
  };
  return { app, ctx, url: `http://${host}:${port}`, close };
}

/** Stops taking new requests on SIGTERM/SIGINT, lets running ones finish, then closes the database. */
export function closeGracefullyOnSignals(server: RunningServer, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
