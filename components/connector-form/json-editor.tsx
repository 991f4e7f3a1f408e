"use client";

import { useId, type Dispatch } from "react";
import { HIDDEN } from "@/components/connector-form/config-json";
import type { WizardAction, WizardState } from "@/components/connector-form/wizard-state";

/**
 * The JSON view: the whole config as one editable JSON object, the same state the form edits.
 * Every change that parses replaces the config (and is validated like a form change); while the
 * text does not parse, the reason shows below it and the last good config stays in force.
 */
export function JsonEditor({ state, dispatch }: { state: WizardState; dispatch: Dispatch<WizardAction> }) {
  const id = useId();
  const error = state.json.error;
  return (
    <div className="grid gap-2">
      <label htmlFor={id} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        Connector config (JSON)
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        A flat config, as <code className="font-mono">PUT /connectors/{"{name}"}/config</code> takes it, or {"{"}&quot;name&quot;, &quot;config&quot;{"}"}. Secrets show as{" "}
        <code className="font-mono">{HIDDEN}</code>: leave that to keep them, or type a new value.
      </p>
      <textarea
        id={id}
        value={state.json.text}
        onChange={(event) => dispatch({ type: "edit-json", text: event.target.value })}
        rows={Math.min(30, Math.max(12, state.json.text.split("\n").length + 2))}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className="w-full rounded-xl border border-zinc-300 bg-white p-4 font-mono text-[0.8125rem] leading-5 text-zinc-900 shadow-xs aria-[invalid=true]:border-red-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:aria-[invalid=true]:border-red-500"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          Not applied yet: {error}
        </p>
      ) : null}
    </div>
  );
}
