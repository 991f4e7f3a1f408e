import { connectorHealth } from "@/server/contracts/connector-health";
import { applicableActions } from "@/components/connectors/connector-state";
import type { BulkActionKind } from "@/components/queries/bulk-actions";
import type { ExpandedConnectors } from "@/server/contracts/connect";

/** The palette's sections, in the order they are listed. */
export const COMMAND_GROUPS = ["Pages", "Connectors", "Actions"] as const;

/** One thing the palette can do: go to a page, or run an action on a connector. */
export type PaletteCommand = {
  id: string;
  group: (typeof COMMAND_GROUPS)[number];
  label: string;
  /** A short second line: what the page is, or the connector's type and health. */
  hint: string;
} & ({ kind: "navigate"; href: string } | { kind: "action"; action: BulkActionKind; connector: string });

/** A page the palette can open. */
export interface PalettePage {
  href: string;
  label: string;
  hint: string;
}

/** How many results each section shows at most. */
export const RESULTS_PER_GROUP = 8;

const ACTIONS: ReadonlyArray<{ action: BulkActionKind; verb: string; applies: (name: string, connectors: ExpandedConnectors) => boolean }> = [
  { action: "pause", verb: "Pause", applies: (name, all) => !!all[name]?.status && applicableActions(all[name]!.status!).pause },
  { action: "resume", verb: "Resume", applies: (name, all) => !!all[name]?.status && applicableActions(all[name]!.status!).resume },
  { action: "restart", verb: "Restart", applies: (name, all) => !!all[name]?.status && applicableActions(all[name]!.status!)["restart-all-tasks"] },
  { action: "delete", verb: "Delete", applies: () => true },
];

/**
 * Everything the palette offers: the pages, each connector (opening its page), and the actions
 * that would change something for each connector (pause unless paused, resume unless running,
 * restart when it has tasks; delete always) and that `allowed` lets the user take (their role;
 * all by default).
 */
export function paletteCommands(
  pages: readonly PalettePage[],
  connectors: ExpandedConnectors | undefined,
  allowed: (action: BulkActionKind, connector: string) => boolean = () => true,
): PaletteCommand[] {
  const all = connectors ?? {};
  const names = Object.keys(all).sort((a, b) => a.localeCompare(b));
  return [
    ...pages.map((page): PaletteCommand => ({ id: `page:${page.href}`, group: "Pages", label: page.label, hint: page.hint, kind: "navigate", href: page.href })),
    ...names.map((name): PaletteCommand => {
      const { status, info } = all[name]!;
      const { health, reason } = connectorHealth(status);
      const type = info?.type ?? status?.type ?? "unknown";
      return { id: `connector:${name}`, group: "Connectors", label: name, hint: `${type === "unknown" ? "Connector" : type === "source" ? "Source" : "Sink"} · ${health}: ${reason}`, kind: "navigate", href: `/connectors/${encodeURIComponent(name)}` };
    }),
    ...names.flatMap((name) =>
      ACTIONS.filter(({ action, applies }) => applies(name, all) && allowed(action, name)).map(
        ({ action, verb }): PaletteCommand => ({
          id: `${action}:${name}`,
          group: "Actions",
          label: `${verb} ${name}${action === "delete" ? "…" : ""}`,
          hint: action === "restart" ? "Restart the connector and all its tasks" : action === "delete" ? "Asks for confirmation first" : `${verb} the connector`,
          kind: "action",
          action,
          connector: name,
        }),
      ),
    ),
  ];
}

/** 0 when the label starts with the query, 1 when a word of it does, 2 otherwise. */
function rank(label: string, query: string): number {
  const lower = label.toLowerCase();
  if (lower.startsWith(query)) return 0;
  return lower.split(/[\s\-_./]+/).some((word) => word.startsWith(query)) ? 1 : 2;
}

/**
 * The commands matching `query`, in section order, at most `RESULTS_PER_GROUP` per section: every
 * word of the query (case-insensitive) must appear in the label or the section's name, best
 * matches first (label starts with the query, then a word of it does). With no query, the pages
 * and connectors only: actions appear once something is typed.
 */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const text = query.trim().toLowerCase();
  const words = text.split(/\s+/).filter(Boolean);
  return COMMAND_GROUPS.flatMap((group) => {
    if (words.length === 0 && group === "Actions") return [];
    return commands
      .filter((command) => command.group === group)
      .filter((command) => words.every((word) => `${command.label} ${group}`.toLowerCase().includes(word)))
      .map((command, index) => ({ command, index, rank: rank(command.label, text) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, RESULTS_PER_GROUP)
      .map(({ command }) => command);
  });
}
