/**
 * `npm run test:jdbc-million`: the long JDBC round trip, 1,000,000 rows (or `ROWS`) from
 * PostgreSQL through the JDBC source, Kafka and the JDBC sink (upsert) into another table, with a
 * `kill -9` of the worker mid-run and a restart; exits 1 unless the two tables compare equal.
 * Uses `KAFKA_BROKERS` when set, else the local `test` broker (stopped afterwards if started here).
 */
import { startBroker, stopBroker } from "../kafka/local-kafka";
import { runJdbcRoundTrip } from "./jdbc-round-trip";

const rows = Number(process.env.ROWS ?? 1_000_000);
const broker = process.env.KAFKA_BROKERS ? null : await startBroker({ name: "test", port: "auto" });
try {
  const result = await runJdbcRoundTrip({ rows, brokers: process.env.KAFKA_BROKERS ?? broker!.bootstrap, log: (line) => console.log(line) });
  const equal = result.missing === 0 && result.extra === 0;
  console.log(equal ? `The tables compare equal: ${rows.toLocaleString("en")} rows, ${Math.round(rows / result.seconds).toLocaleString("en")} rows/s end to end including the restart.` : "The tables differ.");
  process.exitCode = equal ? 0 : 1;
} finally {
  if (broker && !broker.reused) await stopBroker("test");
}
