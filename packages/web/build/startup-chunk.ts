import path from 'node:path';
import type { Rolldown } from 'vite';

type NameFunction = Exclude<Rolldown.CodeSplittingGroup['name'], string>;
type ChunkingContext = Parameters<NameFunction>[1];

/**
 * One chunk for everything the app runs at start on its most used screen: the modules `main.tsx`
 * and the home screen import statically. Left to itself the bundler splits them into half a
 * dozen files (shared with the lazy screens), and on a slow network each extra request at
 * start can cost a round trip: Chromium opens six HTTP/1.1 connections per host.
 */
export function startupChunk(
  webRoot: string,
  roots: string[],
): { groups: Rolldown.CodeSplittingGroup[] } {
  const rootIds = roots.map((r) => path.join(webRoot, r));
  let startup: Set<string> | undefined;
  const closure = (ctx: ChunkingContext): Set<string> => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      const info = ctx.getModuleInfo(id);
      if (!info) return;
      seen.add(id);
      for (const imported of info.importedIds) visit(imported);
    };
    for (const id of rootIds) {
      if (!ctx.getModuleInfo(id)) throw new Error(`startupChunk: no module ${id}`);
      visit(id);
    }
    return seen;
  };
  return {
    groups: [
      {
        name: (id, ctx) => {
          startup ??= closure(ctx);
          return startup.has(id) ? 'startup' : null;
        },
      },
    ],
  };
}
