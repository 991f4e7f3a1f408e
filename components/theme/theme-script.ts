/** localStorage key holding the user's explicit theme choice: "light" or "dark". */
export const THEME_STORAGE_KEY = "tributary.theme";

/**
 * Source of the inline `<script>` the root layout renders in `<head>`. It runs before first
 * paint, applies the stored theme (or the system preference when none is stored) as the `dark`
 * class and `color-scheme` on `<html>`, and never throws (private mode, blocked storage).
 * Keep it dependency-free: it is serialised as text, not bundled.
 */
export const themeInitScript = `(function(){try{var s=null;try{s=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)})}catch(e){}var d=s==="dark"||(s!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light"}catch(e){}})();`;
