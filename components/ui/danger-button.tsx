import type { ButtonHTMLAttributes } from "react";

/** A solid red button for destructive actions (Delete), `type="button"` unless overridden; greys out when disabled. */
export function DangerButton({ className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={`inline-flex h-8 items-center gap-1.5 rounded-md bg-red-600 px-3 text-sm font-medium text-white shadow-xs transition-colors hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-red-700 dark:hover:bg-red-600 ${className}`}
      {...props}
    />
  );
}
