import { TributaryError } from "@/server/errors/tributary-error";
import type { Runtime } from "@/server/runtime/runtime";

/**
 * The one Runtime of this process, kept on `globalThis` under a `Symbol.for` key. Next compiles
 * instrumentation and route handlers as separate module graphs, so a module-level variable would
 * give each its own copy; `globalThis` is the only place both see. A dev hot reload re-evaluates
 * modules but keeps `globalThis`, so it finds the running instance instead of starting another.
 */
const KEY = Symbol.for("tributary.runtime");

interface Slot {
  runtime: Runtime;
  started: Promise<void>;
}

type Global = typeof globalThis & { [KEY]?: Slot };

/** Thrown by readyRuntime while the runtime is starting; the HTTP layer answers 503. */
export class RuntimeNotReadyError extends TributaryError {
  override name = "RuntimeNotReadyError";

  constructor(message = "The Tributary runtime is still starting.") {
    super("runtime.not_ready", message, { retriable: true, suggestion: "Retry in a few seconds." });
  }
}

/**
 * Installs and starts the runtime `create()` builds, unless one is installed already: the second
 * caller gets the first one's slot and `create` is not called. `started` rejects if start-up failed.
 */
export function installRuntime(create: () => Runtime): Slot & { created: boolean } {
  const g = globalThis as Global;
  const existing = g[KEY];
  if (existing) return { ...existing, created: false };
  const runtime = create();
  const slot: Slot = { runtime, started: runtime.start() };
  slot.started.catch(() => undefined);
  g[KEY] = slot;
  return { ...slot, created: true };
}

/** The installed runtime, ready or not, or undefined before installation. */
export function currentRuntime(): Runtime | undefined {
  return (globalThis as Global)[KEY]?.runtime;
}

/**
 * The single accessor request handlers use: resolves with the runtime once it has started,
 * waiting at most `timeoutMs`; otherwise throws RuntimeNotReadyError.
 */
export async function readyRuntime(timeoutMs = 10_000): Promise<Runtime> {
  const slot = (globalThis as Global)[KEY];
  if (!slot) throw new RuntimeNotReadyError("The Tributary runtime has not been started in this process.");
  let timeout: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      slot.started,
      new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new RuntimeNotReadyError()), timeoutMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof RuntimeNotReadyError) throw error;
    throw new RuntimeNotReadyError(`The Tributary runtime failed to start: ${(error as Error).message}`);
  } finally {
    clearTimeout(timeout);
  }
  return slot.runtime;
}

/** Stops and removes the installed runtime, if any, even one still starting. For shutdown and tests. */
export async function uninstallRuntime(): Promise<void> {
  const g = globalThis as Global;
  const slot = g[KEY];
  if (!slot) return;
  delete g[KEY];
  await slot.runtime.stop();
}
