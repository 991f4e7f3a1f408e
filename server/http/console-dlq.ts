import { TributaryError } from "@/server/errors/tributary-error";
import {
  dlqFilterSchema,
  dlqRecordQuerySchema,
  offsetSchema,
  purgeRequestSchema,
  replayRequestSchema,
} from "@/server/contracts/dlq";
import type { DlqInbox } from "@/server/console/dlq/dlq-inbox";
import { readyDlqInbox } from "@/server/console/dlq/dlq-slot";
import { readBody } from "@/server/http/connect/body";
import { query, topicParam } from "@/server/http/console-params";
import { consoleErrorResponse } from "@/server/http/errors";

/**
 * The DLQ inbox API (`/api/console/dlq/**`): parse the request, call the DlqInbox, answer JSON.
 * Every handler answers errors as `{error_code, message, code, suggestion?}`: 400
 * `request.invalid` for bad parameters or bodies (saying which and why), 404 for unknown
 * topics, records and jobs, 409 while a replay of the topic runs, 503 before the runtime is ready.
 */

const noStore = { "cache-control": "no-store" };

async function answer(work: (inbox: DlqInbox) => Promise<unknown> | unknown, status = 200): Promise<Response> {
  try {
    const inbox = await readyDlqInbox();
    return Response.json(await work(inbox), { status, headers: noStore });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `GET /api/console/dlq/topics`: every DLQ topic named by a connector, with its record count. */
export function dlqTopicsResponse(): Promise<Response> {
  return answer((inbox) => inbox.topics());
}

/** `GET /api/console/dlq/topics/{topic}`: one topic (any existing topic, DLQ or not). */
export function dlqTopicResponse(topic: string): Promise<Response> {
  return answer((inbox) => inbox.topic(topicParam(topic)));
}

/** `GET …/topics/{topic}/records?errorClass&stage&signature&partition&from&to&replayed&before&limit`: a page, newest first. */
export function dlqRecordsResponse(request: Request, topic: string): Promise<Response> {
  return answer((inbox) => inbox.records(topicParam(topic), query(request, dlqRecordQuerySchema)));
}

/** `GET …/topics/{topic}/records/{partition}/{offset}`: one record in full. */
export function dlqRecordResponse(topic: string, partition: string, offset: string): Promise<Response> {
  return answer((inbox) => {
    if (!/^\d{1,9}$/.test(partition)) throw new TributaryError("request.invalid", `Partition "${partition}" is not a partition number.`);
    if (!offsetSchema.safeParse(offset).success) throw new TributaryError("request.invalid", `Offset "${offset}" is not an offset.`);
    return inbox.record(topicParam(topic), Number(partition), BigInt(offset));
  });
}

/** `GET …/topics/{topic}/groups?<filter>`: failures grouped by error signature. */
export function dlqGroupsResponse(request: Request, topic: string): Promise<Response> {
  return answer((inbox) => inbox.groups(topicParam(topic), query(request, dlqFilterSchema)));
}

/** `POST …/topics/{topic}/replay`: starts a replay job; 202 with the job. */
export function dlqReplayResponse(request: Request, topic: string): Promise<Response> {
  return answer(async (inbox) => inbox.startReplay(topicParam(topic), await readBody(request, replayRequestSchema)), 202);
}

/** `POST …/topics/{topic}/purge`: deletes a partition's records before an offset. */
export function dlqPurgeResponse(request: Request, topic: string): Promise<Response> {
  return answer(async (inbox) => inbox.purge(topicParam(topic), await readBody(request, purgeRequestSchema)));
}

/** `GET …/topics/{topic}/export?<filter>`: the matching records as a JSON file download, streamed. */
export async function dlqExportResponse(request: Request, topic: string): Promise<Response> {
  try {
    const inbox = await readyDlqInbox();
    const { filename, chunks } = await inbox.export(topicParam(topic), query(request, dlqFilterSchema));
    const encoder = new TextEncoder();
    const iterator = chunks[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      headers: { ...noStore, "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
    });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `GET /api/console/dlq/replays?topic=`: recent replay jobs, newest first. */
export function dlqReplayJobsResponse(request: Request): Promise<Response> {
  return answer((inbox) => {
    const topic = new URL(request.url).searchParams.get("topic");
    return { jobs: inbox.replayJobs(topic === null ? undefined : topicParam(topic)) };
  });
}

/** `GET /api/console/dlq/replays/{id}`: one replay job's progress. */
export function dlqReplayJobResponse(id: string): Promise<Response> {
  return answer((inbox) => inbox.replayJob(id));
}

/** `POST /api/console/dlq/replays/{id}/cancel`: stops a replay after its current batch. */
export function dlqCancelReplayResponse(id: string): Promise<Response> {
  return answer((inbox) => inbox.cancelReplay(id));
}
