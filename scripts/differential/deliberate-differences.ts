/**
 * The differences between Kafka Connect's and Tributary's records that are deliberate, each
 * with the reason (README's compatibility notes list the same) and a precise test of whether it
 * explains a vector's difference. A difference no rule explains fails the differential test.
 */
import { javaDoubleToString } from "@/server/plugins/api/data/java-number-format";
import { float32FromBits, float64FromBits } from "./typed-data";
import type { KafkaResult, Vector } from "./vector";

/** What the harness reports about the JVM it ran on. */
export interface HarnessInfo {
  javaVersion: string;
  /** The JDK's feature release (17, 21, …). */
  javaFeature: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Both sides' answers to one vector: as returned, and in their comparable form (compare.ts). */
export interface AnswerPair {
  vector: Vector;
  kafka: KafkaResult | undefined;
  tributary: KafkaResult;
  k: Json;
  t: Json;
  info: HarnessInfo;
}

/** One deliberate difference: its id, the reason, and whether it explains a vector's difference. */
export interface DeliberateDifference {
  id: string;
  reason: string;
  explains(answers: AnswerPair): boolean;
}

/** Pairs of differing leaves of two JSON trees of the same shape; null when the shapes differ. */
function differingLeaves(a: Json, b: Json, key = ""): [string, Json, Json][] | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return [[key, a, b]];
  if (Array.isArray(a) !== Array.isArray(b)) return null;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: [string, Json, Json][] = [];
  for (const k of keys) {
    const x = (a as Record<string, Json>)[k];
    const y = (b as Record<string, Json>)[k];
    if (x === undefined || y === undefined) return null;
    const inner = differingLeaves(x, y, k);
    if (inner === null) return null;
    out.push(...inner);
  }
  return out;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:E-?\d+)?/g;

/** A decimal text as `digits × 10^exponent` with its significant digits counted. */
function decimal(text: string): { digits: bigint; exponent: number; length: number } {
  const [mantissa = "", exponent = "0"] = text.replace(/^-/, "").split("E");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const significant = `${whole}${fraction}`.replace(/^0+/, "").replace(/0+$/, "") || "0";
  return { digits: BigInt(`${whole}${fraction}`), exponent: Number(exponent) - fraction.length, length: significant.length };
}

/** `|text − value|` for a finite double `value`, as an exact fraction `[numerator, denominator]`. */
function distance(text: string, value: number): [bigint, bigint] {
  const { digits, exponent } = decimal(text);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (biased === 0 ? 0n : 1n << 52n);
  const twoExponent = (biased === 0 ? 1 : biased) - 1075;
  const denominator = (twoExponent < 0 ? 1n << BigInt(-twoExponent) : 1n) * (exponent < 0 ? 10n ** BigInt(-exponent) : 1n);
  const a = digits * (exponent > 0 ? 10n ** BigInt(exponent) : 1n) * (twoExponent < 0 ? 1n << BigInt(-twoExponent) : 1n);
  const x = mantissa * (twoExponent > 0 ? 1n << BigInt(twoExponent) : 1n) * (exponent < 0 ? 10n ** BigInt(-exponent) : 1n);
  return [a > x ? a - x : x - a, denominator];
}

/**
 * Whether Tributary's number text is what Java 19+ prints where Java 17 printed Kafka's: both
 * read back as the same double (or the same float), and Tributary's is shorter, or as long and
 * closer to the number (Java 19+ picks the shortest, one digit counting as two, then the
 * closest; Java 17 does neither always).
 */
function newerJavaDigits(kafka: string, tributary: string): boolean {
  if (!kafka.includes(".") || !tributary.includes(".")) return false;
  let value: number;
  if (Number(kafka) === Number(tributary)) value = Number(kafka);
  else if (Math.fround(Number(kafka)) === Math.fround(Number(tributary))) value = Math.fround(Number(kafka));
  else return false;
  if (!Number.isFinite(value) || value === 0) return false;
  const k = Math.max(2, decimal(kafka).length);
  const t = Math.max(2, decimal(tributary).length);
  if (t !== k) return t < k;
  const [kn, kd] = distance(kafka, value);
  const [tn, td] = distance(tributary, value);
  return tn * kd < kn * td;
}

/** True when `kafka` and `tributary` are the same text but for numbers Java 17 prints with other digits. */
function sameButFloatDigits(kafka: string, tributary: string): boolean {
  const kParts = kafka.split(NUMBER);
  const tParts = tributary.split(NUMBER);
  if (kParts.length !== tParts.length || kParts.some((part, i) => part !== tParts[i])) return false;
  const kNumbers = kafka.match(NUMBER) ?? [];
  const tNumbers = tributary.match(NUMBER) ?? [];
  return kNumbers.every((k, i) => k === tNumbers[i] || newerJavaDigits(k, tNumbers[i]!));
}

const decoded = (text: string) => Buffer.from(text, "base64").toString("utf8");

