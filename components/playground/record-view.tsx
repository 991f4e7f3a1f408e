import type { ReactNode } from "react";
import { changedFields, headerText, lineDiff, prettyData, type DiffLine, type RecordField, type RecordView } from "@/components/playground/stage-diff";

const preClass = "max-h-64 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 break-all whitespace-pre-wrap text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200";

/** A text's lines as a diff: added lines highlighted (`<ins>`), removed ones struck through (`<del>`), each said to screen readers. */
function DiffText({ lines }: { lines: DiffLine[] }) {
  return (
    <pre className={preClass}>
      {lines.map((line, index) =>
        line.change === "same" ? (
          <span key={index} className="block">
            {line.text || " "}
          </span>
        ) : line.change === "added" ? (
          <ins key={index} className="-mx-3 block bg-emerald-100 px-3 text-emerald-900 no-underline dark:bg-emerald-900/40 dark:text-emerald-100">
            <span className="sr-only">added: </span>
            {line.text || " "}
          </ins>
        ) : (
          <del key={index} className="-mx-3 block bg-red-50 px-3 text-red-800 dark:bg-red-950/60 dark:text-red-300">
            <span className="sr-only">removed: </span>
            {line.text || " "}
          </del>
        ),
      )}
    </pre>
  );
}

/** An unchanged part after a transform: its text on one line, cut to the width, in full on hover. */
function OneLine({ text }: { text: string }) {
  return (
    <p title={text} className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">
      {text}
    </p>
  );
}

/** One part of the record: its name (and schema), marked when this stage changed it. */
function Row({ label, detail, changed, children }: { label: string; detail?: string; changed: boolean; children: ReactNode }) {
  return (
    <div className={`grid gap-1 border-l-2 pl-3 ${changed ? "border-accent-500" : "border-transparent"}`}>
      <dt className="flex flex-wrap items-baseline gap-2 text-xs font-semibold text-zinc-700 dark:text-zinc-300">
        {label}
        {detail ? <span className="font-normal text-zinc-500 dark:text-zinc-400">{detail}</span> : null}
        {changed ? <span className="rounded-full bg-accent-50 px-1.5 text-[0.6875rem] font-medium text-accent-800 dark:bg-accent-950/50 dark:text-accent-200">changed</span> : null}
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

const schemaDetail = (schema: string | null) => (schema ? `schema ${schema}` : "no schema");

/** Props of `RecordBlock`. */
export interface RecordBlockProps {
  record: RecordView;
  /** The record the stage received; when given, what changed is marked and an unchanged record is said to be so. */
  before?: RecordView;
  /** Only these parts (e.g. just the key after a key converter); all by default. */
  only?: readonly RecordField[];
}

/**
 * A record after a stage: topic (first time, or when changed), key and value pretty-printed as
 * JSON when they parse with their schemas, headers, and partition or timestamp when changed.
 * Against `before`, each changed part is marked and its lines diffed, and the unchanged parts
 * take one line each.
 */
export function RecordBlock({ record, before, only }: RecordBlockProps) {
  const changed = changedFields(before, record);
  const shown = (field: RecordField) => !only || only.includes(field);
  const isChanged = (field: RecordField) => before !== undefined && changed.has(field);
  if (before && changed.size === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Record unchanged.</p>;
  const data = (field: "key" | "value") => {
    if (before && !isChanged(field)) return <OneLine text={record[field] ?? "null"} />;
    const after = prettyData(record[field]);
    return isChanged(field) ? <DiffText lines={lineDiff(prettyData(before![field]), after)} /> : <pre className={preClass}>{after}</pre>;
  };
  const headers = () => {
    if (isChanged("headers")) return <DiffText lines={lineDiff(headerText(before!.headers), headerText(record.headers))} />;
    return before ? <OneLine text={record.headers.map((header) => `${header.key}: ${header.value ?? "null"}`).join(" · ")} /> : <pre className={preClass}>{headerText(record.headers)}</pre>;
  };
  return (
    <dl className="grid gap-3">
      {shown("topic") && (!before || isChanged("topic")) ? (
        <Row label="Topic" changed={isChanged("topic")}>
          <p className="font-mono text-xs text-zinc-800 dark:text-zinc-200">
            {isChanged("topic") ? (
              <>
                <del className="text-red-700 dark:text-red-400">{before!.topic}</del> → <ins className="font-semibold text-emerald-800 no-underline dark:text-emerald-300">{record.topic}</ins>
              </>
            ) : (
              record.topic
            )}
          </p>
        </Row>
      ) : null}
      {shown("key") ? (
        <Row label="Key" detail={schemaDetail(record.keySchema)} changed={isChanged("key")}>
          {data("key")}
        </Row>
      ) : null}
      {shown("value") ? (
        <Row label="Value" detail={schemaDetail(record.valueSchema)} changed={isChanged("value")}>
          {data("value")}
        </Row>
      ) : null}
      {shown("headers") && (record.headers.length > 0 || isChanged("headers")) ? (
        <Row label="Headers" detail={`${record.headers.length} ${record.headers.length === 1 ? "header" : "headers"}`} changed={isChanged("headers")}>
          {headers()}
        </Row>
      ) : null}
      {isChanged("partition") ? (
        <Row label="Partition" changed>
          <p className="font-mono text-xs">{record.partition ?? "any"}</p>
        </Row>
      ) : null}
      {isChanged("timestamp") ? (
        <Row label="Timestamp" changed>
          <p className="font-mono text-xs">{record.timestamp === null ? "none" : new Date(record.timestamp).toISOString()}</p>
        </Row>
      ) : null}
    </dl>
  );
}
