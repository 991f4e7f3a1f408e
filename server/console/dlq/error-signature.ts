import { createHash } from "node:crypto";

/** Longest normalized message kept in a signature; the rest rarely tells errors apart. */
const TEMPLATE_CHARS = 240;

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/"(?:[^"\\\n]|\\.){0,200}"|'(?:[^'\\\n]|\\.){0,200}'|`[^`\n]{0,200}`/g, "<s>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/\b[0-9a-f]{16,}\b/gi, "<hex>"],
  [/@[0-9a-f]{4,}\b/gi, "@<hex>"],
  [/\b\d+(?:\.\d+)?\b/g, "<n>"],
  [/\s+/g, " "],
];

/**
 * The message with what varies between occurrences of the same failure taken out: UUIDs,
 * quoted values (`"…"`, `'…'`, `` `…` ``), hex strings, Java identity hashes (`@1b6d3586`) and
 * numbers become placeholders (`<uuid>`, `<s>`, `<hex>`, `<n>`), runs of whitespace one
 * space; cut to 240 characters. Null stays null.
 */
export function normalizeMessage(message: string | null): string | null {
  if (message === null) return null;
  let text = message;
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  text = text.trim();
  return text.length > TEMPLATE_CHARS ? `${text.slice(0, TEMPLATE_CHARS)}…` : text;
}

/** An error signature: what groups failures that have the same cause. */
export interface ErrorSignature {
  /** A short stable id (12 hex characters) of the three parts below. */
  id: string;
  exceptionClass: string | null;
  stage: string | null;
  template: string | null;
}

/**
 * The signature of a failure: exception class + stage + normalized message, and its id (a hash
 * of the three, so it is the same in every process and across restarts). Records without context
 * headers all share the signature of three nulls.
 */
export function signatureOf(exceptionClass: string | null, stage: string | null, message: string | null): ErrorSignature {
  const template = normalizeMessage(message);
  const id = createHash("sha256")
    .update(JSON.stringify([exceptionClass, stage, template]))
    .digest("hex")
    .slice(0, 12);
  return { id, exceptionClass, stage, template };
}
