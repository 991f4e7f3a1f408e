"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { usePathname, useRouter } from "next/navigation";
import { ALL } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import type { PaletteCommand, PalettePage } from "@/components/palette/commands";
import { PalettePanel } from "@/components/palette/palette-panel";
import { PaletteToast, type PaletteOutcome } from "@/components/palette/palette-toast";
import { navItems } from "@/components/shell/nav-items";
import { useBulkConnectorAction } from "@/components/queries/bulk-actions";
import { errorAdvice } from "@/components/queries/error-advice";

const NEW_CONNECTOR: PalettePage = { href: "/connectors/new", label: "New connector", hint: "Create a connector with the guided form" };

/** The pages the palette offers the user: New connector to those who may create one, admin-only sections to admins. */
function usePages(): readonly PalettePage[] {
  const can = useCan();
  return useMemo(
    () => [
      ...(can("edit").allowed ? [NEW_CONNECTOR] : []),
      ...navItems
        .filter((item) => !item.adminOnly || can("admin", ALL).allowed)
        .map((item) => ({ href: item.href, label: item.label, hint: `Open the ${item.label.toLowerCase()} page` })),
    ],
    [can],
  );
}

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

const PAST: Record<string, string> = { pause: "Paused", resume: "Resumed", restart: "Restarted", delete: "Deleted" };

/**
 * The command palette: Ctrl-K or ⌘-K anywhere (or the top bar's search button) opens a modal
 * dialog ("Command palette") to jump to a connector or page, or to pause, resume, restart or
 * delete a connector. Closes as soon as a command is chosen; an action runs through the Connect
 * REST API and its outcome shows in a toast. Deleting the connector whose page is open goes back
 * to the list.
 */
export function CommandPalette() {
  const router = useRouter();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const mac = useSyncExternalStore(noSubscription, isApple, () => false);
  const [outcome, setOutcome] = useState<PaletteOutcome | null>(null);
  const bulk = useBulkConnectorAction();
  const pages = usePages();
  const dismiss = useCallback(() => setOutcome(null), []);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const run = async (command: PaletteCommand) => {
    setOpen(false);
    if (command.kind === "navigate") {
      router.push(command.href);
      return;
    }
    const [result] = await bulk.mutateAsync({ kind: command.action, names: [command.connector] });
    if (result?.ok) {
      setOutcome({ ok: true, text: `${PAST[command.action]} ${command.connector}.`, at: Date.now() });
      if (command.action === "delete" && pathname === `/connectors/${encodeURIComponent(command.connector)}`) router.push("/connectors");
    } else if (result) {
      setOutcome({ ok: false, text: `Could not ${command.action} ${command.connector}: ${result.error.message} ${errorAdvice(result.error) ?? ""}`.trim(), at: Date.now() });
    }
  };

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
        className="inline-flex h-8 items-center gap-3 rounded-md border border-zinc-200 bg-white px-2.5 text-sm text-zinc-500 shadow-xs hover:bg-zinc-50 hover:text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
      >
        <span className="hidden sm:inline">Search or run a command…</span>
        <span className="sm:hidden">Search</span>
        <kbd className="hidden rounded border border-zinc-200 px-1.5 font-sans text-[0.6875rem] text-zinc-500 sm:inline dark:border-zinc-700 dark:text-zinc-400">{mac ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Command palette"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === dialog.current) setOpen(false);
        }}
        className="fixed inset-x-0 top-[12vh] mx-auto w-[calc(100%-2rem)] max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open ? <PalettePanel pages={pages} onRun={(command) => void run(command)} /> : null}
      </dialog>
      <PaletteToast outcome={outcome} onDismiss={dismiss} />
    </>
  );
}
