import type { DlqFilter } from "@/server/contracts/dlq";
import { decodeContext } from "@/server/console/dlq/dlq-context";
import { fingerprintOf, type TopicReader } from "@/server/console/dlq/dlq-index";
import { readRuns } from "@/server/console/dlq/dlq-query";
import { textOf } from "@/server/console/dlq/payload-view";
import { coordinatesKey, type LedgerMark } from "@/server/console/dlq/replay-ledger";
import type { IncomingRecord } from "@/server/runtime/ports";

/** Bytes as an export carries them: base64 always (lossless), and the UTF-8 text when they are text. */
function bytesOf(bytes: Buffer | null): { base64: string; text: string | null } | null {
  return bytes === null ? null : { base64: bytes.toString("base64"), text: textOf(bytes) };
}

/** One exported record: everything Kafka holds for it, plus what the inbox made of it. */
function exported(record: IncomingRecord, marks: ReadonlyMap<string, LedgerMark>): unknown {
  const { context, stacktrace } = decodeContext(record.headers);
  const ledger = marks.get(coordinatesKey(record.partition, record.offset));
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    key: bytesOf(record.key),
    value: bytesOf(record.value),
    headers: record.headers.map((header) => ({ key: header.key, value: bytesOf(header.value) })),
    context,
    stacktrace,
    replayed: ledger && ledger.fingerprint === fingerprintOf(record) ? ledger.mark : null,
  };
}

/**
 * The JSON export of a DLQ topic's records at `coordinates`, as text chunks to stream:
 * `{"topic", "exportedAt", "filter", "records": [...]}` with records in partition and offset
 * order, read from Kafka run by run so memory stays flat however many there are. Records gone
 * from the topic by the time they are read are left out.
 */
export async function* exportChunks(
  topic: string,
  filter: DlqFilter,
  coordinates: ReadonlyArray<{ partition: number; offset: bigint }>,
  reader: Pick<TopicReader, "read">,
  marks: ReadonlyMap<string, LedgerMark>,
  now: number,
): AsyncGenerator<string> {
  yield `{"topic":${JSON.stringify(topic)},"exportedAt":${JSON.stringify(new Date(now).toISOString())},"filter":${JSON.stringify(filter)},"records":[`;
  let first = true;
  for (const run of readRuns(coordinates)) {
    const wanted = new Set(run.offsets);
    const records = await reader.read(topic, run.partition, run.offsets[0]!, run.offsets.at(-1)! + 1n);
    for (const record of records) {
      if (!wanted.has(record.offset)) continue;
      yield `${first ? "" : ","}\n${JSON.stringify(exported(record, marks))}`;
      first = false;
    }
  }
  yield "\n]}\n";
}
