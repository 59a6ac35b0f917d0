// Queries on the hot paths (a comment POST asks about ten), built once per connection with drizzle's
// `.prepare()` and `sql.placeholder`s: building a query's SQL anew on every call was a quarter of a
// comment's CPU. A statement prepared on a connection runs inside that connection's transactions too.
import type { Db } from "~db/client";

/** `build(db)` once per connection, then the same prepared queries every time. */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let built = cache.get(db);
    if (built === undefined) {
      built = build(db);
      cache.set(db, built);
    }
    return built;
  };
}
