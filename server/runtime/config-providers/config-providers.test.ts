import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigProviders, configuredProviderNames } from "@/server/runtime/config-providers/config-providers";

const dir = mkdtempSync(path.join(tmpdir(), "providers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, "secrets.properties"), "pw=s3cr3t:with=odd chars\nuser = alice\n");
mkdirSync(path.join(dir, "keys"));
writeFileSync(path.join(dir, "keys", "token"), "tok-123");
process.env.TRIBUTARY_TEST_PROVIDER_VAR = "from-env";

const worker = {
  "config.providers": "file, env,directory",
  "config.providers.file.class": "org.apache.kafka.common.config.provider.FileConfigProvider",
  "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
  "config.providers.directory.class": "DirectoryConfigProvider",
  "config.providers.directory.param.allowed.paths": dir,
};

describe("config providers", () => {
  const providers = ConfigProviders.fromWorkerConfig(worker);

  it("resolves file, env and directory references, leaves other values and unknown providers as written", () => {
    const raw = {
      "connection.password": `\${file:${dir}/secrets.properties:pw}`,
      "connection.url": `jdbc:postgresql://h/db?user=\${file:${dir}/secrets.properties:user}`,
      "bearer.token": `\${directory:${dir}/keys:token}`,
      other: "${env:TRIBUTARY_TEST_PROVIDER_VAR}",
      vault: "${vault:secret/x:y}",
      plain: "a:b",
    };
    expect(providers.resolve(raw)).toEqual({
      "connection.password": "s3cr3t:with=odd chars",
      "connection.url": "jdbc:postgresql://h/db?user=alice",
      "bearer.token": "tok-123",
      other: "from-env",
      vault: "${vault:secret/x:y}",
      plain: "a:b",
    });
    expect(configuredProviderNames(worker)).toEqual(["file", "env", "directory"]);
  });

  it("fails naming the key and the reference, never a value, when a reference cannot be read", () => {
    const attempt = (value: string) => () => providers.resolve({ "connection.password": value });
    expect(attempt(`\${file:${dir}/secrets.properties:nope}`)).toThrow(`Could not resolve \${file:${dir}/secrets.properties:nope} in connection.password: The properties file ${dir}/secrets.properties has no key 'nope'.`);
    expect(attempt(`\${file:${dir}/missing.properties:pw}`)).toThrow(/Could not read the properties file .*missing\.properties: ENOENT/);
    expect(attempt("${env:TRIBUTARY_NO_SUCH_VARIABLE}")).toThrow("The environment variable TRIBUTARY_NO_SUCH_VARIABLE is not set");
    expect(attempt(`\${directory:${dir}/keys:../secrets.properties}`)).toThrow("is not a file name");
    expect(attempt("${directory:/etc:passwd}")).toThrow("is not under the config provider's allowed.paths");
    try {
      attempt(`\${file:${dir}/secrets.properties:nope}`)();
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cr3t");
    }
  });

  it("puts references back into generated task configs where the connector copied a resolved value", () => {
    const raw = { "connection.password": `\${file:${dir}/secrets.properties:pw}`, topics: "t" };
    const resolved = providers.resolve(raw);
    const generated = { "connection.password": "s3cr3t:with=odd chars", topics: "t", "task.extra": "s3cr3t:with=odd chars" };
    expect(providers.unresolve(raw, resolved, generated)).toEqual({ "connection.password": raw["connection.password"], topics: "t", "task.extra": "s3cr3t:with=odd chars" });
  });

  it("refuses a worker whose provider has no class or a class Tributary does not have, naming the key", () => {
    expect(() => ConfigProviders.fromWorkerConfig({ "config.providers": "vault" })).toThrow("config.providers names 'vault' but config.providers.vault.class is not set.");
    expect(() => ConfigProviders.fromWorkerConfig({ "config.providers": "vault", "config.providers.vault.class": "com.example.VaultConfigProvider" })).toThrow(
      /^Invalid value com\.example\.VaultConfigProvider for configuration config\.providers\.vault\.class: Class com\.example\.VaultConfigProvider could not be found/,
    );
  });
});
