import { z } from "zod";
import { TributaryError } from "@/server/errors/tributary-error";
import { objectErrors, readBody } from "@/server/http/connect/body";
import { empty, json, type Route } from "@/server/http/connect/route";
import { loggerLevel, loggerLevels, setLoggerLevel } from "@/server/logging/logger";

/** `PUT /admin/loggers/{l}`: Kafka Connect binds a string map and reads `level`; other keys are ignored. */
const levelBodySchema = z.object(
  {
    level: z
      .union([z.string(), z.number(), z.boolean()], { error: "expected a level name such as \"DEBUG\"" })
      .nullish()
      .transform((level) => (level === null || level === undefined ? undefined : String(level))),
  },
  objectErrors(["level"]),
);

/**
 * Kafka Connect's admin loggers resource on this process's logger tree: `GET /admin/loggers`
 * (`{name: LoggerLevel}`: explicit levels plus `root`), `GET /admin/loggers/{l}` (404
 * `Logger l not found.`) and `PUT /admin/loggers/{l}` with `{"level": "DEBUG"}`: 200 with the
 * changed logger names. `scope=cluster` answers 204 after applying the level to this worker
 * (standalone's cluster is this worker); an unknown scope is treated as `worker`.
 */
export const loggerRoutes: Route[] = [
  { method: "GET", path: ["admin", "loggers"], handle: async () => json(loggerLevels()) },
  { method: "GET", path: ["admin", "loggers", ":logger"], handle: async (context) => json(loggerLevel(context.params.logger!)) },
  {
    method: "PUT",
    path: ["admin", "loggers", ":logger"],
    handle: async (context) => {
      const { level } = await readBody(context.request, levelBodySchema);
      if (level === undefined) throw new TributaryError("request.invalid", "Desired 'level' parameter was not specified in request.");
      const changed = setLoggerLevel(context.params.logger!, level);
      return context.query.get("scope")?.toLowerCase() === "cluster" ? empty(204) : json(changed);
    },
  },
];
