import { describe, expect, it } from "vitest";
import { hashPassword, hashPasswordSync, passwordProblem, UNUSABLE_HASH, verifyPassword } from "@/server/console/auth/password";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain("correct");
    expect(await hashPassword("correct horse battery")).not.toBe(hash);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterz", hash)).toBe(false);
    expect(await verifyPassword("correct horse battery", hashPasswordSync("correct horse battery"))).toBe(true);
  });

  it("reads the parameters from the encoding, so older costs still verify", async () => {
    const hash = await hashPassword("another long password");
    const [, , , , salt] = hash.split("$");
    const { scryptSync } = await import("node:crypto");
    const cheap = `scrypt$1024$8$1$${salt}$${scryptSync("another long password", Buffer.from(salt!, "base64url"), 32, { N: 1024, r: 8, p: 1 }).toString("base64url")}`;
    expect(await verifyPassword("another long password", cheap)).toBe(true);
  });

  it("refuses malformed and hostile encodings without throwing", async () => {
    for (const bad of ["", "plain", "scrypt$x$8$1$a$b", "scrypt$1073741824$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAA", "bcrypt$1$2$3$4$5"]) {
      expect(await verifyPassword("whatever password", bad)).toBe(false);
    }
    expect(await verifyPassword("", UNUSABLE_HASH)).toBe(false);
  });

  it("asks for 12 characters", () => {
    expect(passwordProblem("short")).toMatch(/at least 12 characters/);
    expect(passwordProblem("twelve chars")).toBeUndefined();
  });
});
