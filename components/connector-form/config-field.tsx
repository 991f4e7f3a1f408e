"use client";

import { useId } from "react";
import { shownErrors, type ConfigField } from "@/components/connector-form/config-fields";
import { inputClass } from "@/components/connector-form/form-controls";

const NUMERIC = new Set(["INT", "SHORT", "LONG", "DOUBLE"]);
const WIDTH: Record<string, string> = { SHORT: "max-w-xs", MEDIUM: "max-w-md", LONG: "max-w-none", NONE: "max-w-md" };

/** Props of `ConfigFieldControl`. */
export interface ConfigFieldControlProps {
  field: ConfigField;
  /** The value the config holds for this key; undefined when unset (the default applies). */
  value: string | undefined;
  /** Whether the validate answer's errors for this key are shown (after a touch, or once the step was revealed). */
  showErrors: boolean;
  /** Choices to offer instead of the answer's recommended values (converter or transform classes, predicate aliases). */
  choices?: readonly string[];
  /** What the select's empty option says (default: the key's default value, or "Not set"). */
  unsetLabel?: string;
  /** Shown but not editable, with `readOnly` saying why (the name of a connector being edited). */
  readOnly?: string;
  /** Messages of the console's own (a name already taken), shown at once, before the worker's. */
  extraErrors?: readonly string[];
  /** Called with the new value; "" means unset. */
  onChange: (value: string) => void;
}

/** The key's documentation as a sentence, then its default when the control does not already show it. */
function help(documentation: string | null, type: string, defaultValue: string | null, showDefault: boolean): string {
  const doc = (documentation ?? "").trim();
  const sentence = doc === "" || /[.!?:)]$/.test(doc) ? doc : `${doc}.`;
  const list = type === "LIST" ? " Comma-separated." : "";
  const fallback = showDefault && defaultValue !== null && defaultValue !== "" ? ` Default: ${type === "PASSWORD" ? "hidden" : defaultValue}.` : "";
  return `${sentence}${list}${fallback}`.trim();
}

function defaultLabel(defaultValue: string | null): string {
  if (defaultValue === null) return "Not set";
  return defaultValue === "" ? "Default (empty)" : `Default (${defaultValue})`;
}

/**
 * One ConfigDef key as a labelled control: its display name (with a required mark), the key
 * itself, its documentation and default, and the server's errors for it. Recommended values
 * (or `choices`) and booleans are a select whose first option is the default; PASSWORD keys are
 * password inputs; numbers get a numeric keyboard; `readOnly` disables it and says why instead of
 * the documentation. Invisible keys should not be rendered.
 */
export function ConfigFieldControl({ field, value, showErrors, choices, unsetLabel, readOnly, extraErrors, onChange }: ConfigFieldControlProps) {
  const id = useId();
  const { definition, value: validated } = field;
  const label = definition.display_name || definition.name;
  const errors = [...(extraErrors ?? []), ...(showErrors ? shownErrors(validated.errors) : [])];
  const options = choices ?? (validated.recommended_values.length > 0 ? validated.recommended_values : definition.type === "BOOLEAN" ? ["true", "false"] : null);
  const width = definition.type === "CLASS" ? "max-w-xl" : (WIDTH[definition.width] ?? "max-w-md");
  const describedBy = [`${id}-doc`, errors.length > 0 ? `${id}-errors` : null].filter(Boolean).join(" ");
  const common = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": errors.length > 0,
    "aria-required": definition.required,
    disabled: readOnly !== undefined,
  };
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <label htmlFor={id} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {label}
          {definition.required ? (
            <>
              <span aria-hidden="true" className="ml-0.5 text-red-600 dark:text-red-400">*</span>
              <span className="sr-only"> (required)</span>
            </>
          ) : null}
        </label>
        {label !== definition.name ? <code className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{definition.name}</code> : null}
      </div>
      {options ? (
        <select {...common} value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={`${inputClass} w-full ${width} font-mono`}>
          <option value="">{unsetLabel ?? defaultLabel(definition.default_value)}</option>
          {[...new Set([...options, ...(value !== undefined && !options.includes(value) ? [value] : [])])].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={definition.type === "PASSWORD" ? "password" : "text"}
          autoComplete={definition.type === "PASSWORD" ? "new-password" : "off"}
          inputMode={NUMERIC.has(definition.type) ? "numeric" : undefined}
          spellCheck={false}
          value={value ?? ""}
          placeholder={definition.default_value ?? undefined}
          onChange={(event) => onChange(event.target.value)}
          className={`${inputClass} w-full ${width} font-mono`}
        />
      )}
      <p id={`${id}-doc`} className="text-xs leading-5 text-zinc-500 dark:text-zinc-400">
        {readOnly ?? help(definition.documentation, definition.type, definition.default_value, !options)}
      </p>
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="text-xs leading-5 font-medium text-red-700 dark:text-red-400">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
