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

  it("reads only the connector asked for, and nothing for an unknown one", async () => {
    const read: string[] = [];
    const herder = {
      connectors: async () => ["a", "b"],
      connectorConfig: async (name: string) => {
        read.push(name);
        if (name !== "a" && name !== "b") throw new Error("not found");
        return { "connector.class": "FileStreamSource", file: `/tmp/${name}.txt`, topic: "t" };
      },
    };
    expect(Object.keys((await connectorNotices(herder, () => false, "b")).notices)).toEqual(["b"]);
    expect((await connectorNotices(herder, () => false, "gone")).notices).toEqual({});
    expect(read).toEqual(["b", "gone"]);
  });
});
