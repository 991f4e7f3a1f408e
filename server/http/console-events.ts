import { principalOf } from "@/server/console/auth/principal";
import { visibleTo } from "@/server/console/auth/visible-connectors";
import { consoleErrorResponse } from "@/server/http/errors";
import { readyRuntime } from "@/server/runtime/runtime-slot";

const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/console/events`: a server-sent events stream of the runtime's live events, one SSE
 * event per change (`event: status`, `connector` or, once a second, `metrics`; `data:` the JSON
 * of server/contracts/events.ts). Sends
 * `retry: 1000` so browsers reconnect within a second, and a comment every 15 s so proxies keep
 * the connection open. The subscription ends when the client goes away. 503 `runtime.not_ready`
 * while the runtime is starting. Only events of connectors the caller may view are sent (metrics
 * events keep the worker's own points and those connectors' points).
 */
export async function consoleEventsResponse(request: Request): Promise<Response> {
  let runtime;
  try {
    runtime = await readyRuntime();
  } catch (error) {
    return consoleErrorResponse(error);
  }
  const events = runtime.events;
  const visible = visibleTo(principalOf(request));
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let keepAlive: NodeJS.Timeout | undefined;
  const cleanup = () => {
    unsubscribe();
    clearInterval(keepAlive);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send("retry: 1000\n: connected\n\n");
      unsubscribe = events.subscribe((event) => {
        if (event.type !== "metrics" && !visible(event.connector)) return;
        const shown = event.type === "metrics" ? { ...event, points: event.points.filter((point) => point.connector === null || visible(point.connector)) } : event;
        send(`event: ${shown.type}\ndata: ${JSON.stringify(shown)}\n\n`);
      });
      keepAlive = setInterval(() => send(": keep-alive\n\n"), KEEP_ALIVE_MS);
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      });
    },
    cancel: cleanup,
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
