import { UserMenu } from "@/components/auth/user-menu";
import { CommandPalette } from "@/components/palette/command-palette";
import { StatusIndicator } from "@/components/status/status-indicator";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { MobileNav } from "./mobile-nav";
import { PageTitle } from "./page-title";

/** The console's sticky top bar: the menu (phones) and the breadcrumb on the left; the command palette, live status, the theme switch and the account menu (or "Login off") on the right. */
export function TopBar() {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center justify-between gap-2 border-b border-zinc-200 bg-white/85 px-3 backdrop-blur-sm sm:gap-4 sm:px-6 dark:border-zinc-800/80 dark:bg-zinc-950/85">
      <div className="flex min-w-0 items-center gap-2">
        <MobileNav />
        <PageTitle />
      </div>
      <div className="flex shrink-0 items-center gap-1.5 sm:gap-2">
        <CommandPalette />
        <StatusIndicator />
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
