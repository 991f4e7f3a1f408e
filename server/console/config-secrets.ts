import { isSecretKey } from "@/server/config/worker-config";
import { HIDDEN } from "@/server/contracts/audit";
import type { Herder } from "@/server/runtime/herder/herder";

/** Tells whether a config key holds a secret. */
export type SecretTest = (key: string) => boolean;

/**
 * The secret test for configs of the connector class `config` names: every key its ConfigDef
 * declares PASSWORD, and every key named like a secret (isSecretKey, the rule the worker's own
 * settings use). A class the herder does not know falls back on names alone. Synchronous and cheap
 * (the herder's plugin registry is in memory).
 */
export function secretTestFor(herder: Pick<Herder, "pluginConfig">, config: Readonly<Record<string, string>> | null): SecretTest {
  const connectorClass = config?.["connector.class"];
  let passwords = new Set<string>();
  if (connectorClass) {
    try {
      passwords = new Set(herder.pluginConfig(connectorClass).filter((key) => key.type === "PASSWORD").map((key) => key.name));
    } catch {
      // An unknown or broken plugin: its keys are judged by name only.
    }
  }
  return (key) => passwords.has(key) || isSecretKey(key);
}

/** A copy of `config` with the value of every key `isSecret` accepts replaced by `[hidden]`. */
export function maskConfig(config: Readonly<Record<string, string>>, isSecret: SecretTest): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, isSecret(key) ? HIDDEN : value]));
}

/**
 * `before` and `after` masked for showing a change: secret values are `[hidden]`, and a secret
 * whose value changed shows `[hidden] (changed)` after, so the change is visible without either value.
 */
export function maskChange(before: Readonly<Record<string, string>> | null, after: Readonly<Record<string, string>> | null, isSecret: SecretTest): { before: Record<string, string> | null; after: Record<string, string> | null } {
  const masked = after ? maskConfig(after, isSecret) : null;
  if (masked && before) {
    for (const key of Object.keys(masked)) if (isSecret(key) && Object.hasOwn(before, key) && before[key] !== after![key]) masked[key] = `${HIDDEN} (changed)`;
  }
  return { before: before ? maskConfig(before, isSecret) : null, after: masked };
}

/** The keys added, removed or changed between two configs (real values compared); `before` null counts every key of `after`. */
export function changedKeys(before: Readonly<Record<string, string>> | null, after: Readonly<Record<string, string>>): number {
  if (!before) return Object.keys(after).length;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).length;
}

/** Whether two configs hold the same keys with the same values, whatever their order. */
export function sameConfig(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}