/** Every deliberate difference, in the order they are tried. */
export const DELIBERATE_DIFFERENCES: readonly DeliberateDifference[] = [
  {
    id: "jdk17-float-digits",
    reason:
      "Floating-point numbers are printed as Java 19 and later print them (Double.toString and Float.toString: the shortest " +
      "decimal that reads back as the same number). Java 17, which the harness runs on here, prints more digits for some " +
      "values (1.0E23 as 9.999999999999999E22, 123456789f as 1.23456792E8). The value read back is the same either way.",
    explains({ k, t, info }) {
      if (info.javaFeature >= 19) return false;
      const leaves = differingLeaves(k, t);
      if (leaves === null || leaves.length === 0) return false;
      return leaves.every(([key, kafka, tributary]) => {
        if (typeof kafka !== "string" || typeof tributary !== "string") return false;
        if (key === "number") return newerJavaDigits(javaDoubleToString(float64FromBits(kafka)), javaDoubleToString(float64FromBits(tributary)));
        if (sameButFloatDigits(kafka, tributary)) return true;
        return /^(key|value|bytes|\d+)$/.test(key) && sameButFloatDigits(decoded(kafka), decoded(tributary));
      });
    },
  },
  {
    id: "file-offset-bytes",
    reason:
      "FileStreamSource's offset `position` counts bytes, where Kafka Connect counts UTF-16 characters: the same for " +
      "ASCII files, and for other files Kafka's count cannot be used to seek, so a restart re-reads or skips text.",
    explains({ vector, k, t }) {
      if (vector.kind !== "file") return false;
      const leaves = differingLeaves(k, t);
      return leaves !== null && leaves.length > 0 && leaves.every(([key]) => key === "position");
    },
  },
  {
    id: "json-refuses-corrupting-reads",
    reason:
      "The JsonConverter refuses (DataException, so errors.tolerance and the dead letter queue apply) JSON that Kafka " +
      "Connect reads into something else without a word: integers beyond 64 bits (Kafka keeps the low 64 bits, " +
      "9223372036854775808 becomes -9223372036854775808), a payload of the wrong type for its schema (300 as an int8 " +
      "becomes 44, 1.9 as an int32 becomes 1, 1 as a boolean becomes false, 12 as a string becomes null, 12.345 as a " +
      "Decimal of scale 2 keeps scale 3), and malformed UTF-8 that Jackson decodes anyway (overlong forms such as C0 AF " +
      "for '/', code points beyond U+10FFFF). Records Kafka Connect writes never contain these.",
    explains({ vector, kafka, tributary }) {
      const error = tributary.error;
      if (vector.kind !== "sink" || !kafka?.result || !error || !/_CONVERTER$/.test(error.stage)) return false;
      if (!Object.entries(vector.config).some(([key, value]) => key.endsWith("converter") && value.endsWith("JsonConverter"))) return false;
      return /out of range for INT64|^Invalid JSON \w+ for schema type|cannot be represented with scale|invalid UTF-8$/.test(error.message);
    },
  },
  {
    id: "data-exception-class",
    reason:
      "Where a Kafka transform fails with a Java runtime exception (IllegalArgumentException for ExtractField's missing " +
      "field, NullPointerException for TimestampConverter on a whole non-timestamp value), Tributary's fails at the same " +
      "stage with a DataException, so the dead letter queue's exception class header says DataException.",
    explains({ kafka, tributary }) {
      const k = kafka?.error;
      const t = tributary.error;
      return !!k && !!t && k.stage === t.stage && t.class === "DataException" && ["IllegalArgumentException", "NullPointerException", "ClassCastException"].includes(k.class);
    },
  },
  {
    id: "cast-drops-logical-name",
    reason:
      "Cast of a whole Decimal, Date, Time or Timestamp value gives a plain schema of the target type. Kafka Connect's " +
      "keeps the logical name on the new type (an int8 named Decimal), which its converters then refuse, so the record " +
      "cannot be written at all.",
    explains({ vector, kafka, tributary }) {
      const error = kafka?.error;
      return vector.covers.includes("Cast$Value") && !tributary.error && !!error && /_CONVERTER$/.test(error.stage) && /^Invalid type for (Decimal|Date|Time|Timestamp)\b/.test(error.message);
    },
  },
  {
    id: "set-schema-metadata-any-schema",
    reason:
      "SetSchemaMetadata sets the name and version of any schema. Kafka Connect's fails on every schema but a struct " +
      "(\"Cannot list fields on non-struct type\"), so no working Kafka pipeline is affected.",
    explains({ vector, kafka, tributary }) {
      return vector.covers.some((name) => name.startsWith("SetSchemaMetadata")) && !tributary.error && kafka?.error?.message === "Cannot list fields on non-struct type";
    },
  },
  {
    id: "json-non-finite-reads",
    reason:
      "The JsonConverter writes NaN and ±Infinity as the strings \"NaN\", \"Infinity\" and \"-Infinity\", as Kafka Connect " +
      "does, and reads them back as those numbers, where Kafka Connect reads them as 0.0.",
    explains({ vector, k, t }) {
      const leaves = differingLeaves(k, t);
      if (vector.kind !== "sink" || leaves === null || leaves.length === 0) return false;
      return leaves.every(([key, kafka, tributary]) => {
        if ((key !== "float64" && key !== "float32") || (kafka !== "0000000000000000" && kafka !== "00000000") || typeof tributary !== "string") return false;
        const value = key === "float64" ? float64FromBits(tributary) : float32FromBits(tributary);
        return !Number.isFinite(value);
      });
    },
  },
];
