/**
 * PostgreSQL → JDBC source → Kafka → JDBC sink (upsert) → another table on the headless worker,
 * with `kill -9` of the worker mid-run and a restart: the two tables compare equal. The short
 * run of `npm run test:jdbc-million` (scripts/postgres/jdbc-round-trip.ts).
 */
import { describe, expect, it } from "vitest";
import { kafkaBrokers } from "@/scripts/test/integration";
import { runJdbcRoundTrip } from "@/scripts/postgres/jdbc-round-trip";

describe("JDBC round trip across kill -9", () => {
  it("copies every row exactly once into the destination table", async () => {
    const result = await runJdbcRoundTrip({ rows: 20_000, brokers: kafkaBrokers(), timeoutMs: 180_000, log: (line) => console.log(line) });
    expect(result.rowsAtKill).toBeLessThan(result.rows);
    expect({ missing: result.missing, extra: result.extra }).toEqual({ missing: 0, extra: 0 });
  }, 300_000);
});
