import { fatalLine } from "@/server/errors/tributary-error";
import { runConnectorsCommand } from "@/server/cli/connectors/commands";
import { runDistributed } from "@/server/cli/distributed";
import { runStandalone } from "@/server/cli/standalone";
import { VERSION } from "@/server/version";

const usage = `Usage:
  tributary --version
  tributary standalone <worker.properties> [connector.properties|connector.json ...]
  tributary distributed <connect-distributed.properties>
  tributary connectors <command> [options]    (tributary connectors --help)

Runs the Tributary Connect runtime without the console. The worker file takes Kafka Connect's
worker keys (bootstrap.servers, listeners, offset.flush.interval.ms, plugin.path, ...);
environment variables CONNECT_<KEY> and KAFKA_BROKERS override it. "distributed" joins the
cluster of the file's group.id, keeping connectors, offsets and statuses in its internal topics
(config.storage.topic, offset.storage.topic, status.storage.topic) as Kafka Connect does.

"tributary connectors" lists, creates, updates and controls connectors through the Kafka Connect
REST API of a Tributary or Apache Kafka Connect worker (--url, default $TRIBUTARY_URL or
http://localhost:8083).`;

/** Entry point of the `tributary` command; exits non-zero with one clear line on failure. */
async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "--version" || command === "-v" || command === "version") {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === "standalone") {
    if (rest.length < 1) throw new UsageError("standalone needs the worker .properties file, then optionally connector files");
    await runStandalone(rest[0]!, rest.slice(1));
    return;
  }
  if (command === "distributed") {
    if (rest.length !== 1) throw new UsageError("distributed needs exactly one argument, the worker .properties file");
    await runDistributed(rest[0]!);
    return;
  }
  if (command === "connectors") {
    const result = await runConnectorsCommand(rest, { env: process.env });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`tributary: ${error.message}\n\n${usage}\n`);
    process.exit(2);
  }
  process.stderr.write(`${fatalLine(error)}\n`);
  process.exit(1);
});
