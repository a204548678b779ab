import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform';
import { timeZoneOf } from '../bulletin';
import { findPublicEvent, rolesOf } from './events.repository';

const slugParams = z.strictObject({ slug: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The public page of a public event at /e/:slug: plain HTML, no sign-in, no script. Only the
 * public fields: title, time, the coarse place, the description, the roles asked for. Nothing
 * about who is coming (no names, no counts), nothing of the exact meeting point.
 */
export function publicEventPage(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/e/:slug', async (request, reply) => {
      const params = slugParams.safeParse(request.params);
      const row = params.success ? await findPublicEvent(ctx.db, params.data.slug) : undefined;
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (!row) {
        return reply
          .status(404)
          .send(
            '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><p>No such event.</p></html>',
          );
      }
      const timeZone = await timeZoneOf(ctx);
      const when = new Intl.DateTimeFormat('en-US', {
        timeZone,
        dateStyle: 'full',
        timeStyle: 'short',
      });
      const until = new Intl.DateTimeFormat('en-US', { timeZone, timeStyle: 'short' });
      const roles = await rolesOf(ctx.db, row.id);
      const rolesHtml =
        roles.length === 0
          ? ''
          : `<h2>Roles needed</h2><ul>${roles
              .map((r) => `<li>${escape(r.role)}${r.needed > 0 ? ` (${r.needed})` : ''}</li>`)
              .join('')}</ul>`;
      const description = row.description
        .split(/\n{2,}/)
        .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
        .join('');
      return reply.send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(row.title)}</title>
</head>
<body>
<main>
<h1>${escape(row.title)}</h1>
<p>${escape(row.body_name)}</p>
<p><time datetime="${row.starts_at.toISOString()}">${escape(when.format(row.starts_at))}</time> – <time datetime="${row.ends_at.toISOString()}">${escape(until.format(row.ends_at))}</time></p>
<p>${escape(row.public_place)}</p>
${description}
${rolesHtml}
</main>
</body>
</html>`);
    });
  };
}
