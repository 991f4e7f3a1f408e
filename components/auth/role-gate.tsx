"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Action } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { linkClass } from "@/components/dlq/form-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";

/** Props of `RoleGate`. */
export interface RoleGateProps {
  action: Action;
  /** The connector the page acts on; omitted for "any pattern" (creating a connector). Strings only: this is rendered from server pages. */
  connector?: string;
  /** What the page does, to finish "You may not …" ("create connectors"). */
  doing: string;
  /** Where "Back" leads. */
  back: { href: string; label: string };
  children: ReactNode;
}

/**
 * Renders `children` when the signed-in user may take `action` (always with login off);
 * otherwise a note saying which role is needed, and a way back, in place of a form the server
 * would refuse to apply.
 */
export function RoleGate({ action, connector, doing, back, children }: RoleGateProps) {
  const permission = useCan()(action, connector);
  if (permission.allowed) return children;
  return (
    <EmptyState
      icon={PlugIcon}
      title={`You may not ${doing}`}
      actions={
        <Link href={back.href} className={`text-sm ${linkClass}`}>
          ← {back.label}
        </Link>
      }
    >
      {permission.reason}. An admin can grant it on the Users page.
    </EmptyState>
  );
}
