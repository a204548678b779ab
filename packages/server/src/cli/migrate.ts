import { openDatabase } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrate';
import { bootstrap } from './bootstrap';

/** `tocsin migrate`: apply pending migrations and report what ran. */
export async function migrateCommand(): Promise<number> {
  const { config } = await bootstrap();
  const database = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(
      applied.length > 0
        ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}\n`
        : 'Database is up to date.\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}
