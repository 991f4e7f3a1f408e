"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ALL } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { useSession } from "@/components/queries/session";
import { activeNavItem, navItems, settingsNavItems, type NavItem } from "./nav-items";

function NavLinks({ label, items, active }: { label: string; items: readonly NavItem[]; active: NavItem | undefined }) {
  return (
    <nav aria-label={label} className="flex flex-col gap-0.5 px-3">
      {items.map((item) => {
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

/**
 * The sidebar's `<nav aria-label="Main">` (the Audit log for admins only) and, while signed in
 * with login on, a `<nav aria-label="Settings">` (API tokens; Users for admins only). The link of the current
 * page is highlighted and carries `aria-current="page"`; all links are plain, keyboard-reachable anchors.
 */
export function MainNav() {
  const active = activeNavItem(usePathname());
  const session = useSession().data;
  const can = useCan();
  const shown = (item: NavItem) => !item.adminOnly || can("admin", ALL).allowed;
  const settings = session?.auth === "on" && session.user ? settingsNavItems.filter(shown) : [];
  return (
    <>
      <NavLinks label="Main" items={navItems.filter(shown)} active={active} />
      {settings.length > 0 ? (
        <>
          <p className="mt-6 mb-1 px-5 text-xs font-medium text-zinc-500 dark:text-zinc-400">Settings</p>
          <NavLinks label="Settings" items={settings} active={active} />
        </>
      ) : null}
    </>
  );
}
