import type { ConfigHistory, StoredVersion } from "@/server/console/config-history/config-history";
import { currentConfigHistory } from "@/server/console/config-history/history-slot";
import { maskChange, secretTestFor } from "@/server/console/config-secrets";
import { connectorVersionQuerySchema, type ConnectorVersion, type ConnectorVersions, type RollbackResult } from "@/server/contracts/audit";
import { TributaryError } from "@/server/errors/tributary-error";
import { callerOf } from "@/server/http/caller";
import { query } from "@/server/http/console-params";
import { consoleErrorResponse } from "@/server/http/errors";
import type { Herder } from "@/server/runtime/herder/herder";
import { readyRuntime } from "@/server/runtime/runtime-slot";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The config history API (`/api/console/connectors/{name}/versions/**`). Every answer masks
 * secrets (ConfigDef PASSWORD keys and secret-looking names); the stored versions keep the real
 * values, which a rollback applies. 404 for an unknown connector or version, 400 for a version
 * that is not a number, 503 while the runtime starts.
 */

/** The connector name and version number (when present) of a `/connectors/{name}/versions[/{v}[/rollback]]` URL. */
function pathParams(request: Request): { name: string; version: string | undefined } {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  const at = segments.indexOf("versions");
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  };
  return { name: decode(segments[at - 1] ?? ""), version: segments[at + 1] };
}

function versionNumber(text: string | undefined): number {
  if (!text || !/^[1-9]\d{0,8}$/.test(text)) throw new TributaryError("request.invalid", `"${text ?? ""}" is not a version number: versions are 1, 2, 3, …`);
  return Number(text);
}

async function parts(): Promise<{ herder: Herder; history: ConfigHistory }> {
  const herder = (await readyRuntime()).herder;
  const history = currentConfigHistory();
  if (!history) throw new TributaryError("runtime.not_ready", "The config history is not kept in this process.", { retriable: true });
  return { herder, history };
}

async function found(herder: Herder, history: ConfigHistory, name: string, version: number): Promise<StoredVersion> {
  const stored = await history.version(name, version);
  if (stored) return stored;
  await herder.connectorInfo(name);
  throw new TributaryError("version.not_found", `Connector ${name} has no config version ${version}.`, { suggestion: "Open the connector's config history to see its versions." });
}

/** `GET …/versions`: every version, newest first; 404 when the connector neither exists nor has history. */
export async function connectorVersionsResponse(request: Request): Promise<Response> {
  const { name } = pathParams(request);
  try {
    const { herder, history } = await parts();
    const versions = await history.versions(name);
    if (versions.length === 0) await herder.connectorInfo(name);
    const body: ConnectorVersions = { connector: name, versions: versions.map(({ version, user, at, note, changedKeys }) => ({ version, user, at, note, changedKeys })) };
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `GET …/versions/{v}[?against=u]`: one version with its config, secrets masked (those that differ from version u's marked changed). */
export async function connectorVersionResponse(request: Request): Promise<Response> {
  const { name, version } = pathParams(request);
  try {
    const { against } = query(request, connectorVersionQuerySchema);
    const { herder, history } = await parts();
    const { config, ...rest } = await found(herder, history, name, versionNumber(version));
    const base = against === undefined ? null : (await found(herder, history, name, against)).config;
    const body: ConnectorVersion = { ...rest, config: maskChange(base, config, secretTestFor(herder, config)).after! };
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/**
 * `POST …/versions/{v}/rollback`: applies version v's config (its real secret values) through the
 * herder's put-config path, as `PUT /connectors/{name}/config` does, so it is validated and
 * reaches the connector's tasks the same way; the new version is noted `rolled back to v{v}` and
 * attributed to the caller. 404 for an unknown (or deleted) connector or version; a config the
 * connector's plugin no longer accepts is 400 `config.invalid`.
 */
export async function connectorRollbackResponse(request: Request): Promise<Response> {
  const { name, version } = pathParams(request);
  try {
    const { herder, history } = await parts();
    const v = versionNumber(version);
    await herder.connectorInfo(name);
    const stored = await found(herder, history, name, v);
    const { recorded } = await history.attribute(
      name,
      { user: callerOf(request).user, note: `rolled back to v${v}` },
      () => herder.putConnectorConfig(name, stored.config, { allowReplace: true }),
      async () => ({ connector: name, config: await herder.connectorConfig(name) }),
    );
    const made = await recorded;
    const body: RollbackResult = { connector: name, version: made ?? (await history.versions(name))[0]?.version ?? v, created: made !== undefined };
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
