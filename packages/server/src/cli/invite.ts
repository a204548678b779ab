import { ROLES, type Role } from '@tocsin/core';
import { createContext } from '../context';
import { closeContext } from '../platform/context';
import { ensureCity } from '../membership/city/city.service';
import { createOperatorInvite } from '../membership/invites/invites.service';
import { bootstrap } from './bootstrap';
import { browserBaseUrl } from './browser-url';

/** `tocsin invite --role admin` (or `--role organizer --area powderhorn-park`): prints a link. */
export async function inviteCommand(options: { role: string; area?: string }): Promise<number> {
  if (!(ROLES as readonly string[]).includes(options.role)) {
    process.stderr.write(`--role must be one of ${ROLES.join(', ')}\n`);
    return 64; // EX_USAGE
  }
  const role = options.role as Role;
  const { config, secrets, logger } = await bootstrap({ LOG_LEVEL: 'warn' });
  const ctx = await createContext({ config, secrets, logger });
  try {
    await ensureCity(ctx);
    let areaId: string | null = null;
    if (options.area) {
      const area = (await ctx.areas.get()).all.find((a) => a.slug === options.area);
      if (!area) {
        process.stderr.write(`no area with slug ${options.area}\n`);
        return 65; // EX_DATAERR
      }
      areaId = area.id;
    }
    const invite = await createOperatorInvite(
      ctx,
      { role, areaId },
      browserBaseUrl(config, config.port),
    );
    process.stdout.write(
      `Single-use ${role} invite, valid until ${invite.expiresAt.toISOString()}:\n${invite.url}\n`,
    );
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
