import { MASK } from "@/components/connectors/connector-config";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** One key that differs between two configs; secret values are already `MASK`ed. */
export interface ConfigChange {
  key: string;
  kind: "added" | "removed" | "changed";
  /** The value before (absent for an added key). */
  before?: string;
  /** The value after (absent for a removed key). */
  after?: string;
  secret: boolean;
}

/**
 * The keys `after` adds, removes or changes relative to `before`, sorted by key. Values of keys
 * `isSecret` accepts are replaced by `MASK`, so a changed secret shows as changed without either
 * value. Identical configs give an empty list.
 */
export function configDiff(before: Readonly<ConnectorConfig>, after: Readonly<ConnectorConfig>, isSecret: (key: string) => boolean): ConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => a.localeCompare(b));
  return keys.flatMap((key): ConfigChange[] => {
    const secret = isSecret(key);
    const shown = (value: string) => (secret ? MASK : value);
    const old = before[key];
    const now = after[key];
    if (old === now) return [];
    if (old === undefined) return [{ key, kind: "added", after: shown(now!), secret }];
    if (now === undefined) return [{ key, kind: "removed", before: shown(old), secret }];
    return [{ key, kind: "changed", before: shown(old), after: shown(now), secret }];
  });
}
