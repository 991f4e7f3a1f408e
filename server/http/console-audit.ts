import { currentAuditLog } from "@/server/console/audit/audit-slot";
import type { AuditLog } from "@/server/console/audit/audit-log";
import { auditFilterSchema, auditQuerySchema } from "@/server/contracts/audit";
import { TributaryError } from "@/server/errors/tributary-error";
import { query } from "@/server/http/console-params";
import { consoleErrorResponse } from "@/server/http/errors";
import { readyRuntime } from "@/server/runtime/runtime-slot";

const NO_STORE = { "cache-control": "no-store" };

/** The audit log, once the runtime is ready; 503 `runtime.not_ready` in a process that keeps none. */
async function readyAuditLog(): Promise<AuditLog> {
  await readyRuntime();
  const log = currentAuditLog();
  if (!log) throw new TributaryError("runtime.not_ready", "The audit log is not kept in this process.", { retriable: true });
  return log;
}

/**
 * `GET /api/console/audit?user&event&target&since&until&limit&before`: one page of the audit log,
 * newest first (server/contracts/audit.ts). 400 `request.invalid` naming a bad or unknown parameter.
 */
export async function auditResponse(request: Request): Promise<Response> {
  try {
    const { limit, before, ...filter } = query(request, auditQuerySchema);
    return Response.json(await (await readyAuditLog()).page(filter, limit, before), { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/**
 * `GET /api/console/audit/export?user&event&target&since&until`: every matching entry, newest
 * first, as JSON lines in an attachment, streamed in batches. Secrets in configs are masked, as
 * they were recorded.
 */
export async function auditExportResponse(request: Request): Promise<Response> {
  try {
    const filter = query(request, auditFilterSchema);
    const log = await readyAuditLog();
    const entries = log.entries(filter);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await entries.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
      async cancel() {
        await entries.return(undefined);
      },
    });
    const file = `tributary-audit-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
    return new Response(body, { headers: { ...NO_STORE, "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": `attachment; filename="${file}"` } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
