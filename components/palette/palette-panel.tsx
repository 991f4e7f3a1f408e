"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { BULK_ACTION } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { COMMAND_GROUPS, filterCommands, paletteCommands, type PaletteCommand, type PalettePage } from "@/components/palette/commands";
import { useConnectors } from "@/components/queries/connectors";
import { useLive } from "@/components/queries/live-events";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";

/** Props of `PalettePanel`. */
export interface PalettePanelProps {
  pages: readonly PalettePage[];
  /** Runs a chosen command; a delete arrives here only after its confirmation. */
  onRun: (command: PaletteCommand) => void;
}

/**
 * The palette's content while it is open: a combobox ("Search connectors, pages and actions")
 * controlling a listbox of results in sections (Pages, Connectors, Actions). Arrow keys move the
 * active option (`aria-activedescendant`), Home and End jump, Enter runs it, a click runs it too.
 * Deleting a connector first asks for confirmation in place of the list.
 */
export function PalettePanel({ pages, onRun }: PalettePanelProps) {
  const live = useLive();
  const connectors = useConnectors(live);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [confirming, setConfirming] = useState<PaletteCommand | null>(null);
  const listboxId = useId();
  const optionId = (index: number) => `${listboxId}-option-${index}`;
  const can = useCan();
  const results = useMemo(
    () => filterCommands(paletteCommands(pages, connectors.data, (action, connector) => can(BULK_ACTION[action], connector).allowed), query),
    [pages, connectors.data, query, can],
  );
  const current = Math.min(active, results.length - 1);

  const choose = (command: PaletteCommand) => {
    if (command.kind === "action" && command.action === "delete") setConfirming(command);
    else onRun(command);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    const moves: Record<string, number> = { ArrowDown: current >= last ? 0 : current + 1, ArrowUp: current <= 0 ? last : current - 1, Home: 0, End: last };
    if (event.key in moves && results.length > 0) {
      event.preventDefault();
      setActive(moves[event.key]!);
      document.getElementById(optionId(moves[event.key]!))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter" && results[current]) {
      event.preventDefault();
      choose(results[current]);
    }
  };

  if (confirming && confirming.kind === "action") {
    return (
      <div className="p-5">
        <h2 className="text-base font-semibold break-words">Delete connector {confirming.connector}?</h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Its tasks stop and its config is removed. Offsets and the sink consumer group are kept. This cannot be undone.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button autoFocus onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <DangerButton onClick={() => onRun(confirming)}>Delete {confirming.connector}</DangerButton>
        </div>
      </div>
    );
  }

  return (
    <div>
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-label="Search connectors, pages and actions"
        placeholder="Go to a connector or page, or run an action…"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="h-12 w-full border-b border-zinc-200 bg-transparent px-4 text-sm text-zinc-900 outline-none placeholder:text-zinc-400 dark:border-zinc-700 dark:text-zinc-100"
      />
      <div id={listboxId} role="listbox" aria-label="Results" className="max-h-96 overflow-y-auto p-2">
        {results.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            {connectors.error ? `Could not load the connectors: ${connectors.error.message}` : `Nothing matches “${query}”.`}
          </p>
        ) : (
          COMMAND_GROUPS.map((group) => {
            const members = results.filter((command) => command.group === group);
            if (members.length === 0) return null;
            return (
              <div key={group} role="group" aria-labelledby={`${listboxId}-${group}`} className="mb-1">
                <div id={`${listboxId}-${group}`} role="presentation" className="px-3 pt-2 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">
                  {group}
                </div>
                {members.map((command) => {
                  const mine = results.indexOf(command);
                  return (
                    <div
                      key={command.id}
                      id={optionId(mine)}
                      role="option"
                      aria-selected={mine === current}
                      onMouseMove={() => setActive(mine)}
                      onClick={() => choose(command)}
                      className={`flex cursor-pointer flex-col rounded-md px-3 py-2 text-sm ${
                        mine === current ? "bg-accent-50 text-accent-900 dark:bg-accent-950/60 dark:text-accent-100" : "text-zinc-800 dark:text-zinc-200"
                      }`}
                    >
                      <span className="font-medium break-all">{command.label}</span>
                      <span className="text-xs text-zinc-500 dark:text-zinc-400">{command.hint}</span>
                    </div>
                  );
                })}
              </div>
            );
          })
        )}
      </div>
      <p className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        ↑ ↓ to move · Enter to run · Esc to close
      </p>
    </div>
  );
}
