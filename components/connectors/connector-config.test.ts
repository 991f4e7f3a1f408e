import { describe, expect, it } from "vitest";
import { configEntries, isSecretKey, MASK } from "@/components/connectors/connector-config";

describe("connector config display", () => {
  it("masks keys that look secret, case-insensitively, and leaves ordinary keys alone", () => {
    for (const key of ["connection.password", "SSL.Key.Password", "client.secret", "sasl.jaas.config", "ssl.key", "aws.credentials.path", "api.TOKEN"]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ["name", "connector.class", "topic", "key.converter", "producer.override.key.serializer", "file"]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it("lists name and connector.class first, then the rest alphabetically, with secrets masked", () => {
    const entries = configEntries({ topic: "t", "connection.password": "hunter2", "connector.class": "FileStreamSource", file: "/tmp/in", name: "c1" });
    expect(entries.map((entry) => entry.key)).toEqual(["name", "connector.class", "connection.password", "file", "topic"]);
    expect(entries[2]).toEqual({ key: "connection.password", value: MASK, secret: true });
    expect(JSON.stringify(entries)).not.toContain("hunter2");
  });
});
