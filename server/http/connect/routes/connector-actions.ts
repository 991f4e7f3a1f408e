import { empty, json, queryFlag, type Route } from "@/server/http/connect/route";

/**
 * Target-state changes and restarts of one connector: `PUT /connectors/{c}/pause|resume` (202),
 * `PUT /connectors/{c}/stop` (204) and `POST /connectors/{c}/restart`: 204 for the legacy call
 * without flags (the connector instance only), 202 with the restart plan when `includeTasks` or
 * `onlyFailed` is true.
 */
export const connectorActionRoutes: Route[] = [
  {
    method: "PUT",
    path: ["connectors", ":connector", "pause"],
    handle: async (context) => {
      await (await context.herder()).pauseConnector(context.params.connector!);
      return empty(202);
    },
  },
  {
    method: "PUT",
    path: ["connectors", ":connector", "resume"],
    handle: async (context) => {
      await (await context.herder()).resumeConnector(context.params.connector!);
      return empty(202);
    },
  },
  {
    method: "PUT",
    path: ["connectors", ":connector", "stop"],
    handle: async (context) => {
      await (await context.herder()).stopConnector(context.params.connector!);
      return empty(204);
    },
  },
  {
    method: "POST",
    path: ["connectors", ":connector", "restart"],
    handle: async (context) => {
      const includeTasks = queryFlag(context.query, "includeTasks", false);
      const onlyFailed = queryFlag(context.query, "onlyFailed", false);
      const herder = await context.herder();
      if (!includeTasks && !onlyFailed) {
        await herder.restartConnector(context.params.connector!);
        return empty(204);
      }
      return json(await herder.restartConnectorAndTasks(context.params.connector!, { includeTasks, onlyFailed }), 202);
    },
  },
];
