/** One `topic.creation` group of a source connector, with the default group's values filled in. */
export interface TopicCreationGroup {
  name: string;
  include: RegExp[];
  exclude: RegExp[];
  partitions: number;
  replicationFactor: number;
  /** Other `topic.creation.<group>.<key>` settings: topic configs for the new topic. */
  configs: Record<string, string>;
}

const OWN_KEYS = new Set(["include", "exclude", "partitions", "replication.factor"]);

function regexList(value: string | undefined): RegExp[] {
  return (value ?? "").split(",").map((item) => item.trim()).filter(Boolean).map((item) => new RegExp(`^(?:${item})$`));
}

function groupSettings(config: Readonly<Record<string, string>>, group: string): Record<string, string> {
  const prefix = `topic.creation.${group}.`;
  return Object.fromEntries(Object.entries(config).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
}

/**
 * The topic creation groups of a source connector config (Kafka Connect's TopicCreationConfig),
 * named groups first in `topic.creation.groups` order, then `default`; or null when the
 * connector asks for none (no `topic.creation.default.*` settings). Values missing from a named
 * group come from the default group; `-1` partitions or replication factor mean the broker's
 * default. The config must have passed validation.
 */
export function topicCreationGroups(config: Readonly<Record<string, string>>): TopicCreationGroup[] | null {
  const defaults = groupSettings(config, "default");
  if (defaults.partitions === undefined && defaults["replication.factor"] === undefined) return null;
  const build = (name: string, own: Record<string, string>, fallback: Record<string, string>): TopicCreationGroup => {
    const merged = { ...fallback, ...own };
    return {
      name,
      include: regexList(name === "default" ? (own.include ?? ".*") : own.include),
      exclude: regexList(own.exclude),
      partitions: Number(merged.partitions ?? -1),
      replicationFactor: Number(merged["replication.factor"] ?? -1),
      configs: Object.fromEntries(Object.entries(merged).filter(([key]) => !OWN_KEYS.has(key))),
    };
  };
  const names = (config["topic.creation.groups"] ?? "").split(",").map((name) => name.trim()).filter((name) => name && name !== "default");
  return [...names.map((name) => build(name, groupSettings(config, name), defaults)), build("default", defaults, {})];
}

/** The first group whose include matches `topic` and whose exclude does not; undefined when none. */
export function groupForTopic(groups: readonly TopicCreationGroup[], topic: string): TopicCreationGroup | undefined {
  return groups.find((group) => group.include.some((r) => r.test(topic)) && !group.exclude.some((r) => r.test(topic)));
}
