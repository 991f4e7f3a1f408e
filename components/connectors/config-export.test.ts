import { describe, expect, it } from "vitest";
import { parseConnectorTexts } from "@/components/connector-form/config-import";
import { parseProperties } from "@/components/connector-form/properties-parser";
import { connectorsJson, connectorsProperties, curlCommand, exportFileName, SECRET_PLACEHOLDER } from "@/components/connectors/config-export";

const files = { name: "files", config: { "connector.class": "FileStreamSink", topics: "a,b", file: "/tmp/o ut=1.txt", "connection.password": "hunter2", name: "files" } };
const other = { name: "gen", config: { "connector.class": "DatagenConnector", "kafka.topic": "t", "key.with:colon": " leading space\nand newline" } };

describe("exporting connector configs", () => {
  it("writes one POST body, or an array of them, as JSON, secrets replaced", () => {
    expect(JSON.parse(connectorsJson([files]))).toEqual({
      name: "files",
      config: { name: "files", "connector.class": "FileStreamSink", topics: "a,b", file: "/tmp/o ut=1.txt", "connection.password": SECRET_PLACEHOLDER },
    });
    expect(connectorsJson([files, other])).not.toContain("hunter2");
    expect(JSON.parse(connectorsJson([files, other])).map((c: { name: string }) => c.name)).toEqual(["files", "gen"]);
  });

  it("writes .properties that Java's reader (and the import) reads back to the same config", () => {
    const text = connectorsProperties([other]);
    expect(text.split("\n")[0]).toBe("name=gen");
    expect(parseProperties(text)).toEqual({ name: "gen", ...other.config });
  });

  it("round-trips several connectors through one file, JSON or .properties", () => {
    for (const text of [connectorsJson([files, other]), connectorsProperties([files, other])]) {
      expect(parseConnectorTexts(text).map(({ config }) => config.name)).toEqual(["files", "gen"]);
      expect(parseConnectorTexts(text)[1]!.config["key.with:colon"]).toBe(" leading space\nand newline");
    }
  });

  it("copies a curl command that PUTs the config, quoted by a here-document", () => {
    const command = curlCommand("http://localhost:3000/api/connect", "my conn", files.config);
    expect(command).toMatch(/^curl -X PUT 'http:\/\/localhost:3000\/api\/connect\/connectors\/my%20conn\/config' \\\n/);
    expect(command).toContain("--data-binary @- <<'JSON'\n{\n  \"name\": \"my conn\",");
    expect(command).not.toContain("hunter2");
    expect(command.trimEnd().endsWith("\nJSON")).toBe(true);
  });

  it("names files after the connector, safely", () => {
    expect(exportFileName("orders/sink v2", "properties")).toBe("orders_sink_v2.properties");
    expect(exportFileName(null, "json")).toBe("connectors.json");
  });
});
