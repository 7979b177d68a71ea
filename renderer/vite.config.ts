import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths resolve from this file, not the shell's cwd, so the build works from any folder.
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../out/renderer`,
    emptyOutDir: true,
    // One local bundle read from disk (offline, no CDN): its size costs no download.
    chunkSizeWarningLimit: 2500,
  },
});
