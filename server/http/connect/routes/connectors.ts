import { z } from "zod";
import { TributaryError } from "@/server/errors/tributary-error";
import { mayActOnConnector } from "@/server/console/auth/authorize";
import { visibleTo } from "@/server/console/auth/visible-connectors";
import { principalOf } from "@/server/console/auth/principal";
import { configMapSchema, objectErrors, readBody, submittedConfig, type ConfigMap } from "@/server/http/connect/body";
import { empty, json, type Route, type RouteContext } from "@/server/http/connect/route";
import type { InitialState } from "@/server/runtime/herder/herder-types";

const createFields = ["name", "config", "initial_state"] as const;

/** `POST /connectors`: exactly Kafka Connect's CreateConnectorRequest fields. */
const createBodySchema = z.strictObject(
  {
    name: z.string().nullish(),
    config: configMapSchema,
    initial_state: z.string().nullish(),
  },
  objectErrors(createFields),
);

const initialStates: readonly InitialState[] = ["RUNNING", "PAUSED", "STOPPED"];

function initialStateOf(value: string | null | undefined): InitialState | undefined {
  if (value === null || value === undefined) return undefined;
  const state = initialStates.find((candidate) => candidate === value.toUpperCase());
  if (state) return state;
  throw new TributaryError("request.invalid", `Invalid initial_state '${value}': expected RUNNING, PAUSED or STOPPED.`);
}

/**
 * Kafka Connect's `checkAndPutConnectorConfigName`: `config.name`, when present, must equal
 * `name` (400 otherwise); when absent it is filled in. Returns the config to submit.
 */
function withConnectorName(name: string, config: ConfigMap): ConfigMap {
  if ("name" in config && config.name !== name) {
    throw new TributaryError("request.invalid", `Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
  }
  return { ...config, name };
}

function locationOf(context: RouteContext, name: string): string {
  return context.urlOf(`/connectors/${encodeURIComponent(name)}`);
}

/**
 * `GET /connectors`: names, or with `expand=status|info` (repeatable) a map of the expansions;
 * only the connectors the caller may view (all of them without a principal: login off on the
 * worker's listener, in-process calls).
 */
async function listConnectors(context: RouteContext): Promise<Response> {
  const herder = await context.herder();
  const visible = visibleTo(principalOf(context.request));
  const expansions = context.query.getAll("expand");
  if (expansions.length === 0) return json((await herder.connectors()).filter(visible));
  const expanded = await herder.expandedConnectors({ status: expansions.includes("status"), info: expansions.includes("info") });
  return json(Object.fromEntries(Object.entries(expanded).filter(([name]) => visible(name))));
}

/**
 * `POST /connectors`: 201 + Location + ConnectorInfo; 409 when the name exists. The proxy let
 * through any editor; the connector the body names must be covered by the caller's editor grant
 * (403 otherwise, naming it).
 */
async function createConnector(context: RouteContext): Promise<Response> {
  const body = await readBody(context.request, createBodySchema);
  const name = (body.name ?? "").trim();
  const principal = principalOf(context.request);
  const decision = principal && name !== "" ? mayActOnConnector(principal.grants, name, "editor") : { allowed: true as const };
  if (!decision.allowed) throw new TributaryError("auth.forbidden", decision.message);
  const initialState = initialStateOf(body.initial_state);
  const config = withConnectorName(name, body.config);
  const herder = await context.herder();
  const { info } = await herder.putConnectorConfig(name, submittedConfig(config), { allowReplace: false, initialState });
  return json(info, 201, { location: locationOf(context, info.name) });
}

/** `PUT /connectors/{c}/config`: 201 + Location when created, 200 when updated; the path names it. */
async function putConfig(context: RouteContext): Promise<Response> {
  const name = context.params.connector!;
  const config = withConnectorName(name, await readBody(context.request, configMapSchema));
  const herder = await context.herder();
  const { created, info } = await herder.putConnectorConfig(name, submittedConfig(config), { allowReplace: true });
  return created ? json(info, 201, { location: locationOf(context, name) }) : json(info);
}

/** `PATCH /connectors/{c}/config`: merges the body (a null removes the key); always 200. */
async function patchConfig(context: RouteContext): Promise<Response> {
  const patch = await readBody(context.request, configMapSchema);
  const herder = await context.herder();
  return json(await herder.patchConnectorConfig(context.params.connector!, patch));
}

/**
 * The connector collection and each connector's info, config and status:
 * `GET|POST /connectors`, `GET|DELETE /connectors/{c}`, `GET|PUT|PATCH /connectors/{c}/config`,
 * `GET /connectors/{c}/status`.
 */
export const connectorRoutes: Route[] = [
  { method: "GET", path: ["connectors"], handle: listConnectors },
  { method: "POST", path: ["connectors"], handle: createConnector },
  {
    method: "GET",
    path: ["connectors", ":connector"],
    handle: async (context) => json(await (await context.herder()).connectorInfo(context.params.connector!)),
  },
  {
    method: "DELETE",
    path: ["connectors", ":connector"],
    handle: async (context) => {
      await (await context.herder()).deleteConnector(context.params.connector!);
      return empty(204);
    },
  },
  {
    method: "GET",
    path: ["connectors", ":connector", "config"],
    handle: async (context) => json(await (await context.herder()).connectorConfig(context.params.connector!)),
  },
  { method: "PUT", path: ["connectors", ":connector", "config"], handle: putConfig },
  { method: "PATCH", path: ["connectors", ":connector", "config"], handle: patchConfig },
  {
    method: "GET",
    path: ["connectors", ":connector", "status"],
    handle: async (context) => json(await (await context.herder()).connectorStatus(context.params.connector!)),
  },
];
