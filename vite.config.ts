import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  resolve: { alias: { "~db": fileURLToPath(new URL("./db", import.meta.url)), "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  server: { port: 3000 },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  ssr: { noExternal: [] },
});

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
