import { describeOffset, describePartition } from "@/components/offsets/offset-edits";
import type { ConnectorOffsetsView } from "@/server/contracts/connector-offsets";

const head = "bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400";
const numberCell = "px-4 py-2 text-right font-mono text-xs tabular-nums";

/**
 * The connector's offsets as a table: a source's partitions and offsets, or a sink's
 * topic-partitions with committed offset, end offset and committed lag (end minus committed; "—"
 * where unknown, "none" where nothing is committed). Says so in a sentence when there are none.
 */
export function OffsetsTable({ view }: { view: ConnectorOffsetsView }) {
  if (view.type === "sink") {
    if (view.partitions.length === 0) {
      return <p className="text-sm text-zinc-600 dark:text-zinc-400">No partitions yet: nothing is committed, and the topics it reads have no partitions Kafka knows of.</p>;
    }
    return (
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sink offsets of {view.connector}</caption>
          <thead className={head}>
            <tr>
              <th scope="col" className="px-4 py-2">Topic</th>
              <th scope="col" className="px-4 py-2 text-right">Partition</th>
              <th scope="col" className="px-4 py-2 text-right">Committed</th>
              <th scope="col" className="px-4 py-2 text-right">End</th>
              <th scope="col" className="px-4 py-2 text-right whitespace-nowrap" title="End offset minus committed offset: records not committed yet">Committed lag</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {view.partitions.map((p) => (
              <tr key={`${p.topic}-${p.partition}`}>
                <th scope="row" className="px-4 py-2 font-mono text-xs font-medium">{p.topic}</th>
                <td className={numberCell}>{p.partition}</td>
                <td className={numberCell}>{p.committed ?? "none"}</td>
                <td className={numberCell}>{p.end ?? "—"}</td>
                <td className={`${numberCell} ${p.lag ? "font-semibold text-amber-700 dark:text-amber-400" : ""}`}>{p.lag ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (view.offsets.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No offsets committed: the connector has not sent any record yet, or its offsets were reset. It starts from the beginning of its source.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Source offsets of {view.connector}</caption>
        <thead className={head}>
          <tr>
            <th scope="col" className="px-4 py-2">Source partition</th>
            <th scope="col" className="px-4 py-2">Offset</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {view.offsets.map(({ partition, offset }) => (
            <tr key={JSON.stringify(partition)}>
              <th scope="row" className="px-4 py-2 font-mono text-xs font-medium break-all">{describePartition(partition)}</th>
              <td className="px-4 py-2 font-mono text-xs break-all">{describeOffset(offset)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
