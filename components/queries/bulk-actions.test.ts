import { describe, expect, it } from "vitest";
import { settledInLanes } from "@/components/queries/bulk-actions";

describe("settledInLanes", () => {
  it("runs at most `lanes` at once and settles each item in the order given", async () => {
    let running = 0;
    let most = 0;
    const results = await settledInLanes([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (8 - n) * 2));
      running--;
      if (n === 4) throw new Error("four");
      return n * 10;
    });
    expect(most).toBe(3);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual([10, 20, 30, "four", 50, 60, 70]);
  });

  it("settles an empty list at once", async () => {
    expect(await settledInLanes([], 4, async () => 1)).toEqual([]);
  });
});
