/**
 * Next.js start-up hook: starts the embedded Connect runtime once per server process, with
 * source maps on, so task traces shown in the console and the REST API name source files and
 * lines, not the built bundle's. The dynamic import keeps Node-only code out of the Edge compile.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    process.setSourceMapsEnabled(true);
    const { startEmbeddedRuntime } = await import("./server/boot/embedded");
    startEmbeddedRuntime();
  }
}
