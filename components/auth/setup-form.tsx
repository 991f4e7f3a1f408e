"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { ConsoleApiError } from "@/components/queries/console-api";
import { useSetup } from "@/components/queries/session";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";

/** The least password length the server accepts. */
export const MIN_PASSWORD = 12;

/** What is wrong with a new password and its repetition, or null when both are fine. Pure. */
export function passwordProblem(password: string, repeated: string): string | null {
  if (password.length < MIN_PASSWORD) return `The password needs at least ${MIN_PASSWORD} characters.`;
  if (password !== repeated) return "The two passwords differ.";
  return null;
}

function failure(error: Error): string {
  if (error instanceof ConsoleApiError && error.status === 403) return "That set-up code is wrong. Copy it again from the server's log.";
  if (error instanceof ConsoleApiError && error.status === 409) return "The first admin exists already: reload the page and sign in.";
  return `Could not create the admin: ${error.message}`;
}

/**
 * "Create the first admin": user name, password twice, and the one-time set-up code the server
 * printed in its log. On success the server has signed the new admin in; the browser loads
 * `next` afresh.
 */
export function SetupForm({ next }: { next: string }) {
  const setup = useSetup();
  const [username, setUsername] = useState("admin");
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [setupCode, setSetupCode] = useState("");
  const [checked, setChecked] = useState(false);
  const problem = passwordProblem(password, repeated);
  return (
    <form
      aria-label="Create the first admin"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (problem === null) setup.mutate({ username, password, setupCode: setupCode.trim() }, { onSuccess: () => window.location.assign(next) });
      }}
    >
      <Field label="User name" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
      <Field label="Password" type="password" autoComplete="new-password" required hint={`At least ${MIN_PASSWORD} characters.`} value={password} onChange={(event) => setPassword(event.target.value)} />
      <Field label="Repeat the password" type="password" autoComplete="new-password" required value={repeated} onChange={(event) => setRepeated(event.target.value)} />
      <Field
        label="Set-up code"
        autoComplete="one-time-code"
        required
        spellCheck={false}
        hint={
          <>
            The server printed it in its log when it started without users (search the log for <InlineCode>set-up code</InlineCode>).
          </>
        }
        value={setupCode}
        onChange={(event) => setSetupCode(event.target.value)}
      />
      {checked && problem ? <ErrorAlert>{problem}</ErrorAlert> : null}
      {setup.error ? <ErrorAlert>{failure(setup.error)}</ErrorAlert> : null}
      <PrimaryButton type="submit" className="w-full justify-center" disabled={setup.isPending || setup.isSuccess}>
        {setup.isPending || setup.isSuccess ? "Creating…" : "Create admin and sign in"}
      </PrimaryButton>
    </form>
  );
}
