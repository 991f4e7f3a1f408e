"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { ConsoleApiError } from "@/components/queries/console-api";
import { useSignIn } from "@/components/queries/session";
import { ErrorAlert } from "@/components/ui/error-alert";

/** The sign-in failure in words: wrong credentials, too many attempts, or the server's own message. */
function failure(error: Error): string {
  if (error instanceof ConsoleApiError && error.status === 401) return "Wrong user name or password.";
  if (error instanceof ConsoleApiError && error.status === 429) return "Too many sign-in attempts. Wait a minute, then try again.";
  return `Could not sign in: ${error.message}`;
}

/** The sign-in form (user name, password); on success the browser loads `next` (already made safe) afresh. */
export function SignInForm({ next }: { next: string }) {
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  return (
    <form
      aria-label="Sign in"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        signIn.mutate({ username, password }, { onSuccess: () => window.location.assign(next) });
      }}
    >
      <Field label="User name" name="username" autoComplete="username" required autoFocus value={username} onChange={(event) => setUsername(event.target.value)} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      {signIn.error ? <ErrorAlert>{failure(signIn.error)}</ErrorAlert> : null}
      <PrimaryButton type="submit" className="w-full justify-center" disabled={signIn.isPending || signIn.isSuccess}>
        {signIn.isPending || signIn.isSuccess ? "Signing in…" : "Sign in"}
      </PrimaryButton>
    </form>
  );
}
