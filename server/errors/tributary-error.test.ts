import { describe, expect, it, vi } from "vitest";
import { TributaryError } from "@/server/errors/tributary-error";

describe("TributaryError", () => {
  it("is recognized across separately loaded copies of its module, as Next's module graphs load it", async () => {
    const error = new TributaryError("connector.not_found", "Connector x not found");
    vi.resetModules();
    const copy = await import("@/server/errors/tributary-error");
    expect(copy.TributaryError).not.toBe(TributaryError);
    expect(error instanceof copy.TributaryError).toBe(true);
    expect(new copy.TributaryError("a.b", "m") instanceof TributaryError).toBe(true);
    expect(new Error("plain") instanceof TributaryError).toBe(false);
  });

  it("keeps subclass checks exact", () => {
    class KafkaishError extends TributaryError {}
    expect(new KafkaishError("kafka.x", "m") instanceof TributaryError).toBe(true);
    expect(new TributaryError("a.b", "m") instanceof KafkaishError).toBe(false);
  });
});

describe("TributaryError's name in a bundle", () => {
  it("stays TributaryError when the bundler renames the class, in the name, the trace and messages", async () => {
    const { build } = await import("esbuild");
    // A second top-level `TributaryError` in the same bundle makes esbuild rename one of them,
    // as Next's production build renamed ours to "TributaryError1".
    const entry = [
      `import { TributaryError as Real } from ${JSON.stringify(`${process.cwd()}/server/errors/tributary-error.ts`)};`,
      "class TributaryError {}",
      "const error = new Real('a.b', 'broken');",
      "export const seen = { local: TributaryError.name, bundled: Real.name, name: error.name, trace: error.stack.split('\\n')[0], text: String(error) };",
    ].join("\n");
    const out = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" }, bundle: true, format: "esm", write: false, platform: "node" });
    const code = out.outputFiles[0]!.text;
    const { seen } = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { seen: Record<string, string> };
    expect(seen.bundled).not.toBe("TributaryError");
    expect(seen.name).toBe("TributaryError");
    expect(seen.trace).toBe("TributaryError: broken");
    expect(seen.text).toBe("TributaryError: broken");
  });
});
