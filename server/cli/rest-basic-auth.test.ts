import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASIC_AUTH_EXTENSION, credentialsFileOf, parseCredentials, restBasicAuth } from "@/server/cli/rest-basic-auth";
import { startRestListener } from "@/server/cli/rest-listener";

const dir = mkdtempSync(path.join(os.tmpdir(), "rest-jaas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (originals: Record<string, string>) => ({ settings: {} as never, originals });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

function jaasFile(): string {
  const credentials = path.join(dir, "credentials.properties");
  writeFileSync(credentials, "# users\nalice: s3cret pass\nbob=other\n");
  const jaas = path.join(dir, "rest-jaas.conf");
  writeFileSync(jaas, `KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n  file="${credentials}";\n};\n`);
  return jaas;
}

describe("the worker's Basic auth from Kafka Connect's JAAS file", () => {
  it("reads the credentials file the PropertyFileLoginModule names", () => {
    expect(credentialsFileOf('KafkaConnect { org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required file="/etc/c.properties"; };', "x")).toBe("/etc/c.properties");
    expect(() => credentialsFileOf("KafkaConnect { other.Module required; };", "x")).toThrow(/PropertyFileLoginModule/);
    expect(parseCredentials("a: b\n# c: d\ne=f:g\n")).toEqual(new Map([["a", "b"], ["e", "f:g"]]));
  });

  it("checks user and password, from the worker setting or the environment", () => {
    const check = restBasicAuth(config({ "tributary.rest.basic.auth.jaas.config": jaasFile() }), {})!;
    expect(check(basic("alice", "s3cret pass"))).toBe(true);
    expect(check(basic("alice", "wrong"))).toBe(false);
    expect(check(basic("carol", "other"))).toBe(false);
    expect(check(null)).toBe(false);
    expect(restBasicAuth(config({}), { TRIBUTARY_REST_JAAS_CONFIG: jaasFile() })!(basic("bob", "other"))).toBe(true);
    expect(restBasicAuth(config({}), {})).toBeUndefined();
  });

  it("stops start-up for the extension without a JAAS file, or an unreadable one", () => {
    expect(() => restBasicAuth(config({ "rest.extension.classes": BASIC_AUTH_EXTENSION }), {})).toThrow(/JAAS file/);
    expect(() => restBasicAuth(config({ "tributary.rest.basic.auth.jaas.config": path.join(dir, "missing.conf") }), {})).toThrow(/Cannot read/);
  });

  it("makes the listener answer 401 without credentials, except the root and health", async () => {
    const listener = await startRestListener("http://127.0.0.1:0", restBasicAuth(config({ "tributary.rest.basic.auth.jaas.config": jaasFile() }), {}));
    try {
      const get = (pathname: string, authorization?: string) => fetch(`${listener.url}${pathname}`, { headers: authorization ? { authorization } : {} });
      const refused = await get("/connectors");
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Basic realm="Tributary"');
      expect(await refused.json()).toMatchObject({ error_code: 401 });
      expect((await get("/connectors", basic("alice", "wrong"))).status).toBe(401);
      expect((await get("/metrics")).status).toBe(401);
      expect((await get("/connectors", basic("alice", "s3cret pass"))).status).not.toBe(401);
      expect((await get("/metrics", basic("alice", "s3cret pass"))).status).not.toBe(401);
      expect((await get("/")).status).not.toBe(401);
      expect((await get("/health")).status).not.toBe(401);
    } finally {
      await listener.close();
    }
  });
});
