import { describe, expect, it } from "vitest";
import { ConnectorLocks } from "@/server/runtime/herder/connector-locks";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("ConnectorLocks", () => {
  it("runs one connector's work in order, even after a failure, and other connectors alongside", async () => {
    const locks = new ConnectorLocks();
    const order: string[] = [];
    const a1 = locks.run("a", async () => {
      await tick();
      order.push("a1");
      throw new Error("a1 failed");
    });
    const a2 = locks.run("a", async () => void order.push("a2"));
    const b1 = locks.run("b", async () => void order.push("b1"));
    await expect(a1).rejects.toThrow("a1 failed");
    await Promise.all([a2, b1]);
    expect(order).toEqual(["b1", "a1", "a2"]);
  });
});
