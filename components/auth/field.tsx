import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { inputClass } from "@/components/connector-form/form-controls";

/** Props of `Field`: an input's own attributes plus its visible label and an optional hint below it. */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  hint?: ReactNode;
}

/** A labelled text input (label above, hint below and linked by `aria-describedby`) for the sign-in, user and token forms. */
export function Field({ label, hint, className = "", ...props }: FieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <input id={id} aria-describedby={hint ? hintId : undefined} className={`${inputClass} w-full`} {...props} />
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
