import { TributaryError } from "@/server/errors/tributary-error";

/** The request body limit when `TRIBUTARY_MAX_BODY_BYTES` is not set: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * `TRIBUTARY_MAX_BODY_BYTES` as a byte count: the default when unset or empty, else a positive
 * integer. Throws `config.invalid_value` naming the variable for anything else.
 */
export function parseBodyLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_MAX_BODY_BYTES;
  const bytes = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new TributaryError("config.invalid_value", `TRIBUTARY_MAX_BODY_BYTES must be a positive number of bytes, got "${value}".`);
  }
  return bytes;
}

/** The limit of this process, read from the environment on each call (a bad value is refused at start-up, see requestPolicy). */
export function maxBodyBytes(): number {
  try {
    return parseBodyLimit(process.env.TRIBUTARY_MAX_BODY_BYTES);
  } catch {
    return DEFAULT_MAX_BODY_BYTES;
  }
}

function tooLarge(limit: number): TributaryError {
  return new TributaryError(
    "request.too_large",
    `The request body is larger than the limit of ${limit} bytes: send a smaller body, or raise the limit with the environment variable TRIBUTARY_MAX_BODY_BYTES.`,
  );
}

/** Throws 413 `request.too_large` when a declared `Content-Length` exceeds `limit`. */
export function checkBodySize(contentLength: string | null, limit: number): void {
  if (contentLength !== null && Number(contentLength) > limit) throw tooLarge(limit);
}

/**
 * Reads `request`'s body as UTF-8 text, counting bytes as they arrive: throws 413
 * `request.too_large` (and stops reading) as soon as more than `limit` bytes came, whether or not
 * the client declared a `Content-Length`.
 */
export async function readLimitedText(request: Request, limit: number = maxBodyBytes()): Promise<string> {
  checkBodySize(request.headers.get("content-length"), limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
