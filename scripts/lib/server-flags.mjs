// The V8 flags the portal server runs with: `npm start` (scripts/start.mjs) and the bench (bench/portal.ts)
// start server.mjs with these, so the bench measures the server as it is run.
//
// --heap-growing-percent=50: after each full collection V8 lets the old generation grow to 1.5× what
// survived, instead of its default of up to 4× on a machine with plenty of memory (the limit is 4 GB
// there). What the server really holds after a full collection stays about 100–150 MB under load (caches
// of ~100 MB included); with the default factor the heap filled with garbage to 300–480 MB between
// collections under 32 concurrent big pages. Measured (bench/README.md, "Memory: where it goes"): peak
// RSS over every heavy request kind at 32 connections 551 → 346 MB, CPU per request unchanged within the
// noise. It is not a ceiling: the heap may still grow as far as the live data needs, so nothing runs out
// of memory where it did not before.
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=50"];
