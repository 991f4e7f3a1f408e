/**
 * Compares Kafka Connect's and Tributary's answers to the same vectors and classifies each:
 * identical, deliberately different (a rule in deliberate-differences.ts explains it), or an
 * unexplained difference, with a readable diff of the leaves that differ (bytes shown as text,
 * float bits as numbers). Pure functions over the results.
 */
import { DELIBERATE_DIFFERENCES, type DeliberateDifference, type HarnessInfo } from "./deliberate-differences";
import { float32FromBits, float64FromBits } from "./typed-data";
import type { KafkaResult, Vector } from "./vector";

/** One vector's verdict. */
export interface Verdict {
  vector: Vector;
  kafka: KafkaResult | undefined;
  tributary: KafkaResult;
  outcome: "identical" | "deliberate" | "different";
  /** The rule that explains a deliberate difference. */
  rule?: DeliberateDifference;
  /** Readable lines of what differs (empty when identical). */
  diff: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Map entries sorted by key: a Java HashMap's iteration order is an artifact, and where it
 * reaches the bytes (a map serialized by a converter) the bytes comparison sees it.
 */
function normalize(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) out[key] = normalize(item);
  if (Object.keys(value).length === 1 && Array.isArray(out.map)) {
    out.map = [...(out.map as Json[])].sort((a, b) => (JSON.stringify((a as Json[])[0]) < JSON.stringify((b as Json[])[0]) ? -1 : 1));
  }
  return out;
}

/** The comparable part of an answer: the result, or the failure's stage and class (messages differ by design). */
function comparable(answer: KafkaResult | undefined): Json {
  if (answer === undefined) return { missing: true };
  if (answer.error) return { error: { stage: answer.error.stage, class: answer.error.class } };
  return normalize((answer.result ?? null) as Json);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const isBytesKey = (key: string) => /^(key|value|bytes|\d+)$/.test(key);

/** A leaf for a diff line: float bits with their number, bytes decoded as UTF-8 text. */
function readable(key: string, value: Json | undefined): Json | undefined {
  if (typeof value !== "string") return value;
  if (key === "float64" || key === "number") return `${value} (${float64FromBits(value)})`;
  if (key === "float32") return `${value} (${float32FromBits(value)})`;
  if (value.length > 0 && BASE64.test(value) && isBytesKey(key)) return `utf8:${Buffer.from(value, "base64").toString("utf8")}`;
  return value;
}

/** Both leaves, cut to a window around where they start to differ when they are long texts. */
function showPair(key: string, a: Json | undefined, b: Json | undefined): [string, string] {
  const x = readable(key, a);
  const y = readable(key, b);
  if (typeof x !== "string" || typeof y !== "string") return [x === undefined ? "(absent)" : JSON.stringify(x), y === undefined ? "(absent)" : JSON.stringify(y)];
  let at = 0;
  while (at < x.length && at < y.length && x[at] === y[at]) at++;
  const from = Math.max(0, at - 60);
  const cut = (text: string) => `${from > 0 ? "…" : ""}${JSON.stringify(text.slice(from, from + 160))}${text.length > from + 160 ? "…" : ""}`;
  return [cut(x), cut(y)];
}

/** Every leaf where `a` and `b` differ, as `path: kafka ≠ tributary` lines (at most `limit`). */
function differences(a: Json | undefined, b: Json | undefined, at = "", limit = 12): string[] {
  const out: string[] = [];
  const walk = (x: Json | undefined, y: Json | undefined, where: string, key: string) => {
    if (out.length >= limit) return;
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    const bothObjects = x !== null && y !== null && typeof x === "object" && typeof y === "object" && Array.isArray(x) === Array.isArray(y);
    if (!bothObjects) {
      const [kafka, tributary] = showPair(key, x, y);
      out.push(`${where || "(root)"}: kafka ${kafka} ≠ tributary ${tributary}`);
      return;
    }
    const keys = [...new Set([...Object.keys(x as object), ...Object.keys(y as object)])];
    for (const k of keys) walk((x as Record<string, Json>)[k], (y as Record<string, Json>)[k], `${where}${Array.isArray(x) ? `[${k}]` : `.${k}`}`, k);
  };
  walk(a, b, at, "");
  return out;
}

/** Classifies one vector's two answers. */
export function judge(vector: Vector, kafka: KafkaResult | undefined, tributary: KafkaResult, info: HarnessInfo): Verdict {
  const k = comparable(kafka);
  const t = comparable(tributary);
  if (JSON.stringify(k) === JSON.stringify(t)) return { vector, kafka, tributary, outcome: "identical", diff: [] };
  const diff = differences(k, t);
  if (kafka?.error && !tributary.error) diff.push(`kafka failed: ${kafka.error.class}: ${kafka.error.message}`);
  if (tributary.error && !kafka?.error) diff.push(`tributary failed: ${tributary.error.class}: ${tributary.error.message}`);
  const rule = DELIBERATE_DIFFERENCES.find((candidate) => candidate.explains({ vector, kafka, tributary, k, t, info }));
  return { vector, kafka, tributary, outcome: rule ? "deliberate" : "different", rule, diff };
}

/** The figures of a run: vectors, identical, deliberate and unexplained, overall and per covered name. */
export interface Figures {
  total: number;
  identical: number;
  deliberate: number;
  different: number;
  byCover: Map<string, { total: number; identical: number; deliberate: number; different: number }>;
  byRule: Map<string, number>;
}

/** Counts verdicts overall, per name in each vector's `covers`, and per deliberate rule. */
export function figures(verdicts: readonly Verdict[]): Figures {
  const out: Figures = { total: 0, identical: 0, deliberate: 0, different: 0, byCover: new Map(), byRule: new Map() };
  for (const verdict of verdicts) {
    out.total++;
    out[verdict.outcome]++;
    if (verdict.rule) out.byRule.set(verdict.rule.id, (out.byRule.get(verdict.rule.id) ?? 0) + 1);
    for (const cover of new Set(verdict.vector.covers)) {
      const entry = out.byCover.get(cover) ?? { total: 0, identical: 0, deliberate: 0, different: 0 };
      entry.total++;
      entry[verdict.outcome]++;
      out.byCover.set(cover, entry);
    }
  }
  return out;
}

/** A readable report of the verdicts with this outcome, one block per vector (a deliberate one names its rule). */
export function formatDifferences(verdicts: readonly Verdict[], outcome: "different" | "deliberate" = "different"): string {
  return verdicts
    .filter((verdict) => verdict.outcome === outcome)
    .map((verdict) => {
      const title = `${outcome === "different" ? "✗" : "≈"} ${verdict.vector.id} [${verdict.vector.covers.join(", ")}]${verdict.rule ? ` (${verdict.rule.id})` : ""}`;
      return [title, ...verdict.diff.map((line) => `    ${line}`)].join("\n");
    })
    .join("\n");
}
