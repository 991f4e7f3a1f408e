"use client";

import { inputClass } from "@/components/connector-form/form-controls";
import { Button } from "@/components/ui/button";
import { ROLES, type Grant, type Role } from "@/server/contracts/auth";

/** The grant a new user starts with: viewer on every connector. */
export const DEFAULT_GRANT: Grant = { role: "viewer", connectors: "*" };

/**
 * A user's grants as rows of a role select and a connector pattern input, with "Remove" per row
 * and "Add grant". Controlled: every change goes to `onChange`. Each field is labelled by its row
 * number ("Role of grant 1", "Connectors of grant 1").
 */
export function GrantsEditor({ grants, onChange }: { grants: Grant[]; onChange: (grants: Grant[]) => void }) {
  const set = (index: number, grant: Grant) => onChange(grants.map((each, i) => (i === index ? grant : each)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Grants</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        A role on connectors matching a pattern: <span className="font-mono">*</span> is every connector and also topics, dead letters and the cluster;{" "}
        <span className="font-mono">orders-*</span> is every connector whose name starts with <span className="font-mono">orders-</span>. The strongest grant covering a connector counts.
      </p>
      {grants.map((grant, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2">
          <select aria-label={`Role of grant ${index + 1}`} value={grant.role} onChange={(event) => set(index, { ...grant, role: event.target.value as Role })} className={inputClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>{role}</option>
            ))}
          </select>
          <span className="text-sm text-zinc-500 dark:text-zinc-400">on</span>
          <input
            aria-label={`Connectors of grant ${index + 1}`}
            value={grant.connectors}
            onChange={(event) => set(index, { ...grant, connectors: event.target.value })}
            spellCheck={false}
            required
            maxLength={200}
            className={`${inputClass} min-w-32 flex-1 font-mono`}
          />
          <Button aria-label={`Remove grant ${index + 1}`} disabled={grants.length === 1} onClick={() => onChange(grants.filter((_, i) => i !== index))}>
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...grants, { ...DEFAULT_GRANT }])}>Add grant</Button>
    </fieldset>
  );
}
