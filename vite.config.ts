import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web planner: source in src/faces/web, built into dist/web, served by `danlu serve`.
export default defineConfig({
  root: resolve(import.meta.dirname, "src/faces/web"),
  base: "./",
  plugins: [react()],
  worker: { format: "es" },
  build: { outDir: resolve(import.meta.dirname, "dist/web"), emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 },
  logLevel: "warn",
});
