import { InlineCode } from "@/components/ui/inline-code";

/** The connector settings that route failed records to a DLQ, to copy into a sink's config. */
export const DLQ_SETUP_LINES = ["errors.tolerance=all", "errors.deadletterqueue.topic.name=<connector>-dlq", "errors.deadletterqueue.context.headers.enable=true"];

/**
 * How to give a connector a dead letter queue: the three keys, and what each one does. Shown by
 * the inbox's empty states.
 */
export function DlqSetupHelp() {
  return (
    <div className="text-left">
      <pre className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white px-4 py-3 font-mono text-xs leading-6 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200">
        {DLQ_SETUP_LINES.join("\n")}
      </pre>
      <p className="mt-3 text-xs leading-5 text-zinc-600 dark:text-zinc-400">
        <InlineCode>errors.tolerance=all</InlineCode> skips a record that fails conversion or a transform instead of failing the task; the
        topic named by <InlineCode>errors.deadletterqueue.topic.name</InlineCode> receives it; the context headers say which stage failed and why.
      </p>
    </div>
  );
}
