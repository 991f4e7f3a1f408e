"use client";

import { useId, useState } from "react";
import { Field } from "@/components/auth/field";
import { inputClass, PrimaryButton } from "@/components/connector-form/form-controls";
import { useCreateToken, type CreatedToken } from "@/components/queries/tokens";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";

const EXPIRIES = [
  { days: 0, label: "Never" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
];

/** The token just created, shown once with a copy button and the warning that it will not be shown again. */
function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const [copy, setCopy] = useState("");
  const id = useId();
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 dark:border-amber-900/70 dark:bg-amber-950/40">
      <p role="alert" className="text-sm font-medium text-amber-900 dark:text-amber-200">
        Copy the token {created.name} now: it is shown only this once.
      </p>
      <label htmlFor={id} className="mt-3 block text-xs font-medium text-amber-900 dark:text-amber-200">New token</label>
      <div className="mt-1 flex items-start gap-2">
        <output id={id} className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm leading-6 break-all select-all text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100">
          {created.token}
        </output>
        <Button
          onClick={() =>
            navigator.clipboard.writeText(created.token).then(
              () => setCopy("Copied to the clipboard."),
              () => setCopy("The browser did not allow copying: select the token and copy it."),
            )
          }
        >
          Copy
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-amber-900 dark:text-amber-200">{copy}</p>
      <Button className="mt-2" onClick={onDone}>I have copied it</Button>
    </div>
  );
}

/**
 * "Create a token": a name and an expiry (never, or after some days); the answer's secret is
 * shown once, until "I have copied it". A token acts as its user, with the user's roles.
 */
export function TokenCreate() {
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [days, setDays] = useState(0);
  const expiryId = useId();
  return (
    <Card labelledBy="new-token-title">
      <CardHeader
        titleId="new-token-title"
        title="Create a token"
        description={
          <>
            Scripts and tools send it as <InlineCode>Authorization: Bearer &lt;token&gt;</InlineCode> and act as you, with your roles.
          </>
        }
      />
      <div className="space-y-4 px-5 py-4">
        {create.data ? (
          <NewToken created={create.data} onDone={() => create.reset()} />
        ) : (
          <form
            aria-label="Create a token"
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ name: name.trim(), ...(days > 0 ? { expiresInDays: days } : {}) }, { onSuccess: () => setName("") });
            }}
          >
            <Field label="Token name" className="min-w-56 flex-1" required maxLength={100} placeholder="ci-deploy" value={name} onChange={(event) => setName(event.target.value)} />
            <div className="flex flex-col gap-1.5">
              <label htmlFor={expiryId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Expires after</label>
              <select id={expiryId} value={days} onChange={(event) => setDays(Number(event.target.value))} className={inputClass}>
                {EXPIRIES.map((expiry) => (
                  <option key={expiry.days} value={expiry.days}>{expiry.label}</option>
                ))}
              </select>
            </div>
            <PrimaryButton type="submit" disabled={create.isPending || name.trim() === ""}>
              {create.isPending ? "Creating…" : "Create token"}
            </PrimaryButton>
          </form>
        )}
        {create.error ? <ErrorAlert>Could not create the token: {create.error.message}</ErrorAlert> : null}
      </div>
    </Card>
  );
}
