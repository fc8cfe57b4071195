import type pg from 'pg';

export interface PipelinedStatement {
  sql: string;
  params?: unknown[];
}

/** Each statement's result in order: its command tag (`INSERT`, `COMMIT`, or `ROLLBACK` for an undone commit), or its error. */
export type StatementOutcome =
  | { ok: true; command: string }
  | { ok: false; error: Error & { code?: string } };

/**
 * A PostgreSQL connection of its own in the driver's pipeline mode: statements go out without waiting
 * for the answers to those before them, so a transaction of several statements costs one round trip.
 * Each statement is synced on its own: an error aborts the transaction it is in (the statements after it
 * answer 25P02 and its COMMIT answers ROLLBACK) but never the transactions behind it.
 */
export class PipelinedConnection {
  private client: Promise<pg.Client> | undefined;
  private closed = false;

  constructor(
    private readonly driver: Pick<typeof import('pg'), 'Client'>,
    private readonly connectionString: string,
  ) {}

  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('The database connection is closing.'));
    if (!this.client) {
      // `pipeline` is the driver's own option (pg 8.23), not yet in its type definitions.
      const config: pg.ClientConfig & { pipeline: boolean } = {
        connectionString: this.connectionString,
        pipeline: true,
      };
      const client = new this.driver.Client(config);
      // A lost or ended connection is opened again for the next statements; those in flight report the loss.
      const forget = () => {
        if (this.client === connected) this.client = undefined;
      };
      client.on('error', forget);
      client.on('end', forget);
      const connected = client.connect().then(() => client);
      connected.catch(forget);
      this.client = connected;
    }
    return this.client;
  }

  /** Sends the statements at once, in order, and resolves with every outcome (never rejects for a statement). */
  async send(statements: PipelinedStatement[]): Promise<StatementOutcome[]> {
    const client = await this.connection();
    return Promise.all(
      statements.map(({ sql, params }) =>
        client.query(sql, params).then(
          (result): StatementOutcome => ({ ok: true, command: result.command }),
          (error: Error): StatementOutcome => ({ ok: false, error }),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => {});
  }
}
