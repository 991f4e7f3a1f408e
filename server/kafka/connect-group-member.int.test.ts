/**
 * The worker group member on the real broker: members of a group with protocol type `connect`
 * join, the broker's leader assigns, and a member that joins or leaves makes everyone rebalance.
 * (A member that dies without leaving is covered by the distributed chaos test, with kill -9.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { eventually, kafkaBrokers, uniqueName } from "@/scripts/test/integration";
import { ConnectGroupMember } from "@/server/kafka/connect-group-member";
import type { GroupAssignmentResult, GroupMemberHandler } from "@/server/runtime/ports";

const members: ConnectGroupMember[] = [];
afterEach(async () => {
  await Promise.all(members.splice(0).map((member) => member.stop()));
});

/** A member whose metadata is its name; as leader it hands every member the sorted list of all members' names. */
function member(groupId: string, name: string) {
  const seen: Array<{ generation: number; leader: boolean; members: string[] }> = [];
  const group = new ConnectGroupMember({
    connection: { clientId: name, bootstrapBrokers: kafkaBrokers().split(",") },
    groupId,
    protocolType: "connect",
    sessionTimeoutMs: 10_000,
    heartbeatIntervalMs: 300,
    rebalanceTimeoutMs: 20_000,
    retryBackoffMs: 100,
  });
  const handler: GroupMemberHandler = {
    protocols: () => [{ name: "sessioned", metadata: Buffer.from(name) }],
    assign: async ({ members: joined }) => {
      const everyone = Buffer.from(joined.map((m) => m.metadata.toString()).sort().join(","));
      return new Map(joined.map((m) => [m.memberId, everyone]));
    },
    onAssigned: (result: GroupAssignmentResult) => seen.push({ generation: result.generation, leader: result.leaderId === result.memberId, members: result.assignment.toString().split(",") }),
    onFatal: (error) => {
      throw error;
    },
  };
  members.push(group);
  group.start(handler);
  return { group, seen, latest: () => seen[seen.length - 1] };
}

describe("ConnectGroupMember on the pinned broker", () => {
  it("joins a connect group, rebalances when a member joins and when one leaves, one leader per generation", async () => {
    const groupId = uniqueName("connect-group");
    const a = member(groupId, "a");
    await eventually(() => (a.latest()?.members.join() === "a" ? true : undefined), 60_000, "a alone");
    expect(a.latest()!.leader).toBe(true);

    const b = member(groupId, "b");
    await eventually(() => (a.latest()?.members.join() === "a,b" && b.latest()?.members.join() === "a,b" ? true : undefined), 60_000, "a and b together");
    expect(a.latest()!.generation).toBe(b.latest()!.generation);
    expect([a.latest()!.leader, b.latest()!.leader].filter(Boolean)).toHaveLength(1);

    await b.group.stop();
    await eventually(() => (a.latest()?.members.join() === "a" ? true : undefined), 60_000, "a alone again after b left");
    expect(a.latest()!.leader).toBe(true);
  });
});
