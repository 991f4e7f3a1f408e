import { z } from "zod";
import type { PlaygroundRequest } from "@/server/contracts/playground";

/** One pasted sample as typed: key and value as Kafka text ("" is null), headers as `key: value` lines, and a topic ("" is the connector's). */
export interface SampleDraft {
  id: number;
  key: string;
  value: string;
  headers: string;
  topic: string;
}

/** Where the playground's samples come from: the pasted drafts, or the newest `latestCount` records of a topic. */
export interface PlaygroundInput {
  source: "pasted" | "latest";
  samples: SampleDraft[];
  /** The topic to read the newest records of; null follows the connector's own topic. */
  latestTopic: string | null;
  latestCount: number;
}

/** The most records "newest N records" may ask for (the API's limit). */
export const MAX_LATEST = 50;

/** A record header as the playground API takes it. */
export interface SampleHeader {
  key: string;
  value: string;
}

/** A blank pasted sample with the given id. */
export function blankSample(id: number): SampleDraft {
  return { id, key: "", value: "", headers: "", topic: "" };
}

/** The playground's starting input: one blank pasted sample, and the five newest records of the connector's topic. */
export function initialInput(): PlaygroundInput {
  return { source: "pasted", samples: [blankSample(1)], latestTopic: null, latestCount: 5 };
}

/**
 * Reads header lines: one `key: value` per line, split at the first colon, both sides trimmed
 * (an empty value stays ""); blank lines are skipped. A line without a colon or with an empty
 * key is a problem, named by its line number, and left out of `headers`.
 */
export function parseHeaderLines(text: string): { headers: SampleHeader[]; problems: string[] } {
  const headers: SampleHeader[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const colon = line.indexOf(":");
    const key = colon < 0 ? "" : line.slice(0, colon).trim();
    if (key === "") {
      problems.push(`Line ${index + 1}: write a header as key: value.`);
      return;
    }
    headers.push({ key, value: line.slice(colon + 1).trim() });
  });
  return { headers, problems };
}

/**
 * The topic a connector reads or writes, which samples default to: a sink's first entry of
 * `topics`, a source's `topic`; with the kind unknown, whichever is set. Undefined when neither is.
 */
export function connectorTopic(config: Readonly<Record<string, string>>, kind: "source" | "sink" | undefined): string | undefined {
  const first = (config.topics ?? "").split(",").map((topic) => topic.trim()).find(Boolean);
  const own = config.topic?.trim() || undefined;
  if (kind === "sink") return first;
  if (kind === "source") return own;
  return first ?? own;
}

/** Whether a pasted sample holds nothing yet (it is left out of a run). */
export function isBlank(sample: SampleDraft): boolean {
  return sample.key === "" && sample.value === "" && sample.headers.trim() === "";
}

/** The request the playground sends, or why it cannot be sent yet (a sentence saying what to do). */
export type RequestPlan = { ok: true; request: PlaygroundRequest } | { ok: false; reason: string };

/**
 * The playground request for `input` against `config`. Pasted samples: the non-blank ones,
 * empty key or value sent as null, each on its own topic or else the connector's; not sendable
 * while none is filled in or a header line is malformed. Latest: the chosen topic, or the
 * connector's when none was typed, and a count clamped to 1…MAX_LATEST.
 */
export function planRequest(input: PlaygroundInput, config: Readonly<Record<string, string>>, kind: "source" | "sink" | undefined): RequestPlan {
  const defaultTopic = connectorTopic(config, kind);
  if (input.source === "latest") {
    const topic = (input.latestTopic ?? defaultTopic ?? "").trim();
    if (topic === "") return { ok: false, reason: "Name the topic to read the newest records of." };
    const count = Math.min(MAX_LATEST, Math.max(1, Math.trunc(input.latestCount) || 1));
    return { ok: true, request: { config, latest: { topic, count } } };
  }
  const filled = input.samples.map((sample, index) => ({ sample, number: index + 1 })).filter(({ sample }) => !isBlank(sample));
  if (filled.length === 0) return { ok: false, reason: "Paste a record's key or value to see its trip through the pipeline." };
  const samples: NonNullable<PlaygroundRequest["samples"]> = [];
  for (const { sample, number } of filled) {
    const { headers, problems } = parseHeaderLines(sample.headers);
    if (problems.length > 0) return { ok: false, reason: `Sample ${number}'s headers: ${problems[0]}` };
    const topic = sample.topic.trim() || defaultTopic;
    samples.push({
      ...(topic ? { topic } : {}),
      key: sample.key === "" ? null : sample.key,
      value: sample.value === "" ? null : sample.value,
      ...(headers.length > 0 ? { headers } : {}),
    });
  }
  return { ok: true, request: { config, samples } };
}

const draftSchema = z.object({ id: z.number().int(), key: z.string(), value: z.string(), headers: z.string(), topic: z.string() });
const inputSchema = z.object({
  source: z.enum(["pasted", "latest"]),
  samples: z.array(draftSchema).min(1),
  latestTopic: z.string().nullable(),
  latestCount: z.number().int().min(1).max(MAX_LATEST),
});

/** The input saved by an earlier visit (JSON text, e.g. from sessionStorage), or the initial input when there is none or it does not read. */
export function restoreInput(saved: string | null): PlaygroundInput {
  if (saved === null) return initialInput();
  try {
    const parsed = inputSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : initialInput();
  } catch {
    return initialInput();
  }
}
