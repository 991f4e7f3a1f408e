"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { DEFAULT_GRANT, GrantsEditor } from "@/components/auth/grants-editor";
import { passwordProblem } from "@/components/auth/setup-form";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { useCreateUser } from "@/components/queries/users";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { Grant } from "@/server/contracts/auth";
import { userNameSchema } from "@/server/contracts/auth-api";

/**
 * "Add a user": name, password typed twice and grants (viewer on `*` to start with). The form
 * checks the name and password as the server does before sending; the server's refusal (a name
 * taken) shows below. On success the form empties and says who was added.
 */
export function UserCreate() {
  const create = useCreateUser();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [grants, setGrants] = useState<Grant[]>([{ ...DEFAULT_GRANT }]);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Card labelledBy="new-user-title">
      <CardHeader titleId="new-user-title" title="Add a user" description="They sign in with this name and password; their grants decide what they may see and change." />
      <form
        aria-label="Add a user"
        className="space-y-4 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          const nameCheck = userNameSchema.safeParse(name);
          const found = !nameCheck.success ? `The user name is not valid: ${nameCheck.error.issues[0]?.message}.` : passwordProblem(password, repeated);
          setProblem(found);
          setAdded(null);
          if (found !== null) return;
          create.mutate(
            { name, password, grants: grants.map((grant) => ({ ...grant, connectors: grant.connectors.trim() })) },
            {
              onSuccess: () => {
                setAdded(name);
                setName("");
                setPassword("");
                setRepeated("");
                setGrants([{ ...DEFAULT_GRANT }]);
              },
            },
          );
        }}
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="User name" autoComplete="off" required value={name} onChange={(event) => setName(event.target.value)} />
          <Field label="Password" type="password" autoComplete="new-password" required hint="At least 12 characters." value={password} onChange={(event) => setPassword(event.target.value)} />
          <Field label="Repeat the password" type="password" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} />
        </div>
        <GrantsEditor grants={grants} onChange={setGrants} />
        {problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
        {create.error ? <ErrorAlert>Could not add the user: {create.error.message}</ErrorAlert> : null}
        {added ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">Added {added}.</p> : null}
        <PrimaryButton type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add user"}</PrimaryButton>
      </form>
    </Card>
  );
}
