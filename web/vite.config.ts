import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is built into web/dist and served by the service at `/` (src/web-app/web-app.ts).
 * `npm run dev -w web` proxies /graphql (HTTP and the graphql-ws socket) to a service on :3000.
 */
export default defineConfig({
  plugins: [react()],
  // The service's GraphiQL page pins React 18 at the repository root (its UMD files); the web app is React 19
  // (web/node_modules). One React in the bundle: every import of react resolves from web/, also the libraries'.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  server: { proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } } },
});
