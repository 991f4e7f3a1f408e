"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeNavItem, navItems } from "./nav-items";

/**
 * The sidebar's `<nav aria-label="Main">`. The link of the current section is highlighted and
 * carries `aria-current="page"`; all links are plain, keyboard-reachable anchors.
 */
export function MainNav() {
  const active = activeNavItem(usePathname());
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-3">
      {navItems.map((item) => {
        const current = item === active;
        const Icon = item.icon;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm transition-colors ${
              current
                ? "bg-white font-medium text-zinc-950 shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800/80 dark:text-zinc-50 dark:ring-zinc-700/60"
                : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/50 dark:hover:text-zinc-100"
            }`}
          >
            <Icon
              className={`size-4 shrink-0 ${
                current ? "text-accent-600 dark:text-accent-400" : "text-zinc-400 group-hover:text-zinc-600 dark:text-zinc-500 dark:group-hover:text-zinc-300"
              }`}
            />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
