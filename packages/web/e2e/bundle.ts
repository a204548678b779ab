import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

// Static imports inside a built chunk: `import{...}from"./x.js"` and `import"./x.js"`.
const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]*?from\s*)?["'](\.\/[^"']+\.js)["']/g;

/**
 * The JavaScript a browser must fetch before a screen can run: the entry script and
 * modulepreloads of index.html, plus the screen's lazy chunks (named by prefix: the screen and
 * the string parts its route loads with it), each with every chunk it imports statically. Sizes
 * are summed raw and gzipped.
 */
export async function initialJavaScript(
  distDir: string,
  ...screenChunks: string[]
): Promise<BundleSize> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const assets = await readdir(path.join(distDir, 'assets'));
  for (const screenChunk of screenChunks) {
    const chunk = assets.find((name) => name.startsWith(`${screenChunk}-`) && name.endsWith('.js'));
    if (!chunk) throw new Error(`no chunk named ${screenChunk} in ${distDir}/assets`);
    roots.push(`assets/${chunk}`);
  }
  const seen = new Set<string>();
  let bytes = 0;
  let gzipBytes = 0;
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(path.join(distDir, file));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    const dir = path.posix.dirname(file);
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      await visit(path.posix.join(dir, match[1] ?? ''));
    }
  };
  for (const root of roots) await visit(root);
  return { files: [...seen], bytes, gzipBytes };
}
