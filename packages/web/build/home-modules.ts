import type { Plugin, Rolldown } from 'vite';

const HOME = '/src/features/home/home-page.tsx';
const PLACEHOLDER = '<meta name="tocsin-home-modules" content="" />';

/**
 * Names the home screen's chunks in index.html's `<meta name="tocsin-home-modules">`, beyond
 * those index.html already loads, so that `public/early-requests.js` preloads them on `/` only:
 * the router asks for them once the app's script has run, a round trip later on a slow network.
 */
export function homeModules(): Plugin {
  return {
    name: 'tocsin-home-modules',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = new Map(
          Object.values(bundle ?? {})
            .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk')
            .map((c) => [c.fileName, c]),
        );
        const home = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(HOME));
        if (!home) throw new Error(`no chunk for ${HOME}`);
        const loaded = new Set(
          [...chunks.values()].filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]),
        );
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (loaded.has(fileName) || files.includes(fileName)) return;
          files.push(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        visit(home.fileName);
        if (!html.includes(PLACEHOLDER)) throw new Error(`index.html lacks ${PLACEHOLDER}`);
        return html.replace(
          PLACEHOLDER,
          `<meta name="tocsin-home-modules" content="${files.map((f) => `/${f}`).join(' ')}" />`,
        );
      },
    },
  };
}
