import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { openStore } from '../../server/store/db.ts';
import { migrateToLatest } from '../../server/store/migrate.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description(
      'Bring the database (DATABASE_URL, or SQLite in DATA_DIR) up to date. `serve` does this on start too.',
    )
    .action(async () => {
      const config = loadConfig();
      const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await migrateToLatest(store.plain);
        const applied =
          result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        console.log(
          applied.length ? `Applied: ${applied.join(', ')}` : 'The database was already up to date.',
        );
      } finally {
        await store.destroy();
      }
    });
}
