/**
 * `npm run test:differential`: every vector through Kafka Connect and Tributary, the figures per
 * converter, transform and API (vectors, identical, deliberately different, unexplained), the
 * deliberate differences by rule, and a diff of each unexplained one. Exits 1 when any
 * difference is unexplained. `DIFFERENTIAL_FILTER=<text>` runs only vectors whose id contains it;
 * `DIFFERENTIAL_VERBOSE=1` also prints the diff of each deliberate difference.
 */
import { formatDifferences } from "./compare";
import { DELIBERATE_DIFFERENCES } from "./deliberate-differences";
import { runDifferential } from "./differential";
import { allVectors } from "./vectors";

const filter = process.env.DIFFERENTIAL_FILTER;
const vectors = allVectors().filter((vector) => !filter || vector.id.includes(filter));
const run = await runDifferential(vectors, (line) => console.log(line));
const { figures } = run;

console.log(`\nKafka Connect's classes on Java ${run.info.javaVersion} (${run.seconds.kafka.toFixed(1)} s) vs Tributary (${run.seconds.tributary.toFixed(1)} s)\n`);
console.log(`${"covers".padEnd(28)} ${"vectors".padStart(8)} ${"identical".padStart(10)} ${"deliberate".padStart(11)} ${"different".padStart(10)}`);
for (const [cover, entry] of [...figures.byCover].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${cover.padEnd(28)} ${String(entry.total).padStart(8)} ${String(entry.identical).padStart(10)} ${String(entry.deliberate).padStart(11)} ${String(entry.different).padStart(10)}`);
}
console.log(`${"all vectors".padEnd(28)} ${String(figures.total).padStart(8)} ${String(figures.identical).padStart(10)} ${String(figures.deliberate).padStart(11)} ${String(figures.different).padStart(10)}`);
if (figures.byRule.size > 0) {
  console.log("\nDeliberate differences:");
  for (const rule of DELIBERATE_DIFFERENCES) if (figures.byRule.has(rule.id)) console.log(`  ${rule.id}: ${figures.byRule.get(rule.id)} vectors. ${rule.reason}`);
}
if (process.env.DIFFERENTIAL_VERBOSE && figures.deliberate > 0) console.log(`\nDeliberate differences, vector by vector:\n${formatDifferences(run.verdicts, "deliberate")}`);
if (figures.different > 0) {
  console.log(`\nUnexplained differences (${figures.different}):\n${formatDifferences(run.verdicts)}`);
  process.exit(1);
}
console.log("\nNo unexplained differences.");
