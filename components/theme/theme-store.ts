import { THEME_STORAGE_KEY } from "./theme-script";

/** The two colour themes the console renders. */
export type Theme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The user's explicit choice from localStorage, or null when none (or storage is blocked). Browser only. */
export function readStoredTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

/** Persists an explicit choice; silently keeps it for this page only when storage is blocked. Browser only. */
export function storeTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage unavailable (private mode, policy): the choice lasts until reload.
  }
}

/** The operating system's preference. Browser only. */
export function systemTheme(): Theme {
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** The theme to show: the stored choice, else the system preference. Browser only. */
export function preferredTheme(): Theme {
  return readStoredTheme() ?? systemTheme();
}

/** Sets or removes the `dark` class and `color-scheme` on `<html>`, as the inline head script does. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark");
  root.style.colorScheme = theme;
}

/** The theme currently applied to `<html>`: the single source of truth for rendering. */
export function appliedTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

/**
 * Calls `onChange` whenever the applied theme may have changed (class on `<html>` mutated).
 * Returns the unsubscribe function; shaped for `useSyncExternalStore`.
 */
export function subscribeToAppliedTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/**
 * Keeps `<html>` in line with outside changes: the system preference (while the user has made
 * no explicit choice) and choices made in other tabs. Returns the unsubscribe function.
 */
export function followExternalThemeChanges(): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const onSystemChange = () => {
    if (readStoredTheme() === null) applyTheme(systemTheme());
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) applyTheme(preferredTheme());
  };
  media.addEventListener("change", onSystemChange);
  window.addEventListener("storage", onStorage);
  return () => {
    media.removeEventListener("change", onSystemChange);
    window.removeEventListener("storage", onStorage);
  };
}
