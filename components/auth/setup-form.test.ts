import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/components/auth/setup-form";

describe("passwordProblem", () => {
  it("wants 12 characters, typed twice the same", () => {
    expect(passwordProblem("short", "short")).toMatch(/at least 12/);
    expect(passwordProblem("twelve-chars", "twelve-charz")).toBe("The two passwords differ.");
    expect(passwordProblem("twelve-chars", "twelve-chars")).toBeNull();
  });
});
