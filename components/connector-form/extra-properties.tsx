"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/connector-form/form-controls";
import { Button } from "@/components/ui/button";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Props of `ExtraProperties`. */
export interface ExtraPropertiesProps {
  /** Names the list (e.g. "Other properties", "Settings of value.converter"); also the add button's context. */
  title: string;
  /** The keys to list, in order. */
  keys: readonly string[];
  /** What a new key starts with (e.g. `value.converter.`); "" for any key. */
  prefix: string;
  config: Readonly<ConnectorConfig>;
  isSecret: (key: string) => boolean;
  /** Sets a key's value; "" is kept as an empty value. */
  onSet: (key: string, value: string) => void;
  onRemove: (key: string) => void;
  /** One sentence on what belongs here. */
  hint: string;
}

/**
 * Keys no ConfigDef in the validate answer describes (a converter's settings, client overrides,
 * a plugin's undeclared keys), each editable as plain text (password when it looks secret) and
 * removable, with a row to add another key under `prefix`.
 */
export function ExtraProperties({ title, keys, prefix, config, isSecret, onSet, onRemove, hint }: ExtraPropertiesProps) {
  const id = useId();
  const [key, setKey] = useState(prefix);
  const [value, setValue] = useState("");
  const problem = key.trim() === prefix || key.trim() === "" ? "Type a key." : config[key.trim()] !== undefined ? `${key.trim()} is already set.` : null;
  const add = () => {
    if (problem || value === "") return;
    onSet(key.trim(), value);
    setKey(prefix);
    setValue("");
  };
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="grid gap-3">
      <div>
        <p id={`${id}-title`} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      </div>
      {keys.length > 0 ? (
        <ul className="grid gap-2">
          {keys.map((each) => (
            <li key={each} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
              <label htmlFor={`${id}-${each}`} className="truncate font-mono text-xs text-zinc-700 dark:text-zinc-300" title={each}>
                {each}
              </label>
              <input
                id={`${id}-${each}`}
                type={isSecret(each) ? "password" : "text"}
                autoComplete="off"
                spellCheck={false}
                value={config[each] ?? ""}
                onChange={(event) => onSet(each, event.target.value)}
                className={`${inputClass} w-full font-mono`}
              />
              <Button onClick={() => onRemove(each)} aria-label={`Remove ${each}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
        <input aria-label={`New key (${title})`} placeholder="key" spellCheck={false} value={key} onChange={(event) => setKey(event.target.value)} className={`${inputClass} w-full font-mono`} />
        <input
          aria-label={`New value (${title})`}
          placeholder="value"
          type={isSecret(key) ? "password" : "text"}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") add();
          }}
          className={`${inputClass} w-full font-mono`}
        />
        <Button onClick={add} disabled={problem !== null || value === ""} title={problem ?? undefined}>
          Add
        </Button>
      </div>
    </div>
  );
}
