import { textOf, viewPayload } from "@/server/console/dlq/payload-view";
import type { PayloadView } from "@/server/contracts/dlq";
import type { BrowsedRecord, PayloadFormat } from "@/server/contracts/topics";
import type { IncomingRecord } from "@/server/runtime/ports";

/** Characters of a key, value or header the browser shows before cutting. */
export const BROWSE_CHARS = 64 * 1024;

const lossyUtf8 = new TextDecoder("utf-8");

function cut(text: string, maxChars: number): { text: string; truncated: boolean } {
  return text.length > maxChars ? { text: text.slice(0, maxChars), truncated: true } : { text, truncated: false };
}

/**
 * A payload shown the way asked: `auto` detects (JSON, printable text, else hex, as the DLQ
 * inbox does); `json` pretty-prints when it parses and otherwise falls back to auto; `text`
 * decodes UTF-8 (invalid bytes become U+FFFD); `hex` shows byte pairs. Null stays null.
 */
export function viewAs(bytes: Buffer | null, format: PayloadFormat, maxChars = BROWSE_CHARS): PayloadView {
  if (bytes === null || format === "auto" || format === "json") return viewPayload(bytes, { maxChars, pretty: true });
  if (format === "text") return { format: "text", bytes: bytes.length, ...cut(lossyUtf8.decode(bytes), maxChars) };
  const hex = [...bytes.subarray(0, Math.ceil(maxChars / 3))].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return { format: "hex", text: hex, bytes: bytes.length, truncated: bytes.length * 3 - 1 > hex.length };
}

/** A consumed record as the browser answers it, every payload shown as `format` asks. */
export function browsedRecord(record: IncomingRecord, format: PayloadFormat): BrowsedRecord {
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    key: viewAs(record.key, format),
    value: viewAs(record.value, format),
    headers: record.headers.map((header) => ({ key: header.key, value: viewAs(header.value, format, 4096) })),
  };
}

/**
 * Whether every word of `words` (lower-case) appears in the record's key, value, a header's name
 * or value, read as text (or hex for bytes that are not text). An empty list matches everything.
 */
export function recordMatches(record: IncomingRecord, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const read = (bytes: Buffer | null) => (bytes === null ? "" : (textOf(bytes) ?? bytes.toString("hex")));
  const haystack = [read(record.key), read(record.value), ...record.headers.flatMap((header) => [header.key, read(header.value)])].join("\n").toLowerCase();
  return words.every((word) => haystack.includes(word));
}
