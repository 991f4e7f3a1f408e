import type { Metadata } from "next";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

/** Audit log section: every change asked of the API or the console, who asked, from where and how it ended; kept 90 days. */
export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit log" description="Every change asked of this cluster through the API or the console: who, when, from where, and how it ended." />
      <AuditLogView />
    </>
  );
}
