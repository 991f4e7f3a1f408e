import { describe, expect, it } from "vitest";
import { configFromJson, configJson, HIDDEN } from "@/components/connector-form/config-json";

const isSecret = (key: string) => key === "connection.password";

describe("the JSON editor's text", () => {
  it("shows name and connector.class first and masks secrets", () => {
    const text = configJson({ topic: "t", "connection.password": "hunter2", "connector.class": "FileStreamSource", name: "c" }, isSecret);
    expect(Object.keys(JSON.parse(text))).toEqual(["name", "connector.class", "topic", "connection.password"]);
    expect(JSON.parse(text)["connection.password"]).toBe(HIDDEN);
    expect(text).not.toContain("hunter2");
  });

  it("leaves an empty secret empty, so the user sees there is nothing to keep", () => {
    expect(JSON.parse(configJson({ "connection.password": "" }, isSecret))["connection.password"]).toBe("");
  });

  it("round-trips: a masked secret left as is keeps the value the form holds", () => {
    const current = { name: "c", "connector.class": "FileStreamSource", "connection.password": "hunter2" };
    const result = configFromJson(configJson(current, isSecret), current);
    expect(result).toEqual({ ok: true, imported: { config: current, format: "json" } });
  });

  it("takes a new secret typed over the mask", () => {
    const current = { "connection.password": "old" };
    const result = configFromJson('{"connection.password": "new"}', current);
    expect(result.ok && result.imported.config["connection.password"]).toBe("new");
  });

  it("refuses a mask for a secret the form does not hold", () => {
    expect(configFromJson(`{"token": "${HIDDEN}"}`, {})).toEqual({ ok: false, error: expect.stringMatching(/"token" says \[hidden\]/) });
  });

  it("accepts the POST body shape and returns its initial state", () => {
    const result = configFromJson('{"name":"c","config":{"connector.class":"FileStreamSink"},"initial_state":"STOPPED"}', {});
    expect(result).toEqual({ ok: true, imported: { config: { "connector.class": "FileStreamSink", name: "c" }, format: "json", initialState: "STOPPED" } });
  });

  it("says what is wrong with text that is not a JSON object", () => {
    expect(configFromJson("name=c", {})).toEqual({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(configFromJson('{"name": ', {})).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it("when editing, fills in a missing name and refuses a different one", () => {
    const filled = configFromJson('{"topic":"t"}', {}, "orders");
    expect(filled.ok && filled.imported.config).toEqual({ topic: "t", name: "orders" });
    expect(configFromJson('{"name":"other"}', {}, "orders")).toEqual({ ok: false, error: expect.stringMatching(/cannot change/) });
  });
});
