import type { Plugin } from 'vite';

/** Chrome's explicit compile hint: compile every function of the file eagerly. */
const HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the entry chunk and those it imports, which every screen runs at start, for eager compilation: V8 then
 * compiles it off the main thread while it streams in, instead of function by function on a
 * slow phone's main thread. Added last, as the minifier drops comments.
 */
export function compileHints(): Plugin {
  return {
    name: 'tocsin-compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const atStart = new Set(
          chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]),
        );
        for (const chunk of chunks) {
          if (atStart.has(chunk.fileName)) chunk.code = HINT + chunk.code;
        }
      },
    },
  };
}
