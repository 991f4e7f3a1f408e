"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { safeNextPath } from "@/components/auth/next-path";
import { SetupForm } from "@/components/auth/setup-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { linkClass } from "@/components/dlq/form-classes";
import { useSession } from "@/components/queries/session";
import { ErrorAlert } from "@/components/ui/error-alert";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";
import { TributaryMark } from "@/components/ui/icons";

function Frame({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-zinc-50 px-4 py-10 dark:bg-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2.5">
          <span className="flex size-8 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm shadow-accent-600/30 dark:bg-accent-500">
            <TributaryMark className="size-4" />
          </span>
          <span className="text-lg font-semibold tracking-tight">Tributary</span>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
          <h1 className="text-lg font-semibold tracking-tight text-zinc-950 dark:text-zinc-50">{title}</h1>
          <p className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
          {children}
        </div>
      </div>
    </main>
  );
}

/**
 * `/login`: the sign-in form; the "Create the first admin" form while the server has no user;
 * with login off, a note saying so and a link to the console; when already signed in, a link
 * on. After signing in the browser goes to `?next=` when it is a same-site path.
 */
export function LoginScreen() {
  const session = useSession();
  const next = safeNextPath(useSearchParams().get("next"));
  if (session.isPending) {
    return (
      <Frame title="Sign in" description="Checking whether login is on…">
        <Skeleton className="h-40 w-full" />
      </Frame>
    );
  }
  if (!session.data) return <Frame title="Sign in" description="The console could not reach its server."><ErrorAlert>Could not read the session: {session.error?.message}</ErrorAlert></Frame>;
  const info = session.data;
  if (info.auth === "off") {
    return (
      <Frame title="Login is off" description="Anyone who reaches this console may use all of it.">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Start the server with <InlineCode>TRIBUTARY_AUTH=on</InlineCode> to require a sign-in (it is on by itself when the console listens beyond this machine).
        </p>
        <Link href={next} className={`mt-5 inline-block text-sm ${linkClass}`}>Open the console →</Link>
      </Frame>
    );
  }
  if (info.user) {
    return (
      <Frame title="Signed in" description={`You are signed in as ${info.user.name}.`}>
        <Link href={next} className={`text-sm ${linkClass}`}>Continue to the console →</Link>
      </Frame>
    );
  }
  if (info.setupRequired) {
    return (
      <Frame title="Create the first admin" description="This server has no users yet. The first one is an admin, who can then add the others.">
        <SetupForm next={next} />
      </Frame>
    );
  }
  return (
    <Frame title="Sign in" description="Sign in to the Tributary console.">
      <SignInForm next={next} />
    </Frame>
  );
}
