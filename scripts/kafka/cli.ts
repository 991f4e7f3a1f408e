/**
 * `npm run kafka -- <command>`: manage the local Kafka broker.
 *   start [--name dev] [--port 9092|auto]   start (or reuse) a broker and print where it listens
 *   stop [--name dev]                       stop it (controlled shutdown)
 *   status [--name dev]                     print where it listens, or exit 1 if it is not running
 *   jars                                    only resolve the jars from Maven Central
 */
import { brokerStatus, ensureKafkaJars, KAFKA_VERSION, startBroker, stopBroker } from "./local-kafka";

const [command = "status", ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const name = flag("name") ?? "dev";

switch (command) {
  case "start": {
    const portArg = flag("port") ?? (name === "dev" ? "9092" : "auto");
    const port = portArg === "auto" ? "auto" : Number(portArg);
    const broker = await startBroker({ name, port });
    console.log(`Kafka ${broker.version} ${broker.reused ? "already running" : "started"} on ${broker.bootstrap} (pid ${broker.pid}, log ${broker.logFile})`);
    console.log(`KAFKA_BROKERS=${broker.bootstrap}`);
    break;
  }
  case "stop":
    console.log((await stopBroker(name)) ? `Kafka "${name}" stopped.` : `Kafka "${name}" was not running.`);
    break;
  case "status": {
    const broker = brokerStatus(name);
    if (!broker) {
      console.log(`Kafka "${name}" is not running.`);
      process.exit(1);
    }
    console.log(`Kafka ${broker.version} on ${broker.bootstrap} (pid ${broker.pid})`);
    break;
  }
  case "jars":
    console.log(`Kafka ${KAFKA_VERSION} jars in ${ensureKafkaJars()}`);
    break;
  default:
    console.error(`Unknown command ${command}; use start, stop, status or jars.`);
    process.exit(2);
}
