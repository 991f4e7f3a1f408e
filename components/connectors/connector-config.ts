import type { ConnectorConfig } from "@/server/contracts/connect";

/** What a masked secret shows instead of its value. */
export const MASK = "••••••";

const SECRET_PARTS = ["password", "secret", "jaas.config", "credentials", "token"];
const FIRST_KEYS = ["name", "connector.class"];

/**
 * Whether a config key looks like it holds a secret: it contains `password`, `secret`,
 * `jaas.config`, `credentials` or `token`, or ends with `.key` (`ssl.key`, `aws.secret.key`, not
 * `producer.override.key.serializer`), case-insensitively.
 */
export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.endsWith(".key") || SECRET_PARTS.some((part) => lower.includes(part));
}

/** One displayed config entry: `value` is already masked when `secret`. */
export interface ConfigEntry {
  key: string;
  value: string;
  secret: boolean;
}

/** The config as display rows: `name` and `connector.class` first, then the other keys alphabetically; secret values masked. */
export function configEntries(config: ConnectorConfig): ConfigEntry[] {
  const rank = (key: string) => (FIRST_KEYS.includes(key) ? FIRST_KEYS.indexOf(key) : FIRST_KEYS.length);
  return Object.keys(config)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => (isSecretKey(key) ? { key, value: MASK, secret: true } : { key, value: config[key]!, secret: false }));
}
