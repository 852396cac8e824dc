// vite.config.ts — builds the single-page web application into web/dist, which the C++ server
// (src/http) serves at / with index.html as the fallback for client routes. In development
// (`npm run dev`) the API is proxied to a running `caunoi serve` on port 8080.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080", "/healthz": "http://127.0.0.1:8080" },
  },
});
