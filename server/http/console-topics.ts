import { topicRecordQuerySchema } from "@/server/contracts/topics";
import type { TopicRecords } from "@/server/console/topics/topic-records";
import { readyTopicRecords } from "@/server/console/topics/topics-slot";
import { query, topicParam } from "@/server/http/console-params";
import { consoleErrorResponse } from "@/server/http/errors";

/**
 * The topic browser API (`/api/console/topics/**`): parse, call TopicRecords, answer JSON. Errors
 * are `{error_code, message, code, suggestion?}`: 400 `request.invalid` naming a bad parameter,
 * 404 `topic.not_found`, 503 before the runtime is ready.
 */
async function answer(work: (records: TopicRecords) => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await work(await readyTopicRecords()), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `GET /api/console/topics`: every topic of the cluster with its partitions and record count. */
export function topicsResponse(): Promise<Response> {
  return answer((records) => records.list());
}

/** `GET /api/console/topics/{topic}/records?start&partition&offset&time&q&format&limit&cursor`: one page of records. */
export function topicRecordsResponse(request: Request, topic: string): Promise<Response> {
  return answer((records) => records.records(topicParam(topic), query(request, topicRecordQuerySchema)));
}
