import { describe, expect, it } from "vitest";
import { connectorNotices } from "@/server/console/connector-notices";

describe("connector notices", () => {
  it("says a FileStreamSource waits for a missing file, and nothing for others", async () => {
    const configs: Record<string, Record<string, string>> = {
      waiting: { "connector.class": "FileStreamSource", file: "/tmp/missing.txt", topic: "t" },
      reading: { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", file: "/tmp/there.txt", topic: "t" },
      stdin: { "connector.class": "FileStreamSource", topic: "t" },
      sink: { "connector.class": "FileStreamSink", file: "/tmp/missing.txt", topics: "t" },
    };
    const herder = { connectors: async () => Object.keys(configs), connectorConfig: async (name: string) => configs[name]! };
    const { notices } = await connectorNotices(herder, (path) => path === "/tmp/there.txt");
    expect(notices).toEqual({ waiting: [{ code: "file.missing", message: "Waiting for /tmp/missing.txt: the file does not exist yet, and the task checks again every second." }] });
  });
});
