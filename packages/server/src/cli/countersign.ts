import { z } from 'zod';
import type { RoleGrantView } from '@tocsin/core';
import { MemoryBus } from '../platform/bus/memory-bus';
import { AppError, type AppContext } from '../platform';
import { createContext } from '../context';
import { operatorCountersign, pendingForOperator } from '../membership/members/role-grants.service';
import { bootstrap } from './bootstrap';

function line(g: RoleGrantView): string {
  const verb = g.kind === 'grant' ? 'give' : 'take away';
  const by = g.requestedBy ? `asked by ${g.requestedBy.handle}` : 'asked by nobody left';
  return `${g.id}  ${verb} ${g.role} ${g.kind === 'grant' ? 'to' : 'from'} ${g.member.handle} (${by}; lapses ${g.expiresAt})`;
}

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { config, secrets, logger } = await bootstrap({ LOG_LEVEL: 'warn' });
  // As in `purge`: a private bus and a relay that never starts; the servers' relays deliver.
  const ctx = await createContext({
    config,
    secrets,
    logger,
    bus: new MemoryBus(logger.child({ sub: 'bus' })),
  });
  try {
    return await run(ctx);
  } finally {
    await ctx.relay.stop();
    await ctx.bus.close();
    await ctx.database.close();
  }
}

/** `tocsin grants`: the role grants waiting for a countersign. */
export async function grantsCommand(): Promise<number> {
  return withContext(async (ctx) => {
    const pending = await pendingForOperator(ctx);
    process.stdout.write(
      pending.length === 0
        ? 'No role grant is waiting for a countersign.\n'
        : `${pending.map(line).join('\n')}\n`,
    );
    return 0;
  });
}

/**
 * `tocsin countersign <grant id>`: the operator is the second person, only while the city has a
 * single active admin and no active organizer.
 */
export async function countersignCommand(id: string): Promise<number> {
  if (!z.uuid().safeParse(id).success) {
    process.stderr.write('the grant id is a UUID, as `tocsin grants` lists it\n');
    return 64; // EX_USAGE
  }
  return withContext(async (ctx) => {
    try {
      const grant = await operatorCountersign(ctx, id);
      process.stdout.write(`Countersigned: ${line(grant)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        process.stderr.write(`${error.message}\n`);
        return error.status === 404 ? 65 : 77; // EX_DATAERR, EX_NOPERM
      }
      throw error;
    }
  });
}
