import { describe, expect, it } from "vitest";
import type { ConnectorsAndTasks } from "@/server/runtime/distributed/connect-protocol";
import { IncrementalCooperativeAssignor, type GenerationPlan, type MemberWork } from "@/server/runtime/distributed/incremental-assignor";

/** Connectors `names`, each with `tasks` tasks. */
function configured(names: string[], tasks: number): ConnectorsAndTasks {
  return { connectors: names, tasks: names.flatMap((connector) => Array.from({ length: tasks }, (_, task) => ({ connector, task }))) };
}

/** Every member's running work after it applied `plan` (kept work minus revoked plus assigned). */
function apply(members: MemberWork[], plan: GenerationPlan): MemberWork[] {
  return members.map(({ memberId, running }) => {
    const { assigned, revoked } = plan.assignments.get(memberId)!;
    const keep = (work: ConnectorsAndTasks) => ({
      connectors: work.connectors.filter((c) => !revoked.connectors.includes(c)),
      tasks: work.tasks.filter((t) => !revoked.tasks.some((r) => r.connector === t.connector && r.task === t.task)),
    });
    const kept = keep(running);
    return { memberId, running: { connectors: [...kept.connectors, ...assigned.connectors], tasks: [...kept.tasks, ...assigned.tasks] } };
  });
}

const idle = (memberId: string): MemberWork => ({ memberId, running: { connectors: [], tasks: [] } });
const counts = (members: MemberWork[]) => members.map((m) => [m.running.connectors.length, m.running.tasks.length]);
const allTasks = (members: MemberWork[]) => members.flatMap((m) => m.running.tasks.map((t) => `${t.connector}-${t.task}`)).sort();

describe("the incremental cooperative assignor", () => {
  it("spreads new connectors and tasks evenly over the members, each piece of work on exactly one", () => {
    const assignor = new IncrementalCooperativeAssignor(0);
    const work = configured(["a", "b", "c"], 3);
    const members = apply([idle("w1"), idle("w2"), idle("w3")], assignor.assign([idle("w1"), idle("w2"), idle("w3")], work));
    expect(counts(members)).toEqual([[1, 3], [1, 3], [1, 3]]);
    expect(allTasks(members)).toEqual(work.tasks.map((t) => `${t.connector}-${t.task}`).sort());
  });

  it("leaves running work where it is when a connector is added, and gives the new work to the least loaded", () => {
    const assignor = new IncrementalCooperativeAssignor(0);
    let members = apply([idle("w1"), idle("w2")], assignor.assign([idle("w1"), idle("w2")], configured(["a"], 2)));
    const before = JSON.stringify(members);
    const plan = assignor.assign(members, configured(["a", "b"], 2));
    for (const { revoked } of plan.assignments.values()) expect(revoked).toEqual({ connectors: [], tasks: [] });
    members = apply(members, plan);
    expect(JSON.parse(before).every((m: MemberWork, i: number) => m.running.tasks.every((t) => members[i]!.running.tasks.some((u) => u.connector === t.connector && u.task === t.task)))).toBe(true);
    expect(counts(members)).toEqual([[1, 2], [1, 2]]);
  });

  it("revokes deleted work and work two members run, keeping it on one", () => {
    const assignor = new IncrementalCooperativeAssignor(0);
    const w1 = { memberId: "w1", running: { connectors: ["a", "gone"], tasks: [{ connector: "a", task: 0 }] } };
    const w2 = { memberId: "w2", running: { connectors: ["a"], tasks: [{ connector: "a", task: 0 }, { connector: "gone", task: 0 }] } };
    const plan = assignor.assign([w1, w2], configured(["a"], 1));
    expect(plan.assignments.get("w1")!.revoked).toEqual({ connectors: ["gone"], tasks: [] });
    expect(plan.assignments.get("w2")!.revoked).toEqual({ connectors: ["a"], tasks: [{ connector: "a", task: 0 }, { connector: "gone", task: 0 }] });
  });

  it("holds a departed member's work back for the delay, also when a member joins meanwhile, then spreads it over the members", () => {
    let now = 0;
    const assignor = new IncrementalCooperativeAssignor(3000, () => now);
    let members = apply([idle("w1"), idle("w2")], assignor.assign([idle("w1"), idle("w2")], configured(["a", "b"], 2)));
    const survivor = members.find((m) => m.memberId === "w1")!;

    now = 1000;
    const held = assignor.assign([survivor], configured(["a", "b"], 2));
    expect(held.delayMs).toBe(3000);
    expect(held.assignments.get("w1")!.assigned).toEqual({ connectors: [], tasks: [] });

    now = 2500;
    const returning = assignor.assign([survivor, idle("w3")], configured(["a", "b"], 2));
    expect(returning.delayMs).toBe(1500);
    expect(returning.assignments.get("w3")!.assigned).toEqual({ connectors: [], tasks: [] });

    now = 4100;
    members = apply([survivor, idle("w3")], assignor.assign([survivor, idle("w3")], configured(["a", "b"], 2)));
    expect(counts(members)).toEqual([[1, 2], [1, 2]]);
    expect(allTasks(members)).toEqual(["a-0", "a-1", "b-0", "b-1"]);
  });

  it("gives a departed member's work out at once when there is no delay", () => {
    const assignor = new IncrementalCooperativeAssignor(0);
    const members = apply([idle("w1"), idle("w2")], assignor.assign([idle("w1"), idle("w2")], configured(["a", "b"], 2)));
    const plan = assignor.assign([members[0]!], configured(["a", "b"], 2));
    expect(plan.delayMs).toBe(0);
    expect(counts(apply([members[0]!], plan))).toEqual([[2, 4]]);
  });

  it("balances a joining member by revoking the excess first and giving it out only in the next generation", () => {
    const assignor = new IncrementalCooperativeAssignor(0);
    let members = apply([idle("w1")], assignor.assign([idle("w1")], configured(["a", "b"], 3)));
    members = [...members, idle("w2")];
    const first = assignor.assign(members, configured(["a", "b"], 3));
    expect(first.assignments.get("w2")!.assigned).toEqual({ connectors: [], tasks: [] });
    const revoked = first.assignments.get("w1")!.revoked;
    expect(revoked.connectors.length + revoked.tasks.length).toBeGreaterThan(0);
    members = apply(members, first);
    const second = assignor.assign(members, configured(["a", "b"], 3));
    members = apply(members, second);
    expect(counts(members)).toEqual([[1, 3], [1, 3]]);
    expect(allTasks(members)).toEqual(["a-0", "a-1", "a-2", "b-0", "b-1", "b-2"]);
  });
});
