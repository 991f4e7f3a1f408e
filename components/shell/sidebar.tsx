import Link from "next/link";
import { TributaryMark } from "@/components/ui/icons";
import { MainNav } from "./main-nav";

/** The console's left column from tablet width up: the product name (linking home) and the main navigation. Full height, sticky. Phones use MobileNav. */
export function Sidebar() {
  return (
    <aside
      aria-label="Sidebar"
      className="sticky top-0 hidden h-dvh w-52 shrink-0 flex-col md:flex border-r border-zinc-200 bg-zinc-50 lg:w-60 dark:border-zinc-800/80 dark:bg-zinc-900/40"
    >
      <div className="flex h-14 items-center px-5">
        <Link href="/connectors" className="flex items-center gap-2.5 rounded-md text-zinc-950 dark:text-zinc-50">
          <span className="flex size-7 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm shadow-accent-600/30 dark:bg-accent-500">
            <TributaryMark className="size-4" />
          </span>
          <span className="text-[0.9375rem] font-semibold tracking-tight">Tributary</span>
        </Link>
      </div>
      <div className="pt-3">
        <MainNav />
      </div>
    </aside>
  );
}
