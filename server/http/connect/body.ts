import { z } from "zod";
import { TributaryError } from "@/server/errors/tributary-error";
import { readLimitedText } from "@/server/http/body-limit";

/**
 * Request bodies of the Kafka Connect REST API. Connect's one deliberate difference: a body that
 * does not parse or bind is a 400 `request.invalid` saying what is wrong and where (Kafka Connect
 * answers 500 with Jackson's message).
 */

function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * A connector config as Connect binds it (`Map<String,String>`): numbers and booleans become
 * strings; a `null` value binds and is left for the Herder to refuse ("Null value can not be
 * supplied as the configuration value.") or, in a PATCH, to remove the key.
 */
export const configMapSchema = z.record(
  z.string(),
  z
    .union([z.string(), z.number(), z.boolean(), z.null()], {
      error: (issue) => `expected a string, number, boolean or null, got ${kindOf(issue.input)}`,
    })
    .transform((value) => (value === null ? null : String(value))),
  { error: (issue) => (issue.code === "invalid_type" ? `expected a JSON object of config keys and values, got ${kindOf(issue.input)}` : undefined) },
);

/** Any JSON object, as Connect binds `Map<String, ?>` (offset partitions and offsets). */
export const jsonObjectSchema = z.record(z.string(), z.unknown(), {
  error: (issue) => (issue.code === "invalid_type" ? `expected a JSON object, got ${kindOf(issue.input)}` : undefined),
});

/** A bound config map; `null` marks a value the Herder refuses, or a PATCH removes. */
export type ConfigMap = z.output<typeof configMapSchema>;

/**
 * A bound config as the Herder's config-taking methods type it. Invariant: `null` values stay in
 * it on purpose: the Herder's validation refuses them with Kafka Connect's own message.
 */
export function submittedConfig(config: ConfigMap): Record<string, string> {
  return config as Record<string, string>;
}

/** Renders an issue path as a reader would write it: `config["tasks.max"]`, `offsets[0].partition`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join("");
}

/** One sentence for a failed bind: each problem with where it is, at most three of them. */
function sentenceOf(error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const message = issue.message.replace(/^Invalid input: /, "");
    return issue.path.length === 0 ? message : `${message} (at ${pathOf(issue.path)})`;
  });
  const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : "";
  return `Invalid request body: ${problems.join("; ")}${more}.`;
}

/**
 * Refuses, with 415 `request.unsupported_media_type`, a request whose `Content-Type` is not
 * `application/json` (parameters such as `; charset=utf-8` allowed), as Connect's connector,
 * plugin and logger resources do.
 */
function requireJson(request: Request): void {
  const contentType = request.headers.get("content-type");
  const mediaType = contentType?.split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/json") return;
  const sent = contentType ? `Content-Type '${contentType}' is not supported` : "The request has no Content-Type";
  throw new TributaryError("request.unsupported_media_type", `${sent}: send the body as JSON with 'Content-Type: application/json'.`);
}

/**
 * Reads and binds the JSON body of `request` with `schema`. Throws 415 for a non-JSON content type,
 * 413 `request.too_large` for a body above the limit (readLimitedText) and 400 `request.invalid`
 * for an empty body, invalid JSON or a body `schema` refuses.
 */
export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  requireJson(request);
  const text = await readLimitedText(request);
  if (text.trim() === "") throw new TributaryError("request.invalid", "The request body is empty: a JSON body is required.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TributaryError("request.invalid", `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new TributaryError("request.invalid", sentenceOf(result.error));
  return result.data;
}

/** A strict object's error messages: a non-object body, or unknown fields with the allowed ones. */
export function objectErrors(allowed: readonly string[]) {
  return {
    error: (issue: { code?: string; input?: unknown; keys?: string[] }) => {
      if (issue.code === "invalid_type") return `expected a JSON object, got ${kindOf(issue.input)}`;
      if (issue.code === "unrecognized_keys") {
        const fields = issue.keys!.map((key) => `'${key}'`).join(", ");
        return `unknown field${issue.keys!.length > 1 ? "s" : ""} ${fields} (allowed: ${allowed.map((key) => `'${key}'`).join(", ")})`;
      }
      return undefined;
    },
  };
}
