import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import helmet from 'helmet';
import { defineConfig, type Plugin } from 'vite';
import { ADMIN_CSP_DIRECTIVES } from './security-headers.ts';

// The api (GraphQL, health check, iCalendar feeds) runs on its own port; the dev and preview
// servers proxy to it so the browser sees one origin.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/graphql': { target: apiUrl, changeOrigin: true },
  '/health': { target: apiUrl, changeOrigin: true },
  '/calendar': { target: apiUrl, changeOrigin: true },
  '/documents': { target: apiUrl, changeOrigin: true },
  '/exports': { target: apiUrl, changeOrigin: true },
  '/auth': { target: apiUrl, changeOrigin: true },
  '/imports': { target: apiUrl, changeOrigin: true },
};

/**
 * The preview server (the built app, as `npm start` and the browser tests serve it) sends the same security headers as
 * nginx in production: helmet with the admin's Content-Security-Policy (no inline scripts), no X-Powered-By. The dev
 * server (`vite`) does not: React Fast Refresh needs an inline script.
 */
function securityHeaders(): Plugin {
  const headers = helmet({ contentSecurityPolicy: { useDefaults: false, directives: ADMIN_CSP_DIRECTIVES }, referrerPolicy: { policy: 'same-origin' } });
  return {
    name: 'zorgroute-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => headers(req, res, next));
    },
  };
}

export default defineConfig({
  // Absolute root so `vite build|preview --config apps/admin/vite.config.ts` works from the repo root.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), securityHeaders()],
  // The step catalogue (no runtime dependencies) is used from source: the same definitions as the api and workflows.
  resolve: {
    alias: {
      '@zorgroute/processes': fileURLToPath(new URL('../../libs/processes/src/index.ts', import.meta.url)),
      // The Dutch date formatting (date-fns with the nl locale), the same as the api's documents and the e-mails.
      '@zorgroute/dates': fileURLToPath(new URL('../../libs/dates/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The GraphQL IDE's editor (monaco, about 2.8 MB) is a chunk of its own, loaded only on /graphiql; every chunk of
    // the app itself stays far below this.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // graphiql is compiled with the React Compiler, whose "use no memo" directives only matter to that compiler.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use no memo"')) return;
        warn(warning);
      },
      output: {
        // Long-lived vendor chunks, so a release of the app does not invalidate the libraries in the cache.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            // The thermometer chart (recharts and what it builds on).
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|decimal\.js-light|es-toolkit|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|eventemitter3|internmap)[\\/]/,
              priority: 15,
            },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
