import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CommandError } from "@/server/cli/connectors/command-errors";
import { parseConnectorFile, readConnectorFile } from "@/server/cli/connectors/connector-file";

/** Apache Kafka's config/connect-file-source.properties, comments and all. */
const fileSourceProperties = `# Licensed to the Apache Software Foundation (ASF) ...
name=local-file-source
connector.class=FileStreamSource
tasks.max=1
file=test.txt
topic=connect-test
`;

const noStdin = () => Promise.reject(new Error("stdin not expected"));

function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "connector-file-")), name);
  writeFileSync(file, text);
  return file;
}

describe("connector files", () => {
  it("reads Kafka's sample connect-file-source.properties, name included", async () => {
    expect(await readConnectorFile(writeTemp("source.properties", fileSourceProperties), noStdin)).toEqual({
      name: "local-file-source",
      config: { name: "local-file-source", "connector.class": "FileStreamSource", "tasks.max": "1", file: "test.txt", topic: "connect-test" },
    });
  });

  it("reads a flat JSON config map, turning numbers and booleans into strings as Connect binds them", () => {
    const text = JSON.stringify({ name: "fs", "connector.class": "FileStreamSink", "tasks.max": 2, "errors.log.enable": true, topics: "t" });
    expect(parseConnectorFile(text, "fs.json")).toEqual({
      name: "fs",
      config: { name: "fs", "connector.class": "FileStreamSink", "tasks.max": "2", "errors.log.enable": "true", topics: "t" },
    });
  });

  it("reads a POST /connectors body with initial_state, and takes the name from config when the body has none", () => {
    const body = { name: "fs", config: { "connector.class": "FileStreamSink", topics: "t" }, initial_state: "PAUSED" };
    expect(parseConnectorFile(`\n  ${JSON.stringify(body, null, 2)}`, "fs.json")).toEqual({ name: "fs", config: body.config, initialState: "PAUSED" });
    expect(parseConnectorFile(JSON.stringify({ config: { name: "x", "tasks.max": 1 } }), "x.json")).toEqual({ name: "x", config: { name: "x", "tasks.max": "1" } });
  });

  it("leaves the name undefined when the file gives none", () => {
    expect(parseConnectorFile("connector.class=FileStreamSink\n", "a.properties")).toEqual({ name: undefined, config: { "connector.class": "FileStreamSink" } });
  });

  it("reads - from the stdin it is given", async () => {
    expect(await readConnectorFile("-", async () => '{"name":"in","connector.class":"FileStreamSource"}')).toEqual({
      name: "in",
      config: { name: "in", "connector.class": "FileStreamSource" },
    });
  });

  it.each([
    ["{ name: fs }", /^bad\.json is not valid JSON: /],
    ['{"name":"fs","config":{"a":"b"},"tasks":[]}', /^bad\.json: unknown field "tasks" in a connector body \(expected name, config, initial_state\)$/],
    ['{"name":"fs","transforms":{"a":1}}', /^bad\.json: the value of "transforms" must be a string, number or boolean$/],
    ['{"name":"fs","file":null}', /^bad\.json: the value of "file" must be a string, number or boolean$/],
    ['{"name":7,"config":{}}', /^bad\.json: "name" must be a string$/],
    ['{"name":"fs","config":{},"initial_state":1}', /^bad\.json: "initial_state" must be a string$/],
  ])("refuses %s with one line naming the file", (text, message) => {
    expect(() => parseConnectorFile(text, "bad.json")).toThrow(CommandError);
    expect(() => parseConnectorFile(text, "bad.json")).toThrow(message);
  });

  it("says which file cannot be read", async () => {
    const missing = path.join(os.tmpdir(), "no-such-dir-tributary", "c.properties");
    await expect(readConnectorFile(missing, noStdin)).rejects.toThrow(`cannot read ${missing}: no such file`);
    await expect(readConnectorFile(os.tmpdir(), noStdin)).rejects.toThrow(`cannot read ${os.tmpdir()}: is a directory`);
  });
});
