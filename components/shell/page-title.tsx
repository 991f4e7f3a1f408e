"use client";

import { usePathname } from "next/navigation";
import { activeNavItem } from "./nav-items";

/**
 * The top bar's title area: "Tributary / <section>", derived from the URL. Plain text, not a
 * heading: each page renders its own `<h1>`.
 */
export function PageTitle() {
  const item = activeNavItem(usePathname());
  return (
    <p className="flex min-w-0 items-center gap-2 text-sm">
      <span className="text-zinc-500 dark:text-zinc-400">Console</span>
      {item ? (
        <>
          <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">
            /
          </span>
          <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{item.label}</span>
        </>
      ) : null}
    </p>
  );
}
