import { parseArgs } from "node:util";
import { UsageError } from "@/server/cli/connectors/command-errors";

/** The `tributary connectors` usage text, printed by `--help` and after every UsageError. */
export const connectorsUsage = `Usage: tributary connectors <command> [options]

Commands:
  list                      connectors with their type, state and running/total tasks
  get NAME                  a connector's type, task ids and config
  config NAME               a connector's config
  status NAME               a connector's and its tasks' states, with the first line of each trace
  create -f FILE            creates a connector
  update NAME -f FILE       replaces a connector's config (creates the connector if it is new)
  delete NAME               deletes a connector (its offsets are kept)
  pause NAME | resume NAME | stop NAME
  restart NAME [--include-tasks] [--only-failed]
  offsets NAME              a connector's committed offsets
  plugins                   the installed connector plugins

Options:
  --url URL            the Connect REST API (default $TRIBUTARY_URL, else http://localhost:8083);
                       for the console's embedded workers: http://localhost:3000/api/connect
  -o, --output FORMAT  table (default) or json (the API's JSON, pretty-printed)
  -f, --file FILE      a .properties connector file, a JSON config map with "name", or a JSON
                       POST /connectors body {"name", "config", "initial_state"}; - reads stdin`;

/** What the Kafka Connect REST API listens on when neither --url nor $TRIBUTARY_URL says. */
const DEFAULT_CONNECT_URL = "http://localhost:8083";

/** Arity of each subcommand: whether it takes NAME, needs -f, and accepts the restart flags. */
const subcommands = {
  list: { name: false },
  get: { name: true },
  config: { name: true },
  status: { name: true },
  create: { name: false, file: true },
  update: { name: true, file: true },
  delete: { name: true },
  pause: { name: true },
  resume: { name: true },
  stop: { name: true },
  restart: { name: true, restartFlags: true },
  offsets: { name: true },
  plugins: { name: false },
} satisfies Record<string, { name: boolean; file?: true; restartFlags?: true }>;

/** One of the `tributary connectors` subcommands. */
export type Subcommand = keyof typeof subcommands;

/** A parsed, checked `tributary connectors` command line. */
export interface ConnectorsInvocation {
  subcommand: Subcommand;
  /** The connector's name, for subcommands that take one. */
  name?: string;
  /** The `-f` file, for create and update (`-` is stdin). */
  file?: string;
  /** The API's base URL, validated as http(s). */
  url: string;
  output: "json" | "table";
  includeTasks: boolean;
  onlyFailed: boolean;
}

/**
 * Parses the arguments after `tributary connectors`. Returns "help" for `help`, `-h` or `--help`;
 * throws UsageError for anything that does not fit the usage text (unknown subcommand or option,
 * an option the subcommand does not take, a missing or extra argument, a bad --output or URL).
 */
export function parseConnectorsArgs(args: string[], env: Record<string, string | undefined>): ConnectorsInvocation | "help" {
  const { values, positionals } = parse(args);
  if (values.help || positionals[0] === "help") return "help";
  const [subcommand, ...operands] = positionals;
  if (subcommand === undefined) throw new UsageError("missing command");
  if (!Object.hasOwn(subcommands, subcommand)) throw new UsageError(`unknown connectors command "${subcommand}"`);
  const spec: { name: boolean; file?: true; restartFlags?: true } = subcommands[subcommand as Subcommand];

  const expected = spec.name ? 1 : 0;
  if (operands.length < expected) throw new UsageError(`${subcommand} needs the connector's NAME`);
  if (operands.length > expected) throw new UsageError(`unexpected argument "${operands[expected]}" for ${subcommand}`);
  if (spec.file && values.file === undefined) throw new UsageError(`${subcommand} needs -f FILE (a .properties or JSON connector file, or - for stdin)`);
  if (!spec.file && values.file !== undefined) throw new UsageError(`${subcommand} does not take -f`);
  if (!spec.restartFlags && (values["include-tasks"] || values["only-failed"])) {
    throw new UsageError(`--include-tasks and --only-failed apply to restart only`);
  }
  const output = values.output ?? "table";
  if (output !== "json" && output !== "table") throw new UsageError(`--output must be json or table, not "${output}"`);
  if (spec.name && operands[0]!.trim() === "") throw new UsageError(`the connector's NAME must not be empty`);

  return {
    subcommand: subcommand as Subcommand,
    name: spec.name ? operands[0] : undefined,
    file: values.file,
    url: connectUrl(values.url, env),
    output,
    includeTasks: values["include-tasks"] ?? false,
    onlyFailed: values["only-failed"] ?? false,
  };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        url: { type: "string" },
        output: { type: "string", short: "o" },
        file: { type: "string", short: "f" },
        "include-tasks": { type: "boolean" },
        "only-failed": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split(". ")[0]!);
  }
}

function connectUrl(option: string | undefined, env: Record<string, string | undefined>): string {
  const [url, from] = option !== undefined ? [option, "--url"] : env.TRIBUTARY_URL ? [env.TRIBUTARY_URL, "TRIBUTARY_URL"] : [DEFAULT_CONNECT_URL, "default"];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${from} must be an http:// or https:// URL, not "${url}"`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UsageError(`${from} must be an http:// or https:// URL, not "${url}"`);
  return url;
}
