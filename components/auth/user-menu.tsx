"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";
import { ALL, roleSummary } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { useSession, useSignOut } from "@/components/queries/session";
import { ChevronDownIcon } from "@/components/ui/icons";

const item = "block w-full rounded-md px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * The top bar's account corner. Signed in: the user's name and role summary, opening a menu with
 * "API tokens", "Users" (admins only) and "Sign out". Login off: a quiet "Login off" badge whose
 * tooltip says how to turn it on. Nothing while the session is being read. The menu closes on
 * navigation.
 */
export function UserMenu() {
  const session = useSession().data;
  const can = useCan();
  const signOut = useSignOut();
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  if (!session) return null;
  if (session.auth === "off") {
    return (
      <span
        title="Anyone who reaches this console may use all of it. Start the server with TRIBUTARY_AUTH=on to require a sign-in."
        className="hidden h-6 items-center rounded-full border border-zinc-200 px-2.5 text-xs text-zinc-500 sm:inline-flex dark:border-zinc-700 dark:text-zinc-400"
      >
        Login off
      </span>
    );
  }
  if (!session.user) return null;
  const summary = roleSummary(session.user.grants);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  return (
    // Keyed by the page, so the menu is closed on every navigation, however it was made.
    <details key={pathname} ref={menu} className="group relative">
      <summary
        aria-label={`Account: ${session.user.name} (${summary})`}
        className="inline-flex h-8 max-w-72 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden"
      >
        <span className="max-w-40 shrink-0 truncate font-medium text-zinc-900 dark:text-zinc-100">{session.user.name}</span>
        <span title={summary} className="hidden min-w-0 truncate text-xs text-zinc-500 lg:inline dark:text-zinc-400">{summary}</span>
        <ChevronDownIcon className="size-3.5 shrink-0 text-zinc-500 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <p className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">
          Signed in as <span className="font-medium text-zinc-800 dark:text-zinc-200">{session.user.name}</span> · {summary}
        </p>
        <Link href="/settings/tokens" onClick={close} className={item}>API tokens</Link>
        {can("admin", ALL).allowed ? <Link href="/settings/users" onClick={close} className={item}>Users</Link> : null}
        <button type="button" className={item} disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          {signOut.isPending ? "Signing out…" : "Sign out"}
        </button>
        {signOut.error ? <p role="alert" className="px-3 py-1.5 text-xs text-red-700 dark:text-red-400">Could not sign out: {signOut.error.message}</p> : null}
      </div>
    </details>
  );
}
