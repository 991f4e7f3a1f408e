/**
 * An in-process stand-in for a Kafka group coordinator, for the unit tests of distributed mode:
 * members join, rejoin, leave or vanish, and every change runs one rebalance (coalesced): the
 * first member to have joined leads and assigns, every member hears its assignment. Test-only module.
 */
import type { GroupMemberHandler, WorkerGroupMember } from "@/server/runtime/ports";

class FakeMember implements WorkerGroupMember {
  handler: GroupMemberHandler | undefined;

  constructor(
    readonly id: string,
    private readonly group: FakeGroup,
  ) {}

  start(handler: GroupMemberHandler): void {
    this.handler = handler;
    this.group.changed();
  }

  rejoin(): void {
    this.group.changed();
  }

  async stop(): Promise<void> {
    this.group.remove(this.id);
  }
}

/** A group of fake members; `generation` counts completed rebalances. */
export class FakeGroup {
  generation = 0;
  private readonly members = new Map<string, FakeMember>();
  private running: Promise<void> | undefined;
  private again = false;

  /** A new member (`id` is its member id); it joins when started. */
  member(id: string): WorkerGroupMember {
    const member = new FakeMember(id, this);
    this.members.set(id, member);
    return member;
  }

  /** The member disappears as a crashed process does: no LeaveGroup, its work just stops being its. */
  vanish(id: string): void {
    this.remove(id);
  }

  remove(id: string): void {
    this.members.delete(id);
    this.changed();
  }

  changed(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await new Promise((resolve) => setImmediate(resolve));
        await this.rebalance();
      } while (this.again);
      this.running = undefined;
    })();
  }

  /** Resolves once no rebalance is running or queued. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async rebalance(): Promise<void> {
    const active = [...this.members.values()].filter((member) => member.handler);
    if (active.length === 0) return;
    const generation = ++this.generation;
    const leader = active[0]!;
    const members = active.map((member) => ({ memberId: member.id, metadata: member.handler!.protocols()[0]!.metadata }));
    const assignments = await leader.handler!.assign({ protocol: "sessioned", generation, leaderId: leader.id, members });
    for (const member of active) {
      if (this.members.get(member.id) !== member) continue;
      member.handler!.onAssigned({ generation, memberId: member.id, leaderId: leader.id, protocol: "sessioned", assignment: assignments.get(member.id)! });
    }
  }
}
