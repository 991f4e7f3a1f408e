import { findSourceMap } from "node:module";
import path from "node:path";

const FRAME = /^(\s*at )(?:(.*?) \()?((?:\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/;

/**
 * A stack trace as people read it: each frame that points into a built bundle (a `.next/`
 * chunk, as the console's process runs) names its source file and line instead, relative to
 * `root`, when the bundle's source map is loaded (Node keeps them once source maps are enabled),
 * and otherwise keeps only the function name, never a bundle line. Other frames are unchanged.
 * Pure apart from reading Node's source map cache.
 */
export function sourceStack(stack: string, root: string = process.cwd()): string {
  return stack
    .split("\n")
    .map((line) => {
      const match = FRAME.exec(line);
      if (!match) return line;
      const [, at, fn, file, lineNumber, column] = match as unknown as [string, string, string | undefined, string, string, string];
      if (!file.split(/[\\/]/).includes(".next")) return line;
      const entry = findSourceMap(file)?.findEntry(Number(lineNumber) - 1, Number(column) - 1);
      const source = entry && "originalSource" in entry && entry.originalSource ? entry : undefined;
      if (!source) return `${at}${fn ?? "<anonymous>"}`;
      const original = source.originalSource.startsWith("file://") ? new URL(source.originalSource).pathname : path.resolve(path.dirname(file), source.originalSource);
      const where = `${path.relative(root, original)}:${source.originalLine + 1}:${source.originalColumn + 1}`;
      return fn ? `${at}${fn} (${where})` : `${at}${where}`;
    })
    .join("\n");
}
