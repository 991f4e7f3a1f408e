import type { Tone } from "@/components/ui/status-dot";
import type { Health } from "@/server/contracts/connector-health";

/** "failed" → "Failed". */
export function healthLabel(health: Health): string {
  return health[0]!.toUpperCase() + health.slice(1);
}

/** The badge colour of a health. */
export function healthTone(health: Health): Tone {
  switch (health) {
    case "healthy":
      return "success";
    case "degraded":
    case "paused":
      return "warning";
    case "failed":
      return "danger";
    default:
      return "neutral";
  }
}

/**
 * The topics a connector's config names: a sink's `topics` (or its `topics.regex` as
 * `/regex/`), a source's `topic` (FileStreamSource) or `kafka.topic` (Datagen). Empty when the
 * config names none this way.
 */
export function configuredTopics(config: Readonly<Record<string, string>> = {}): string[] {
  if (config["topics.regex"]) return [`/${config["topics.regex"]}/`];
  const named = config.topics ?? config.topic ?? config["kafka.topic"] ?? "";
  return named.split(",").map((topic) => topic.trim()).filter((topic) => topic.length > 0);
}
