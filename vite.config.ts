import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/vite-precompress.ts';

const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The web app lives in src/web and is built to dist/web, which the server serves at `/`. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress(outDir)],
  build: { outDir, emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
