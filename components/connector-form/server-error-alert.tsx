import { serverErrorAdvice } from "@/components/connector-form/server-error";

/** A failed create or update: the API's message (kept as its lines) and what to do next, in a `role="alert"` box. */
export function ServerErrorAlert({ error, action }: { error: Error; action: "create" | "update" }) {
  const { message, advice } = serverErrorAdvice(error, action);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
      <p className="font-medium">Could not {action} the connector</p>
      <p className="mt-1 font-mono text-[0.8125rem] whitespace-pre-wrap">{message}</p>
      <p className="mt-2">{advice}</p>
    </div>
  );
}
