import { describe, expect, it } from "vitest";
import { allToAllSeconds, type Fabric, membersPerDomain, p2pSeconds, ringCollectiveSeconds } from "../../src/physics/comm.ts";

const fabric: Fabric = {
  scaleUpBytesPerSecond: 360e9,
  scaleOutBytesPerSecond: 40e9,
  scaleUpLatencySeconds: 0,
  scaleOutLatencySeconds: 0,
  scaleUpDomainChips: 8,
};

describe("ring collectives", () => {
  it("moves 2(n−1)/n of the buffer per rank in an all-reduce inside the domain", () => {
    // 1 GB over 8 GPUs at 360 GB/s: 2 · 1e9 · 7/8 / 360e9
    expect(ringCollectiveSeconds(2, 1e9, 8, 8, fabric)).toBeCloseTo((2 * 1e9 * 7) / 8 / 360e9, 12);
  });

  it("moves (n−1)/n for reduce-scatter and all-gather", () => {
    expect(ringCollectiveSeconds(1, 1e9, 4, 4, fabric)).toBeCloseTo((1e9 * 3) / 4 / 360e9, 12);
  });

  it("splits across domains hierarchically: intra reduce-scatter, then the 1/local shard over the NICs", () => {
    // 16 ranks, 8 per domain: intra 1e9·7/8 / 360e9, inter (1e9/8)·(1/2) / 40e9
    const expected = (1e9 * 7) / 8 / 360e9 + 1e9 / 8 / 2 / 40e9;
    expect(ringCollectiveSeconds(1, 1e9, 16, 8, fabric)).toBeCloseTo(expected, 12);
  });

  it("adds α per ring step", () => {
    const withLatency = { ...fabric, scaleUpLatencySeconds: 1e-6 };
    expect(ringCollectiveSeconds(2, 0.0001, 8, 8, withLatency) - ringCollectiveSeconds(2, 0.0001, 8, 8, fabric)).toBeCloseTo(14e-6, 12);
  });

  it("costs nothing for one rank", () => {
    expect(ringCollectiveSeconds(2, 1e9, 1, 1, fabric)).toBe(0);
    expect(allToAllSeconds(1e9, 1, 1, fabric)).toBe(0);
  });
});

describe("placement", () => {
  it.each([
    [8, 1, 8, 8], // TP8 inside an HGX node
    [128, 8, 8, 1], // DP ranks strided by TP8: one per node
    [16, 2, 8, 4], // DP16 strided by TP2: 4 per node
    [4, 1, 72, 4], // small group inside an NVL72 rack
  ])("a group of %d with stride %d in a %d-chip domain has %d members per domain", (n, stride, domain, expected) => {
    expect(membersPerDomain(n, stride, domain)).toBe(expected);
  });

  it("sends point-to-point over the right link", () => {
    expect(p2pSeconds(40e9, true, fabric)).toBeCloseTo(1, 12);
    expect(p2pSeconds(360e9, false, fabric)).toBeCloseTo(1, 12);
  });
});
