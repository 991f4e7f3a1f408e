import { describe, expect, it } from "vitest";
import { ConfigImportError, parseConnectorText } from "@/components/connector-form/config-import";

describe("parseConnectorText", () => {
  it("reads a POST /connectors body, putting the name into the config and keeping initial_state", () => {
    const text = JSON.stringify({ name: " orders ", config: { "connector.class": "FileStreamSource", "tasks.max": 2, file: "/tmp/in" }, initial_state: "paused" });
    expect(parseConnectorText(text)).toEqual({
      config: { "connector.class": "FileStreamSource", "tasks.max": "2", file: "/tmp/in", name: "orders" },
      format: "json",
      initialState: "PAUSED",
    });
  });

  it("reads a GET /connectors/{c} answer, ignoring its tasks and type", () => {
    const text = JSON.stringify({ name: "c1", config: { name: "c1", "connector.class": "FileStreamSink", topics: "t" }, tasks: [{ connector: "c1", task: 0 }], type: "sink" });
    expect(parseConnectorText(text).config).toEqual({ name: "c1", "connector.class": "FileStreamSink", topics: "t" });
  });

  it("reads a flat config map, turning numbers and booleans into strings", () => {
    const text = '{"name":"c2","connector.class":"FileStreamSink","errors.log.enable":true,"tasks.max":1}';
    expect(parseConnectorText(text)).toEqual({
      config: { name: "c2", "connector.class": "FileStreamSink", "errors.log.enable": "true", "tasks.max": "1" },
      format: "json",
    });
  });

  it("reads a .properties text", () => {
    expect(parseConnectorText("# source\nname=c3\nconnector.class=FileStreamSource\ntopic: lines\n")).toEqual({
      config: { name: "c3", "connector.class": "FileStreamSource", topic: "lines" },
      format: "properties",
    });
  });

  it("says what to fix for broken JSON, nested values and nulls", () => {
    expect(() => parseConnectorText('{"name": "x",')).toThrow(/not valid JSON/);
    expect(() => parseConnectorText('{"topics": ["a", "b"]}')).toThrow(/"topics" must be a string.*comma-separated/);
    expect(() => parseConnectorText('{"config": {"x": {"y": 1}}}')).toThrow(/"x" must be .* not an object/);
    expect(() => parseConnectorText('{"file": null}')).toThrow(/"file" is null/);
  });

  it("refuses a body whose name and config.name differ, as the REST API would", () => {
    expect(() => parseConnectorText('{"name":"a","config":{"name":"b"}}')).toThrow(/differ/);
  });

  it("refuses an unknown initial_state", () => {
    expect(() => parseConnectorText('{"name":"a","config":{},"initial_state":"ASLEEP"}')).toThrow(/RUNNING, PAUSED or STOPPED/);
  });

  it("refuses empty text and text with no settings", () => {
    expect(() => parseConnectorText("   ")).toThrow(ConfigImportError);
    expect(() => parseConnectorText("# only a comment\n")).toThrow(/No settings found/);
  });

  it("reports a malformed .properties escape as an import error", () => {
    expect(() => parseConnectorText("a=\\uZZZZ")).toThrow(ConfigImportError);
  });
});
