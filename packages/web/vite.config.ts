import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHints } from './build/compile-hints';
import { precompress } from './build/precompress';
import { startupChunk } from './build/startup-chunk';

// Deep imports of @tocsin/core (`@tocsin/core/salute/parse-text`) keep h3-js and zod, which the
// package index pulls in, out of the browser bundle.
const STRING_PART_FILE =
  /\/src\/locales\/(\w+)\/(assemblies|bulletin|community|council|dispatch|elections|incidents|onboarding|organize|pledges|trust)\.ts$/;

const coreSrc = fileURLToPath(new URL('../core/src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@tocsin\/core\/(.+)$/, replacement: `${coreSrc}$1` },
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(
          new URL('build/use-sync-external-store-shim.ts', import.meta.url),
        ),
      },
    ],
  },
  plugins: [
    react(),
    VitePWA({
      // Registered from src/lib/service-worker.ts: the CSP allows no inline script.
      injectRegister: false,
      registerType: 'prompt',
      strategies: 'generateSW',
      includeAssets: ['icon.svg'],
      manifest: {
        id: '/',
        name: 'Tocsin',
        short_name: 'Tocsin',
        description: 'Neighbors warning neighbors',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#b3261e',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell and every route's code, so the app opens and reports queue offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['sw-notifications.js'],
        navigateFallback: '/index.html',
        // The public page of an event (/e/:slug) is the server's HTML, never the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/e\//],
        cleanupOutdatedCaches: true,
        // The first service worker controls the open page at once, so screens and the map
        // still load if the network drops during the first visit. Updates wait for a tap.
        clientsClaim: true,
        importScripts: ['/sw-notifications.js'],
        // API answers are personal and live: never cached by the service worker.
        runtimeCaching: [],
      },
    }),
    compileHints(),
    // `.br` and `.gz` beside each file, sent as they are by the server (`http/web.ts`).
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            ...startupChunk(fileURLToPath(new URL('.', import.meta.url)), [
              'src/main.tsx',
              'src/features/home/home-page.tsx',
            ]).groups,
            // One chunk per language and part of the strings screens load with them (`loadStrings` in
            // lib/i18n.ts), named for both: `strings-so-assemblies-….js`.
            {
              name: (id) => {
                const part = STRING_PART_FILE.exec(id);
                return part ? `strings-${part[1]}-${part[2]}` : null;
              },
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } },
  },
});
