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
