import type { ReactNode } from "react";

/** Inline monospace text for paths, config keys and class names inside prose; a long one wraps rather than widen the page. */
export function InlineCode({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.8125rem] wrap-anywhere text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
      {children}
    </code>
  );
}
