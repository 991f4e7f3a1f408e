"use client";

import { createContext, use, useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import {
  appliedTheme,
  applyTheme,
  followExternalThemeChanges,
  storeTheme,
  subscribeToAppliedTheme,
  type Theme,
} from "./theme-store";

/** What `useTheme()` returns. */
export interface ThemeContextValue {
  /** The applied theme; null during server rendering and hydration, when it is not yet known. */
  theme: Theme | null;
  /** Applies `theme` and persists it as the user's explicit choice. */
  setTheme: (theme: Theme) => void;
  /** Switches to the other theme and persists the choice. */
  toggleTheme: () => void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

const serverSnapshot = (): Theme | null => null;

/**
 * Owns light/dark mode for the client tree. The initial theme is applied before paint by the
 * root layout's inline script; this provider only reads it back, follows system and cross-tab
 * changes, and persists explicit choices. Mount once, inside `<body>`.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const theme = useSyncExternalStore<Theme | null>(subscribeToAppliedTheme, appliedTheme, serverSnapshot);

  useEffect(() => followExternalThemeChanges(), []);

  const setTheme = useCallback((next: Theme) => {
    storeTheme(next);
    applyTheme(next);
  }, []);

  const toggleTheme = useCallback(() => {
    setTheme(appliedTheme() === "dark" ? "light" : "dark");
  }, [setTheme]);

  const value = useMemo(() => ({ theme, setTheme, toggleTheme }), [theme, setTheme, toggleTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

/** The current theme and its setters. Throws when called outside `ThemeProvider`. */
export function useTheme(): ThemeContextValue {
  const value = use(ThemeContext);
  if (!value) throw new Error("useTheme() must be called inside <ThemeProvider>");
  return value;
}
