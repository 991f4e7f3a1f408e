/**
 * `npm run postgres -- <command>`: a local throwaway PostgreSQL cluster for trying the JDBC and
 * CDC connectors (see local-postgres.ts; wal_level=logical, user tributary).
 *   start [--name dev] [--port 55432|auto]   start (or reuse) it and print its JDBC URL
 *   stop [--name dev] [--remove]             stop it (and delete its files)
 *   status [--name dev]                      print where it listens, or exit 1
 */
import { jdbcUrl, postgresStatus, startPostgres, stopPostgres } from "./local-postgres";

const [command = "status", ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const name = flag("name") ?? "dev";

switch (command) {
  case "start": {
    const portArg = flag("port") ?? "auto";
    const instance = await startPostgres({ name, port: portArg === "auto" ? "auto" : Number(portArg) });
    console.log(`PostgreSQL ${instance.version} ${instance.reused ? "already running" : "started"} on ${instance.host}:${instance.port} (data in ${instance.dir})`);
    console.log(`connection.url=${jdbcUrl(instance, { credentials: true })}`);
    break;
  }
  case "stop":
    console.log((await stopPostgres(name, { remove: args.includes("--remove") })) ? `PostgreSQL "${name}" stopped.` : `PostgreSQL "${name}" was not running.`);
    break;
  case "status": {
    const instance = postgresStatus(name);
    if (!instance) {
      console.log(`PostgreSQL "${name}" is not running.`);
      process.exit(1);
    }
    console.log(`PostgreSQL ${instance.version} on ${instance.host}:${instance.port}: ${jdbcUrl(instance, { credentials: true })}`);
    break;
  }
  default:
    console.error(`Unknown command ${command}; use start, stop or status.`);
    process.exit(2);
}
