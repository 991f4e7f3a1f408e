import { TributaryError } from "@/server/errors/tributary-error";
import { readLimitedText } from "@/server/http/body-limit";
import { empty, json, type Route, type RouteContext } from "@/server/http/connect/route";

/**
 * The `{t}` of a task path as a number. A non-integer is answered 404 with the message the
 * Herder gives an unknown task (`message(taskId)`), as an id that can name no task.
 */
function taskOf(context: RouteContext, message: (taskId: string) => string): number {
  const raw = context.params.task!;
  const task = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(task) && Math.abs(task) <= 2 ** 31 - 1) return task;
  throw new TributaryError("task.not_found", message(`${context.params.connector}-${raw}`));
}

/**
 * A connector's tasks: `GET /connectors/{c}/tasks` (`[TaskInfo]`), the deprecated
 * `GET /connectors/{c}/tasks-config` (`{"c-0": {...}}`), `GET /connectors/{c}/tasks/{t}/status`
 * (TaskState), `POST /connectors/{c}/tasks/{t}/restart` (204), and Kafka Connect's internal
 * `POST /connectors/{c}/tasks` (a JSON array of task configs; 204), by which a worker that runs a
 * connector hands its task configs to the group's leader.
 */
export const taskRoutes: Route[] = [
  {
    method: "GET",
    path: ["connectors", ":connector", "tasks"],
    handle: async (context) => json(await (await context.herder()).taskConfigs(context.params.connector!)),
  },
  {
    method: "POST",
    path: ["connectors", ":connector", "tasks"],
    handle: async (context) => {
      const text = await readLimitedText(context.request);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const isConfig = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
      if (!Array.isArray(body) || !body.every(isConfig)) throw new TributaryError("request.invalid", "Task configs must be a JSON array of objects with string values");
      await (await context.herder()).putTaskConfigs(context.params.connector!, body as Record<string, string>[]);
      return empty(204);
    },
  },
  {
    method: "GET",
    path: ["connectors", ":connector", "tasks-config"],
    handle: async (context) => {
      const tasks = await (await context.herder()).taskConfigs(context.params.connector!);
      return json(Object.fromEntries(tasks.map(({ id, config }) => [`${id.connector}-${id.task}`, config])));
    },
  },
  {
    method: "GET",
    path: ["connectors", ":connector", "tasks", ":task", "status"],
    handle: async (context) => {
      const task = taskOf(context, (taskId) => `No status found for task ${taskId}`);
      return json(await (await context.herder()).taskStatus(context.params.connector!, task));
    },
  },
  {
    method: "POST",
    path: ["connectors", ":connector", "tasks", ":task", "restart"],
    handle: async (context) => {
      const task = taskOf(context, (taskId) => `Unknown task: ${taskId}`);
      await (await context.herder()).restartTask(context.params.connector!, task);
      return empty(204);
    },
  },
];
