"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/use-can";
import { primaryActionClass } from "@/components/connector-form/form-controls";

/** The "New connector" call to action: a link to the wizard, or a disabled button with the reason for a user without the editor role on any pattern. */
export function NewConnectorLink() {
  const permission = useCan()("edit");
  if (permission.allowed) return <Link href="/connectors/new" className={primaryActionClass}>New connector</Link>;
  return (
    <button type="button" disabled title={permission.reason} className={primaryActionClass}>
      New connector
    </button>
  );
}
