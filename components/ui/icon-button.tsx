import type { ButtonHTMLAttributes } from "react";

/** Props of `IconButton`: a button whose only content is an icon, so `label` is required. */
export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label"> {
  /** Accessible name; icon-only buttons have no other text. */
  label: string;
}

/** A square, quiet, icon-only button for toolbars (`type="button"` unless overridden). */
export function IconButton({ label, className = "", type = "button", ...props }: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      className={`inline-flex size-8 items-center justify-center rounded-md text-zinc-500 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 ${className}`}
      {...props}
    />
  );
}
