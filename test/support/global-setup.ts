// vitest globalSetup for the api and e2e projects. `npm test` exports TEST_DATABASE_URL already;
// when vitest is run directly without it, start a throwaway PostgreSQL for this run.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/pg-throwaway.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.TEST_DATABASE_URL;
  if (existing) {
    project.provide('testDatabaseUrl', existing);
    return undefined;
  }
  const pg = await startThrowawayPostgres();
  // Both: env for anything spawned later (workers inherit it), provide/inject as the documented channel.
  process.env.TEST_DATABASE_URL = pg.url;
  project.provide('testDatabaseUrl', pg.url);
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await pg.stop();
  };
}
