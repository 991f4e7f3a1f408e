import { CommandPalette } from "@/components/palette/command-palette";
import { StatusIndicator } from "@/components/status/status-indicator";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { PageTitle } from "./page-title";

/** The console's sticky top bar: the page title area on the left; the command palette, live status and the theme switch on the right. */
export function TopBar() {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center justify-between gap-4 border-b border-zinc-200 bg-white/85 px-6 backdrop-blur-sm dark:border-zinc-800/80 dark:bg-zinc-950/85">
      <PageTitle />
      <div className="flex items-center gap-2">
        <CommandPalette />
        <StatusIndicator />
        <ThemeToggle />
      </div>
    </header>
  );
}
