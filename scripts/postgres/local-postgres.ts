/**
 * Throwaway PostgreSQL clusters from the machine's server binaries (Debian's
 * /usr/lib/postgresql/<version>/bin, or `PG_BIN`), for the connector tests, the benchmark and
 * local experiments: `initdb` + `pg_ctl` on 127.0.0.1 with `wal_level=logical`, one superuser
 * `tributary` with a password, TCP connections authenticated by SCRAM (replication included).
 *
 * PostgreSQL refuses to run as root: when this process is root, the binaries run as the
 * `postgres` system user (`runuser -u postgres --`) on a data folder that user owns; otherwise
 * they run as the current user. Each cluster lives in `<tmp>/tributary-postgres/<name>/`
 * (data, log, and `instance.json` saying where it listens).
 *
 * Durability is traded for speed (`fsync=off`, `synchronous_commit=off`): these clusters are
 * for tests and measurements, never for data anyone keeps.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPortFree } from "../net/ports";

/** The superuser every cluster gets, and its password (loopback-only throwaway clusters). */
export const POSTGRES_USER = "tributary";
export const POSTGRES_PASSWORD = "tributary-secret";
/** The ports `port: "auto"` tries, in order. */
export const AUTO_PORTS: readonly [number, number] = [55432, 55499];

/** Where a running cluster listens and how to log in. */
export interface PostgresInstance {
  name: string;
  host: string;
  port: number;
  user: string;
  password: string;
  /** The database created with the cluster. */
  database: string;
  /** The PostgreSQL server version (`15.14`). */
  version: string;
  dir: string;
}

const root = path.join(os.tmpdir(), "tributary-postgres");
const asRoot = process.getuid?.() === 0;

/** The folder of PostgreSQL's server binaries: `PG_BIN`, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error("PostgreSQL server binaries not found: install Debian's postgresql package (scripts/install-prerequisites.sh) or set PG_BIN");
  return path.join(base, versions[0]!, "bin");
}

/** Runs a server binary as the user PostgreSQL accepts (see the module comment). */
function pgSpawn(binary: string, args: string[]) {
  const command = path.join(postgresBinDir(), binary);
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return spawnSync(file, argv, { encoding: "utf8", cwd: os.tmpdir() });
}

/** pgSpawn, throwing with the binary's output when it fails. */
function pgRun(binary: string, args: string[]): string {
  const result = pgSpawn(binary, args);
  if (result.status !== 0) throw new Error(`${binary} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Makes `dir` belong to the user the server runs as. */
function own(dir: string): void {
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

function instanceDir(name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Invalid cluster name ${name}`);
  return path.join(root, name);
}

/** The running cluster called `name`, or undefined. */
export function postgresStatus(name: string): PostgresInstance | undefined {
  const dir = instanceDir(name);
  const file = path.join(dir, "instance.json");
  if (!existsSync(file)) return undefined;
  return pgSpawn("pg_ctl", ["status", "-D", path.join(dir, "data")]).status === 0 ? (JSON.parse(readFileSync(file, "utf8")) as PostgresInstance) : undefined;
}

async function choosePort(port: number | "auto"): Promise<number> {
  if (port !== "auto") return port;
  for (let candidate = AUTO_PORTS[0]; candidate <= AUTO_PORTS[1]; candidate++) if (await isPortFree(candidate)) return candidate;
  throw new Error(`No free port in ${AUTO_PORTS[0]}–${AUTO_PORTS[1]} for PostgreSQL`);
}

const SETTINGS = (port: number, socketDir: string) => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${socketDir}'
wal_level = logical
max_wal_senders = 20
max_replication_slots = 20
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
timezone = 'UTC'
`;

const HBA = `local all all trust
host all all 127.0.0.1/32 scram-sha-256
host replication all 127.0.0.1/32 scram-sha-256
`;

/**
 * Starts the cluster `name` (creating it on first use) and resolves where it listens. Reuses a
 * running one. `port: "auto"` takes the first free port of AUTO_PORTS.
 */
export async function startPostgres(options: { name: string; port: number | "auto"; database?: string }): Promise<PostgresInstance & { reused: boolean }> {
  const running = postgresStatus(options.name);
  if (running) return { ...running, reused: true };
  const dir = instanceDir(options.name);
  const data = path.join(dir, "data");
  const port = await choosePort(options.port);
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "pwfile"), `${POSTGRES_PASSWORD}\n`);
    own(dir);
    pgRun("initdb", ["-D", data, "-U", POSTGRES_USER, `--pwfile=${path.join(dir, "pwfile")}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"]);
  }
  const conf = path.join(data, "postgresql.conf");
  const base = readFileSync(conf, "utf8").split("\n# tributary\n")[0]!;
  writeFileSync(conf, `${base}\n# tributary\n${SETTINGS(port, dir)}`);
  writeFileSync(path.join(data, "pg_hba.conf"), HBA);
  own(dir);
  pgRun("pg_ctl", ["start", "-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60"]);
  const database = options.database ?? "tributary";
  const psql = (sql: string) => pgRun("psql", ["-h", dir, "-p", String(port), "-U", POSTGRES_USER, "-d", "postgres", "-tAc", sql]).trim();
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`) !== "1") psql(`CREATE DATABASE "${database}"`);
  const version = psql("SHOW server_version").split(" ")[0]!;
  const instance: PostgresInstance = { name: options.name, host: "127.0.0.1", port, user: POSTGRES_USER, password: POSTGRES_PASSWORD, database, version, dir };
  writeFileSync(path.join(dir, "instance.json"), JSON.stringify(instance, null, 2));
  return { ...instance, reused: false };
}

/** Stops the cluster `name` (fast shutdown); `remove` also deletes its files. Resolves whether it was running. */
export async function stopPostgres(name: string, options: { remove?: boolean } = {}): Promise<boolean> {
  const dir = instanceDir(name);
  const wasRunning = postgresStatus(name) !== undefined;
  if (wasRunning) pgRun("pg_ctl", ["stop", "-D", path.join(dir, "data"), "-m", "fast", "-w", "-t", "60"]);
  if (options.remove) rmSync(dir, { recursive: true, force: true });
  return wasRunning;
}

/** `jdbc:postgresql://host:port/db` for a cluster, optionally with the credentials as URL parameters. */
export function jdbcUrl(instance: PostgresInstance, options: { credentials?: boolean; database?: string } = {}): string {
  const url = `jdbc:postgresql://${instance.host}:${instance.port}/${options.database ?? instance.database}`;
  return options.credentials ? `${url}?user=${encodeURIComponent(instance.user)}&password=${encodeURIComponent(instance.password)}` : url;
}

/** Runs SQL through the cluster's own `psql` (as its superuser, over the local socket); resolves its unaligned output. */
export function psql(instance: PostgresInstance, sql: string, database = instance.database): string {
  return pgRun("psql", ["-h", instance.dir, "-p", String(instance.port), "-U", instance.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql]);
}
