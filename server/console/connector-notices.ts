import { existsSync } from "node:fs";
import type { ConnectorNotices } from "@/server/contracts/connector-notices";
import type { Herder } from "@/server/runtime/herder/herder";

const FILE_SOURCE_CLASSES = new Set(["org.apache.kafka.connect.file.FileStreamSourceConnector", "FileStreamSourceConnector", "FileStreamSource"]);

/**
 * Notices about connectors that their status does not show, read from their configs on this
 * process's host (the embedded and standalone workers run here): a FileStreamSource whose `file`
 * does not exist is waiting for it (its task checks again every second and looks RUNNING).
 * A connector deleted while this runs is skipped. With `only`, just that connector is read (a
 * connector's page), so its cost does not grow with the number of connectors.
 */
export async function connectorNotices(
  herder: Pick<Herder, "connectors" | "connectorConfig">,
  fileExists: (path: string) => boolean = existsSync,
  only?: string,
): Promise<ConnectorNotices> {
  const notices: ConnectorNotices["notices"] = {};
  for (const name of only === undefined ? await herder.connectors() : [only]) {
    const config = await herder.connectorConfig(name).catch(() => undefined);
    const file = config?.file?.trim();
    if (!config || !file || !FILE_SOURCE_CLASSES.has(config["connector.class"] ?? "")) continue;
    if (!fileExists(file)) notices[name] = [{ code: "file.missing", message: `Waiting for ${file}: the file does not exist yet, and the task checks again every second.` }];
  }
  return { notices };
}
