import type { z } from "zod";
import { topicNameSchema } from "@/server/contracts/dlq";
import { TributaryError } from "@/server/errors/tributary-error";

/** Parameters of the console's topic routes (the DLQ inbox and the topic browser), bound the same way. */

/** The query string bound with `schema`: unknown or malformed parameters are a 400 naming them (at most three). */
export function query<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((issue) => {
    if (issue.code === "unrecognized_keys") return `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    const where = issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
    return `${issue.message.replace(/^Invalid input: /, "")}${where}`;
  });
  throw new TributaryError("request.invalid", `Invalid query: ${problems.join("; ")}.`);
}

/** A path segment as the topic name it stands for (percent-decoded once); 400 when it is not one. */
export function topicParam(segment: string): string {
  let topic = segment;
  try {
    topic = decodeURIComponent(segment);
  } catch {
    // A malformed escape is taken literally and refused below.
  }
  const parsed = topicNameSchema.safeParse(topic);
  if (!parsed.success) throw new TributaryError("request.invalid", `"${topic}" is not a topic name: ${parsed.error.issues[0]!.message}.`);
  return topic;
}
