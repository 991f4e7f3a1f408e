/**
 * Next.js start-up hook: starts the embedded Connect runtime once per server process. The
 * dynamic import keeps Node-only code out of the Edge compile.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startEmbeddedRuntime } = await import("./server/boot/embedded");
    startEmbeddedRuntime();
  }
}
