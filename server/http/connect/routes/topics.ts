import { empty, json, type Route } from "@/server/http/connect/route";

/**
 * A connector's active topics: `GET /connectors/{c}/topics` (`{"c": {"topics": [...]}}`) and
 * `PUT /connectors/{c}/topics/reset` (202). No existence check, as in Kafka Connect; 403 when
 * topic tracking (or its reset) is disabled, as the Herder reports.
 */
export const topicRoutes: Route[] = [
  {
    method: "GET",
    path: ["connectors", ":connector", "topics"],
    handle: async (context) => {
      const name = context.params.connector!;
      const topics = await (await context.herder()).connectorActiveTopics(name);
      return json({ [name]: { topics } });
    },
  },
  {
    method: "PUT",
    path: ["connectors", ":connector", "topics", "reset"],
    handle: async (context) => {
      await (await context.herder()).resetConnectorActiveTopics(context.params.connector!);
      return empty(202);
    },
  },
];
