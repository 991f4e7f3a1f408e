import { describe, expect, it } from "vitest";
import { RebalanceHistory } from "@/server/runtime/distributed/rebalance-history";

const W1 = "http://w1:8083";
const W2 = "http://w2:8083";
const configured = { connectors: ["src"], tasks: [{ connector: "src", task: 0 }, { connector: "src", task: 1 }] };

describe("RebalanceHistory", () => {
  it("records assignments, revocations for balance, and how long moved or orphaned work waited without a worker", () => {
    let now = 0;
    const history = new RebalanceHistory(50, () => now);
    history.record(1, [{ url: W1, work: configured }], configured);
    now = 5_000;
    history.record(2, [{ url: W1, work: { connectors: ["src"], tasks: [{ connector: "src", task: 0 }] } }, { url: W2, work: { connectors: [], tasks: [] } }], configured);
    now = 5_400;
    history.record(3, [{ url: W1, work: { connectors: ["src"], tasks: [{ connector: "src", task: 0 }] } }, { url: W2, work: { connectors: [], tasks: [{ connector: "src", task: 1 }] } }], configured);
    now = 20_000;
    history.record(4, [{ url: W1, work: { connectors: ["src"], tasks: [{ connector: "src", task: 0 }] } }], configured);
    now = 23_000;
    history.record(5, [{ url: W1, work: configured }], configured);
    now = 24_000;
    history.record(6, [{ url: W1, work: configured }], configured);

    const records = history.list();
    expect(records.map((record) => record.generation)).toEqual([5, 4, 3, 2, 1]);
    expect(records[4]!.moves).toEqual([
      { connector: "src", from: null, to: W1 },
      { connector: "src", task: 0, from: null, to: W1 },
      { connector: "src", task: 1, from: null, to: W1 },
    ]);
    expect(records[3]!.moves).toEqual([{ connector: "src", task: 1, from: W1, to: null }]);
    expect(records[2]!.moves).toEqual([{ connector: "src", task: 1, from: W1, to: W2, unassignedMs: 400 }]);
    expect(records[1]).toMatchObject({ workers: 1, moves: [{ connector: "src", task: 1, from: W2, to: null }] });
    expect(records[0]!.moves).toEqual([{ connector: "src", task: 1, from: W2, to: W1, unassignedMs: 3_000 }]);
  });
});
