import { connectionTestRequestSchema, connectionTestResponseSchema } from "@/server/contracts/connection-test";
import { TributaryError } from "@/server/errors/tributary-error";
import { readBody } from "@/server/http/connect/body";
import { consoleErrorResponse } from "@/server/http/errors";
import type { Herder } from "@/server/runtime/herder/herder";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/**
 * `POST /api/console/connection-test`: asks a candidate config's connector to reach its external
 * system and answers `{supported, ok, message}` (200 whether or not it could). 400 for a bad body
 * or an unknown connector class; 503 while the runtime starts. Secrets are never echoed.
 */
export async function connectionTestResponse(request: Request, herder?: Herder): Promise<Response> {
  try {
    const body = await readBody(request, connectionTestRequestSchema);
    const target = herder ?? (await readyRuntime()).herder;
    const result = await target.testConnection(body.config).catch((error: unknown) => {
      if (error instanceof TributaryError && error.code === "plugin.not_found") throw new TributaryError("request.invalid", error.message, { cause: error });
      throw error;
    });
    return Response.json(connectionTestResponseSchema.parse(result), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
