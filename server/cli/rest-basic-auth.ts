import { readFileSync } from "node:fs";
import { createHash, timingSafeEqual } from "node:crypto";
import type { WorkerConfig } from "@/server/config/worker-config";
import { WorkerConfigError } from "@/server/config/worker-config";

/** Kafka Connect's REST extension that asks for HTTP Basic credentials from a JAAS-named file. */
export const BASIC_AUTH_EXTENSION = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
/** The worker setting naming the JAAS file (Kafka Connect reads the JVM property `java.security.auth.login.config`). */
export const JAAS_CONFIG_KEY = "tributary.rest.basic.auth.jaas.config";
/** The environment variable that may name it instead. */
export const JAAS_CONFIG_ENV = "TRIBUTARY_REST_JAAS_CONFIG";

/** Checks the `Authorization` header of a request to the worker's listener: true when it names a known user with the right password. */
export type BasicAuthCheck = (authorization: string | null) => boolean;

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** The credentials file a JAAS file's PropertyFileLoginModule names in its `file="…"` option. */
export function credentialsFileOf(jaasText: string, jaasPath: string): string {
  const withoutComments = jaasText.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  if (!/PropertyFileLoginModule/.test(withoutComments)) {
    throw new WorkerConfigError(JAAS_CONFIG_KEY, `The JAAS file ${jaasPath} has no org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule entry.`);
  }
  const match = /\bfile\s*=\s*"([^"]+)"/.exec(withoutComments);
  if (!match) throw new WorkerConfigError(JAAS_CONFIG_KEY, `The JAAS file ${jaasPath} names no credentials file: add file="/path/to/credentials.properties" to PropertyFileLoginModule.`);
  return match[1]!;
}

/** `user: password` (or `user=password`) lines of a credentials file; `#` and `!` lines are comments. */
export function parseCredentials(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    const separator = line.search(/[:=]/);
    if (separator <= 0) continue;
    users.set(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  return users;
}

/**
 * The Basic check of the headless worker's REST listener, or undefined when none is asked for.
 * Asked for by `tributary.rest.basic.auth.jaas.config` (or `TRIBUTARY_REST_JAAS_CONFIG`): the path
 * of a JAAS file, as Kafka Connect's `java.security.auth.login.config`, whose
 * PropertyFileLoginModule's `file="…"` names the `user: password` file. Naming Kafka Connect's
 * BasicAuthSecurityRestExtension in `rest.extension.classes` without a JAAS file stops start-up,
 * as does an unreadable file. The credentials are read once, at start.
 */
export function restBasicAuth(config: WorkerConfig, env: Readonly<Record<string, string | undefined>>): BasicAuthCheck | undefined {
  const jaasPath = (config.originals[JAAS_CONFIG_KEY] ?? env[JAAS_CONFIG_ENV] ?? "").trim();
  const extensions = (config.originals["rest.extension.classes"] ?? "").split(",").map((name) => name.trim());
  if (jaasPath === "") {
    if (extensions.includes(BASIC_AUTH_EXTENSION)) {
      throw new WorkerConfigError("rest.extension.classes", `${BASIC_AUTH_EXTENSION} needs a JAAS file: set ${JAAS_CONFIG_KEY} (or ${JAAS_CONFIG_ENV}) to the file Kafka Connect reads from java.security.auth.login.config.`);
    }
    return undefined;
  }
  let users: Map<string, string>;
  try {
    users = parseCredentials(readFileSync(credentialsFileOf(readFileSync(jaasPath, "utf8"), jaasPath), "utf8"));
  } catch (error) {
    if (error instanceof WorkerConfigError) throw error;
    throw new WorkerConfigError(JAAS_CONFIG_KEY, `Cannot read the REST credentials (${jaasPath}): ${(error as Error).message}`);
  }
  const digests = new Map([...users].map(([user, password]) => [user, digest(password)]));
  return (authorization) => {
    const match = /^\s*basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(authorization ?? "");
    if (!match) return false;
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return false;
    const expected = digests.get(decoded.slice(0, colon));
    const given = digest(decoded.slice(colon + 1));
    return expected !== undefined && timingSafeEqual(expected, given);
  };
}
