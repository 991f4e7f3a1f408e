"use client";

import { useState } from "react";
import { ConfigFieldControl } from "@/components/connector-form/config-field";
import { CONNECTION_GROUPS, ConnectionTestButton } from "@/components/connector-form/connection-test-button";
import { groupStartsOpen, type FieldGroup } from "@/components/connector-form/config-fields";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Props of `FieldGroupSection`. */
export interface FieldGroupSectionProps {
  group: FieldGroup;
  /** The heading for the plugin's own keys, whose group is null. */
  ownTitle: string;
  config: Readonly<ConnectorConfig>;
  /** The step's first group, which always starts open. */
  first: boolean;
  /** Whether to show a key's errors. */
  showErrors: (key: string) => boolean;
  /** Why a key cannot be edited here, for the keys that cannot (the name when editing). */
  readOnly: (key: string) => string | undefined;
  onSet: (key: string, value: string) => void;
}

/**
 * One ConfigDef group as a disclosure (`<details>`) titled by the group, with its field count.
 * It starts open when it is the step's first or has a required, filled-in or failing field,
 * collapsed otherwise, and then stays as the user leaves it.
 */
export function FieldGroupSection({ group, ownTitle, config, first, showErrors, readOnly, onSet }: FieldGroupSectionProps) {
  const [open, setOpen] = useState(() => first || groupStartsOpen(group, config));
  const failing = group.fields.filter((field) => field.value.errors.length > 0 && showErrors(field.definition.name)).length;
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="group rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-5 py-3.5 [&::-webkit-details-marker]:hidden">
        <span className="flex items-baseline gap-2">
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{group.name ?? ownTitle}</h3>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {group.fields.length} {group.fields.length === 1 ? "setting" : "settings"}
            {failing > 0 ? <span className="text-red-700 dark:text-red-400"> · {failing} to fix</span> : null}
          </span>
        </span>
        <ChevronDownIcon className="size-4 text-zinc-400 transition-transform group-open:rotate-180" />
      </summary>
      <div className="grid gap-5 border-t border-zinc-200 px-5 py-4 dark:border-zinc-800">
        {group.fields.map((field) => (
          <ConfigFieldControl
            key={field.definition.name}
            field={field}
            value={config[field.definition.name]}
            showErrors={showErrors(field.definition.name)}
            readOnly={readOnly(field.definition.name)}
            onChange={(value) => onSet(field.definition.name, value)}
          />
        ))}
        {group.name && CONNECTION_GROUPS.has(group.name) ? <ConnectionTestButton config={config} /> : null}
      </div>
    </details>
  );
}
