import { configMapSchema, readBody, submittedConfig } from "@/server/http/connect/body";
import { json, queryFlag, type Route } from "@/server/http/connect/route";

/**
 * Installed plugins: `GET /connector-plugins?connectorsOnly=` (default true),
 * `GET /connector-plugins/{p}/config` (`[ConfigKeyInfo]`; 404 unknown plugin, 400 for kinds
 * without a config) and `PUT /connector-plugins/{p}/config/validate` (200 with ConfigInfos even
 * when the config has errors; `{p}` is only cross-checked against `connector.class`).
 */
export const pluginRoutes: Route[] = [
  {
    method: "GET",
    path: ["connector-plugins"],
    handle: async (context) => {
      const connectorsOnly = queryFlag(context.query, "connectorsOnly", true);
      return json((await context.herder()).plugins(connectorsOnly));
    },
  },
  {
    method: "GET",
    path: ["connector-plugins", ":plugin", "config"],
    handle: async (context) => json((await context.herder()).pluginConfig(context.params.plugin!)),
  },
  {
    method: "PUT",
    path: ["connector-plugins", ":plugin", "config", "validate"],
    handle: async (context) => {
      const config = await readBody(context.request, configMapSchema);
      return json(await (await context.herder()).validateConnectorConfig(context.params.plugin!, submittedConfig(config)));
    },
  },
];
