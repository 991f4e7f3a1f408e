import { TributaryError } from "@/server/errors/tributary-error";
import type { TaskId } from "@/server/runtime/worker/worker-task";

/**
 * Kafka Connect's worker group protocol (IncrementalCooperativeConnectProtocol): what a worker
 * tells the group when it joins (its REST URL, how far it read the config topic, what it runs)
 * and what the leader hands each worker back, in Kafka's protocol encoding (big-endian; strings
 * with an int16 length; arrays and nullable bytes with an int32 length, -1 for null).
 */

/** The protocols a worker offers, most preferred first: `sessioned` (version 2) and `compatible` (version 1), both incremental. */
export const CONNECT_PROTOCOLS = [
  { name: "sessioned", version: 2 },
  { name: "compatible", version: 1 },
] as const;

/** The sentinel task number that stands for a connector instance in an assignment. */
const CONNECTOR_TASK = -1;

/** Assignment error codes: none, or the leader had not read the config topic as far as a member. */
export const ASSIGNMENT_ERRORS = { none: 0, configMismatch: 1 } as const;

/** Connectors and tasks, as a worker runs them or the leader hands them out. */
export interface ConnectorsAndTasks {
  connectors: string[];
  tasks: TaskId[];
}

/** What the leader hands one worker for a generation (Kafka Connect's ExtendedAssignment). */
export interface ConnectAssignment {
  version: number;
  error: number;
  leader: string;
  leaderUrl: string;
  /** How far the leader had read the config topic when it assigned (the config snapshot's version). */
  configOffset: number;
  /** Everything the worker is to run in this generation. */
  assigned: ConnectorsAndTasks;
  /** What the worker must stop before this generation's work moves elsewhere. */
  revoked: ConnectorsAndTasks;
  /** When non-zero, how long until the leader wants the group to rebalance again (work of a departed worker is held back). */
  delayMs: number;
}

/** What a worker tells the group when it joins (Kafka Connect's ExtendedWorkerState). */
export interface WorkerState {
  url: string;
  configOffset: number;
  /** The assignment it holds now, if any. */
  assignment: ConnectAssignment | null;
}

class ProtocolWriter {
  private readonly chunks: Buffer[] = [];

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    this.chunks.push(b);
    return this;
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.chunks.push(b);
    return this;
  }

  int64(value: number): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(value));
    this.chunks.push(b);
    return this;
  }

  string(value: string): this {
    const bytes = Buffer.from(value, "utf8");
    this.int16(bytes.length);
    this.chunks.push(bytes);
    return this;
  }

  nullableBytes(value: Buffer | null): this {
    if (value === null) return this.int32(-1);
    this.int32(value.length);
    this.chunks.push(value);
    return this;
  }

  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class ProtocolReader {
  private offset = 0;

  constructor(private readonly data: Buffer) {}

  int16(): number {
    this.need(2);
    return this.data.readInt16BE((this.offset += 2) - 2);
  }

  int32(): number {
    this.need(4);
    return this.data.readInt32BE((this.offset += 4) - 4);
  }

  int64(): number {
    this.need(8);
    return Number(this.data.readBigInt64BE((this.offset += 8) - 8));
  }

  string(): string {
    const length = this.int16();
    this.need(length);
    return this.data.toString("utf8", this.offset, (this.offset += length));
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length < 0) return null;
    this.need(length);
    return this.data.subarray(this.offset, (this.offset += length));
  }

  get remaining(): number {
    return this.data.length - this.offset;
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.data.length) throw new TributaryError("kafka.invalid_protocol", "A Connect group protocol message ended early");
  }
}

function writeConnectorAssignments(writer: ProtocolWriter, work: ConnectorsAndTasks): void {
  const byConnector = new Map<string, number[]>();
  for (const connector of work.connectors) byConnector.set(connector, [CONNECTOR_TASK]);
  for (const { connector, task } of work.tasks) byConnector.set(connector, [...(byConnector.get(connector) ?? []), task]);
  writer.int32(byConnector.size);
  for (const [connector, tasks] of byConnector) {
    writer.string(connector).int32(tasks.length);
    for (const task of tasks) writer.int32(task);
  }
}

function readConnectorAssignments(reader: ProtocolReader): ConnectorsAndTasks {
  const work: ConnectorsAndTasks = { connectors: [], tasks: [] };
  const count = reader.int32();
  for (let i = 0; i < count; i++) {
    const connector = reader.string();
    const tasks = reader.int32();
    for (let t = 0; t < tasks; t++) {
      const task = reader.int32();
      if (task === CONNECTOR_TASK) work.connectors.push(connector);
      else work.tasks.push({ connector, task });
    }
  }
  return work;
}

/** An assignment's bytes, as SyncGroup carries them. */
export function encodeAssignment(assignment: ConnectAssignment): Buffer {
  const writer = new ProtocolWriter().int16(assignment.version).int16(assignment.error).string(assignment.leader).string(assignment.leaderUrl).int64(assignment.configOffset);
  writeConnectorAssignments(writer, assignment.assigned);
  writeConnectorAssignments(writer, assignment.revoked);
  return writer.int32(assignment.delayMs).buffer();
}

/** Reads an assignment; null for none (an empty SyncGroup answer). Throws `kafka.invalid_protocol` on malformed bytes. */
export function decodeAssignment(data: Buffer | null): ConnectAssignment | null {
  if (data === null || data.length === 0) return null;
  const reader = new ProtocolReader(data);
  const version = reader.int16();
  if (version < 1) throw new TributaryError("kafka.invalid_protocol", `Unsupported Connect assignment version ${version}: Tributary workers speak the incremental protocol (1 and 2)`);
  const assignment: ConnectAssignment = {
    version,
    error: reader.int16(),
    leader: reader.string(),
    leaderUrl: reader.string(),
    configOffset: reader.int64(),
    assigned: readConnectorAssignments(reader),
    revoked: readConnectorAssignments(reader),
    delayMs: 0,
  };
  if (reader.remaining >= 4) assignment.delayMs = reader.int32();
  return assignment;
}

/** A worker's JoinGroup metadata for one protocol version. */
export function encodeWorkerState(state: WorkerState, version: number): Buffer {
  return new ProtocolWriter()
    .int16(version)
    .string(state.url)
    .int64(state.configOffset)
    .nullableBytes(state.assignment ? encodeAssignment(state.assignment) : null)
    .buffer();
}

/** Reads a member's JoinGroup metadata; throws `kafka.invalid_protocol` on malformed bytes. */
export function decodeWorkerState(data: Buffer): WorkerState {
  const reader = new ProtocolReader(data);
  reader.int16();
  const url = reader.string();
  const configOffset = reader.int64();
  return { url, configOffset, assignment: reader.remaining > 0 ? decodeAssignment(reader.nullableBytes()) : null };
}
