import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../platform/config/config';
import { cityLoadCommand } from './city';
import { COUNT_METHODS, countCommand, type CountOptions } from './count';
import { countersignCommand, grantsCommand } from './countersign';
import { inviteCommand } from './invite';
import { migrateCommand } from './migrate';
import { purgeCommand } from './purge';
import { startCommand } from './start';

/** Parses argv and runs one `tocsin` subcommand; resolves to the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('tocsin')
    .description('Tocsin: rapid response and organizing for a city under pressure')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('start')
    .description('Run the server: API, realtime stream and web app (migrates the database first)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option('-H, --host <host>', 'address to bind (overrides HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      exitCode = await startCommand(options);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(async () => {
      exitCode = await migrateCommand();
    });

  program
    .command('purge')
    .description('Run one retention sweep now: auto-end quiet incidents, purge expired data')
    .action(async () => {
      exitCode = await purgeCommand();
    });

  const city = program.command('city').description('Manage the city pack');
  city
    .command('load')
    .description('Load or reload a city pack folder (city.json + its areas GeoJSON)')
    .argument('<path>', 'the pack folder, e.g. cities/minneapolis')
    .action(async (folder: string) => {
      exitCode = await cityLoadCommand(folder);
    });

  program
    .command('invite')
    .description('Print a single-use invite link made by the operator (no sponsor)')
    .requiredOption(
      '-r, --role <role>',
      'role the invite grants: admin, or an area role with --area',
    )
    .option('-a, --area <slug>', 'area the role is held in (not for admin)')
    .action(async (options: { role: string; area?: string }) => {
      exitCode = await inviteCommand(options);
    });

  program
    .command('count')
    .description('Count a BLT ballot file (reads only the file: no database, no server)')
    .argument('<file>', 'the ballots, in the BLT format of OpenSTV and droop')
    .addOption(
      new Option('-m, --method <method>', 'counting rule')
        .choices(COUNT_METHODS)
        .default('scottish-stv'),
    )
    .option('--json', 'print the result as one JSON object')
    .option('--seed <seed>', 'seed for lots (default: the SHA-256 of the file)')
    .action(async (file: string, options: CountOptions) => {
      exitCode = await countCommand(file, options);
    });

  program
    .command('grants')
    .description('List the role grants waiting for a countersign')
    .action(async () => {
      exitCode = await grantsCommand();
    });

  program
    .command('countersign')
    .description(
      'Countersign a role grant as the second person (only while the city has one admin and no organizer)',
    )
    .argument('<grant-id>', 'the grant id, as `tocsin grants` lists it')
    .action(async (id: string) => {
      exitCode = await countersignCommand(id);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
}
