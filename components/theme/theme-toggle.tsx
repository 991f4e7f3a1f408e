"use client";

import { MoonIcon, SunIcon } from "@/components/ui/icons";
import { IconButton } from "@/components/ui/icon-button";
import { useTheme } from "./theme-provider";

/**
 * The top bar's light/dark switch. Its accessible name says what a press does
 * ("Switch to dark mode" / "Switch to light mode"); the icon is chosen by CSS, so it is right
 * even before hydration.
 */
export function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const label =
    theme === "dark" ? "Switch to light mode" : theme === "light" ? "Switch to dark mode" : "Toggle color theme";
  return (
    <IconButton label={label} title={label} onClick={toggleTheme}>
      <MoonIcon className="size-4 dark:hidden" />
      <SunIcon className="hidden size-4 dark:block" />
    </IconButton>
  );
}
