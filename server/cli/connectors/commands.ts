import { z } from "zod";
import { connectorsUsage, parseConnectorsArgs, type ConnectorsInvocation } from "@/server/cli/connectors/arguments";
import { CommandError, UsageError } from "@/server/cli/connectors/command-errors";
import { readConnectorFile, readStdin } from "@/server/cli/connectors/connector-file";
import { formatConfig, formatInfo, formatList, formatOffsets, formatPlugins, formatStatus } from "@/server/cli/connectors/format";
import { expectBody, offsetsSchema, pluginsSchema } from "@/server/cli/connectors/responses";
import { connectRestClient, type ConnectRestClient } from "@/server/cli/connectors/rest-client";
import { connectorInfoSchema, connectorStateInfoSchema, expandedConnectorsSchema } from "@/server/contracts/connect";

/** What a `tributary connectors` command reads from its surroundings; tests pass their own. */
export interface ConnectorsIo {
  /** Environment variables; `TRIBUTARY_URL` is the default --url. */
  env: Record<string, string | undefined>;
  /** What `-f -` reads; standard input by default. */
  readStdin?: () => Promise<string>;
  fetch?: typeof fetch;
}

/** The outcome of one command: 0 success, 1 an expected failure (printed on one line), 2 a usage error. */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tributary connectors <args>` against the Kafka Connect REST API and returns what to print
 * instead of printing it. Expected failures (API errors, an unreachable worker, bad files) come
 * back as exit code 1 with `tributary: <message>`; usage errors as exit code 2 with the usage
 * text. Anything else is a bug and is thrown.
 */
export async function runConnectorsCommand(args: string[], io: ConnectorsIo): Promise<CommandResult> {
  try {
    const invocation = parseConnectorsArgs(args, io.env);
    if (invocation === "help") return { exitCode: 0, stdout: `${connectorsUsage}\n`, stderr: "" };
    return { exitCode: 0, stdout: await execute(invocation, io), stderr: "" };
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: "", stderr: `tributary: ${error.message}\n\n${connectorsUsage}\n` };
    if (error instanceof CommandError) return { exitCode: 1, stdout: "", stderr: `tributary: ${error.message}\n` };
    throw error;
  }
}

async function execute(invocation: ConnectorsInvocation, io: ConnectorsIo): Promise<string> {
  const client = connectRestClient(invocation.url, io.fetch);
  const name = invocation.name ?? "";
  const connector = `/connectors/${encodeURIComponent(name)}`;
  const show = async <T>(method: string, path: string, schema: z.ZodType<T>, format: (entity: T) => string, body?: unknown) => {
    const response = await client.request(method, path, body);
    return invocation.output === "json" ? pretty(response.body) : format(expectBody(schema, response.body, `${method} ${path}`));
  };
  const act = async (method: string, path: string, done: string) => {
    const response = await client.request(method, path);
    return invocation.output === "json" ? pretty(response.body) : `${done}\n`;
  };

  switch (invocation.subcommand) {
    case "list":
      return show("GET", "/connectors?expand=status&expand=info", expandedConnectorsSchema, formatList);
    case "get":
      return show("GET", connector, connectorInfoSchema, formatInfo);
    case "config":
      return show("GET", `${connector}/config`, z.record(z.string(), z.string()), formatConfig);
    case "status":
      return show("GET", `${connector}/status`, connectorStateInfoSchema, formatStatus);
    case "offsets":
      return show("GET", `${connector}/offsets`, offsetsSchema, formatOffsets);
    case "plugins":
      return show("GET", "/connector-plugins", pluginsSchema, formatPlugins);
    case "create":
      return show("POST", "/connectors", connectorInfoSchema, formatInfo, await createBody(invocation.file!, io));
    case "update":
      return show("PUT", `${connector}/config`, connectorInfoSchema, formatInfo, await updateBody(invocation.file!, io));
    case "delete":
      return act("DELETE", connector, `Deleted connector ${name}.`);
    case "pause":
      return act("PUT", `${connector}/pause`, `Pause requested for connector ${name}.`);
    case "resume":
      return act("PUT", `${connector}/resume`, `Resume requested for connector ${name}.`);
    case "stop":
      return act("PUT", `${connector}/stop`, `Stop requested for connector ${name}.`);
    case "restart":
      return restart(client, invocation, connector);
  }
}

/** POST /connectors/{c}/restart answers 204 without flags and 202 with the restart plan with them. */
async function restart(client: ConnectRestClient, invocation: ConnectorsInvocation, connector: string): Promise<string> {
  const query = new URLSearchParams();
  if (invocation.includeTasks) query.set("includeTasks", "true");
  if (invocation.onlyFailed) query.set("onlyFailed", "true");
  const path = `${connector}/restart${query.size > 0 ? `?${query}` : ""}`;
  const response = await client.request("POST", path);
  if (invocation.output === "json") return pretty(response.body);
  if (response.body === undefined) return `Restart requested for connector ${invocation.name}.\n`;
  return formatStatus(expectBody(connectorStateInfoSchema, response.body, `POST ${path}`));
}

/** The POST /connectors body for `create -f FILE`: the file must name the connector. */
async function createBody(file: string, io: ConnectorsIo): Promise<unknown> {
  const { name, config, initialState } = await readConnectorFile(file, io.readStdin ?? readStdin);
  if (name === undefined || name.trim() === "") throw new CommandError(`${file === "-" ? "stdin" : file} names no connector: add a "name" key`);
  return initialState === undefined ? { name, config } : { name, config, initial_state: initialState };
}

/**
 * The PUT /connectors/{c}/config body for `update NAME -f FILE`: the file's config, with the
 * POST body's `name` carried into it so the API refuses a file written for another connector.
 * `initial_state` does not apply to an update and is left out.
 */
async function updateBody(file: string, io: ConnectorsIo): Promise<unknown> {
  const { name, config } = await readConnectorFile(file, io.readStdin ?? readStdin);
  return name === undefined || config.name !== undefined ? config : { ...config, name };
}

function pretty(body: unknown): string {
  return body === undefined ? "" : `${JSON.stringify(body, null, 2)}\n`;
}
