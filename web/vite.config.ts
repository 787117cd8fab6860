import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is built into web/dist and served by the service at `/` (src/web-app/web-app.ts).
 * `npm run dev -w web` proxies /graphql (HTTP and the graphql-ws socket) to a service on :3000.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  server: { proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } } },
});
