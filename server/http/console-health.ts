import type { Health } from "@/server/contracts/health";
import { currentRuntime } from "@/server/runtime/runtime-slot";
import { RuntimeNotReadyError } from "@/server/runtime/runtime-slot";
import { consoleErrorResponse } from "@/server/http/errors";
import { VERSION } from "@/server/version";

/**
 * `GET /api/console/health`: 200 with the Health document when the runtime is ready (status
 * "ok" or "degraded"), 503 with the same document while it is starting, so both load balancers
 * and the console's status indicator can read it. 503 `runtime.not_ready` when no runtime is
 * installed in this process at all.
 */
export function consoleHealthResponse(): Response {
  const runtime = currentRuntime();
  if (!runtime) return consoleErrorResponse(new RuntimeNotReadyError("The Tributary runtime has not been started in this process."));
  const health = runtime.health();
  const status: Health["status"] =
    !health.ready || health.kafka.checkedAt === null ? "starting" : health.kafka.reachable ? "ok" : "degraded";
  const body: Health = {
    status,
    kafka: health.kafka,
    runtime: {
      mode: health.mode,
      ready: health.ready,
      workerId: health.workerId,
      instance: health.instance,
      startedAt: health.startedAt,
    },
    version: VERSION,
  };
  return Response.json(body, { status: status === "starting" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
