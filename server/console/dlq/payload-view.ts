import type { PayloadView } from "@/server/contracts/dlq";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Characters of a payload the detail view shows before cutting; 256 KiB of text is plenty to read. */
export const DETAIL_CHARS = 256 * 1024;

/** Characters of a preview in the inbox table. */
export const PREVIEW_CHARS = 120;

/** Whether `text` reads as text: no control characters other than tab, newline and carriage return. */
function isPrintable(text: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** The bytes as UTF-8 text when they are valid UTF-8 and printable, else null. */
export function textOf(bytes: Buffer | null): string | null {
  if (bytes === null) return null;
  try {
    const text = strictUtf8.decode(bytes);
    return isPrintable(text) ? text : null;
  } catch {
    return null;
  }
}

function hexOf(bytes: Buffer, maxChars: number): string {
  const maxBytes = Math.max(1, Math.floor((maxChars + 1) / 3));
  const shown = bytes.subarray(0, maxBytes);
  const pairs = [...shown].map((byte) => byte.toString(16).padStart(2, "0"));
  return pairs.join(" ");
}

function cut(text: string, maxChars: number): { text: string; truncated: boolean } {
  return text.length > maxChars ? { text: text.slice(0, maxChars), truncated: true } : { text, truncated: false };
}

/**
 * How a key or value is shown, detected from its bytes: `null` for a null payload, `json` when it
 * is UTF-8 text that parses as a JSON object or array (pretty-printed in full views, compact in
 * previews), `text` for other printable UTF-8, `hex` for anything else (space-separated byte pairs).
 * `maxChars` cuts the result; `truncated` says so.
 */
export function viewPayload(bytes: Buffer | null, options: { maxChars: number; pretty: boolean }): PayloadView {
  if (bytes === null) return { format: "null", text: "", bytes: 0, truncated: false };
  const text = textOf(bytes);
  if (text === null) {
    const hex = hexOf(bytes, options.maxChars);
    return { format: "hex", text: hex, bytes: bytes.length, truncated: hex.length < bytes.length * 3 - 1 };
  }
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const rendered = options.pretty ? JSON.stringify(parsed, null, 2) : JSON.stringify(parsed);
      return { format: "json", bytes: bytes.length, ...cut(rendered, options.maxChars) };
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  return { format: "text", bytes: bytes.length, ...cut(options.pretty ? text : text.replace(/\s+/g, " "), options.maxChars) };
}
