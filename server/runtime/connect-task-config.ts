/**
 * The task config Kafka Connect stores and shows for one task (`GET /connectors/{c}/tasks`): the
 * connector's config, overlaid by what the connector generated for this task, plus the framework's
 * `task.class` and, for sinks, the connector's `topics` / `topics.regex`. Kafka's own connectors
 * hand their whole config to each task, so tools expect `connector.class`, `name` and `tasks.max`
 * there; Tributary gives every task config those keys whatever the connector generated. Pure.
 */
export function connectTaskConfig(
  connectorConfig: Readonly<Record<string, string>>,
  generated: Readonly<Record<string, string>>,
  taskClass: string,
  sink: boolean,
): Record<string, string> {
  const config: Record<string, string> = { ...connectorConfig, ...generated, "task.class": taskClass };
  if (sink) {
    for (const key of ["topics", "topics.regex"]) {
      if (connectorConfig[key] !== undefined) config[key] = connectorConfig[key];
    }
  }
  return config;
}
