"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Field } from "@/components/auth/field";
import { GrantsEditor } from "@/components/auth/grants-editor";
import { passwordProblem } from "@/components/auth/setup-form";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { useUpdateUser, type ConsoleUser } from "@/components/queries/users";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { Grant } from "@/server/contracts/auth";

/** A button opening a dialog whose form changes one user; `body` renders the fields, `submit` returns an error to show or sends the change. */
function UserChangeDialog({
  opener,
  openerLabel,
  title,
  user,
  onOpen,
  body,
  change,
}: {
  opener: string;
  openerLabel: string;
  title: string;
  user: ConsoleUser;
  onOpen: () => void;
  body: ReactNode;
  /** The change to send, or a sentence saying what is wrong with the form. */
  change: () => { password?: string; grants?: Grant[] } | string;
}) {
  const update = useUpdateUser(user.name);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setProblem(null);
    update.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = change();
    setProblem(typeof next === "string" ? next : null);
    if (typeof next !== "string") update.mutate(next, { onSuccess: close });
  };
  return (
    <>
      <Button
        aria-label={openerLabel}
        onClick={() => {
          onOpen();
          setOpen(true);
        }}
      >
        {opener}
      </Button>
      <Dialog open={open} onClose={close} title={title}>
        <form onSubmit={submit} className="mt-4 space-y-4">
          {body}
          {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
          {update.error ? <ErrorAlert>Could not save: {update.error.message}</ErrorAlert> : null}
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <PrimaryButton type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save"}</PrimaryButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** "Grants…": edits a user's grants in a dialog; takes effect on their next request. */
export function EditGrantsButton({ user }: { user: ConsoleUser }) {
  const [grants, setGrants] = useState<Grant[]>(user.grants);
  return (
    <UserChangeDialog
      opener="Grants…"
      openerLabel={`Edit the grants of ${user.name}`}
      title={`Grants of ${user.name}`}
      user={user}
      onOpen={() => setGrants(user.grants)}
      body={<GrantsEditor grants={grants} onChange={setGrants} />}
      change={() => (grants.some((grant) => grant.connectors.trim() === "") ? "Every grant needs a connector pattern." : { grants: grants.map((grant) => ({ ...grant, connectors: grant.connectors.trim() })) })}
    />
  );
}

/** "Password…": sets a new password for a user (typed twice); their sessions stay as the server decides. */
export function ResetPasswordButton({ user }: { user: ConsoleUser }) {
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  return (
    <UserChangeDialog
      opener="Password…"
      openerLabel={`Reset the password of ${user.name}`}
      title={`New password for ${user.name}`}
      user={user}
      onOpen={() => {
        setPassword("");
        setRepeated("");
      }}
      body={
        <>
          <Field label="New password" type="password" autoComplete="new-password" required hint="At least 12 characters." value={password} onChange={(event) => setPassword(event.target.value)} />
          <Field label="Repeat the new password" type="password" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} />
        </>
      }
      change={() => passwordProblem(password, repeated) ?? { password }}
    />
  );
}
