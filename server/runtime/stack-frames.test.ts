import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourceStack } from "@/server/runtime/stack-frames";

const root = mkdtempSync(path.join(os.tmpdir(), "stack-frames-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("readable stack traces", () => {
  it("names a bundled frame's source file and line from its source map", () => {
    const chunks = path.join(root, ".next", "server", "chunks");
    mkdirSync(chunks, { recursive: true });
    const chunk = path.join(chunks, "chunk.js");
    writeFileSync(chunk, 'module.exports = function explode() { throw new Error("boom"); };\n//# sourceMappingURL=chunk.js.map\n');
    writeFileSync(`${chunk}.map`, JSON.stringify({ version: 3, sources: ["../../../server/thing.ts"], names: [], mappings: "AAAA" }));
    process.setSourceMapsEnabled(true);
    const explode = createRequire(import.meta.url)(chunk) as () => void;
    let stack = "";
    try {
      explode();
    } catch (error) {
      stack = (error as Error).stack!;
    }
    expect(stack).toContain(".next");
    const readable = sourceStack(stack, root);
    expect(readable).toMatch(/^Error: boom\n\s+at explode \(server\/thing\.ts:1:1\)/);
    expect(readable).not.toContain(".next");
  });

  it("keeps only the function of a bundled frame without a source map, and leaves other frames alone", () => {
    const stack = ["Error: boom", "    at Task.run (/app/.next/server/chunks/[root]__x._.js:41090:53)", "    at /app/.next/server/chunks/y.js:1:2", "    at read (/app/node_modules/kafkajs/src/a.js:3:4)", "    at node:internal/process/task_queues:95:5"].join("\n");
    expect(sourceStack(stack, "/app")).toBe(["Error: boom", "    at Task.run", "    at <anonymous>", "    at read (/app/node_modules/kafkajs/src/a.js:3:4)", "    at node:internal/process/task_queues:95:5"].join("\n"));
  });
});
