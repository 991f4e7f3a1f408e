import type { ConnectorConfig } from "@/server/contracts/connect";

/**
 * The two alias lists of a connector config: `transforms` (the single message transforms, run in
 * order) and `predicates`. Each alias has its keys under `<kind>.<alias>.`, `type` first.
 */
export type ChainKind = "transforms" | "predicates";

/** The aliases a chain lists, in order, trimmed, blanks left out (as Kafka Connect reads the list). */
export function chainAliases(config: Readonly<ConnectorConfig>, kind: ChainKind): string[] {
  return (config[kind] ?? "")
    .split(",")
    .map((alias) => alias.trim())
    .filter(Boolean);
}

function withAliases(config: Readonly<ConnectorConfig>, kind: ChainKind, aliases: readonly string[]): ConnectorConfig {
  const next = { ...config };
  if (aliases.length === 0) delete next[kind];
  else next[kind] = aliases.join(",");
  return next;
}

/**
 * Why `alias` cannot be added to the chain (empty, not letters/digits/`-`/`_`, or already
 * listed), or null when it can. Shown next to the alias input.
 */
export function aliasProblem(config: Readonly<ConnectorConfig>, kind: ChainKind, alias: string): string | null {
  if (alias === "") return "Give it an alias.";
  if (!/^[A-Za-z0-9_-]+$/.test(alias)) return "Use letters, digits, - or _ only.";
  if (chainAliases(config, kind).includes(alias)) return `${alias} is already used; choose another alias.`;
  return null;
}

/** The config with `alias` appended to the chain and `<kind>.<alias>.type` set to `type`. Call `aliasProblem` first. */
export function addToChain(config: Readonly<ConnectorConfig>, kind: ChainKind, alias: string, type: string): ConnectorConfig {
  return { ...withAliases(config, kind, [...chainAliases(config, kind), alias]), [`${kind}.${alias}.type`]: type };
}

/**
 * The config without `alias` and its `<kind>.<alias>.*` keys; the list key goes away with its
 * last alias. Removing a predicate also clears the `predicate` and `negate` keys of the
 * transforms that referred to it, which would otherwise fail validation.
 */
export function removeFromChain(config: Readonly<ConnectorConfig>, kind: ChainKind, alias: string): ConnectorConfig {
  const next = withAliases(config, kind, chainAliases(config, kind).filter((each) => each !== alias));
  for (const key of Object.keys(next)) {
    if (key.startsWith(`${kind}.${alias}.`)) delete next[key];
  }
  if (kind === "predicates") {
    for (const transform of chainAliases(next, "transforms")) {
      if (next[`transforms.${transform}.predicate`] !== alias) continue;
      delete next[`transforms.${transform}.predicate`];
      delete next[`transforms.${transform}.negate`];
    }
  }
  return next;
}

/** The config with `alias` moved `offset` places along the chain (clamped to its ends); other keys unchanged. */
export function moveInChain(config: Readonly<ConnectorConfig>, kind: ChainKind, alias: string, offset: number): ConnectorConfig {
  const aliases = chainAliases(config, kind);
  const from = aliases.indexOf(alias);
  if (from < 0) return { ...config };
  const to = Math.max(0, Math.min(aliases.length - 1, from + offset));
  aliases.splice(from, 1);
  aliases.splice(to, 0, alias);
  return withAliases(config, kind, aliases);
}
