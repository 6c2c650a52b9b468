import { describe, expect, it } from "vitest";
import { facilityDefaults } from "../../src/catalog/facility.ts";
import { chipById, chips, formatById, formats, getChip, getFormat, getNetwork, getSystem, networkById, networks, systems, validated } from "../../src/catalog/hardware.ts";
import { Chip, Network, NumberFormat, System, unsourcedFields } from "../../src/catalog/schema.ts";
import { InputError } from "../../src/errors.ts";

const designChipIds = [
  "a100-sxm-40gb",
  "a100-sxm-80gb",
  "h100-sxm",
  "h100-pcie",
  "h800-sxm",
  "h20",
  "h200-sxm",
  "b200",
  "b300",
  "gb200",
  "gb300",
  "mi250x",
  "mi300x",
  "mi325x",
  "mi355x",
  "tpu-v4",
  "tpu-v5e",
  "tpu-v5p",
  "tpu-v6e",
  "tpu-v7",
  "gaudi2",
  "gaudi3",
  "maia-100",
  "trainium2",
  "rtx-3090",
  "rtx-4090",
  "rtx-5090",
  "l40s",
  "l4",
  "rtx-6000-ada",
  "rtx-a6000",
  "a10g",
  "h100-nvl",
  "mi300a",
];

describe("chips", () => {
  it.each(designChipIds)("docs/contract.md chip id %s is in the catalog", (id) => {
    expect(chipById.get(id)?.id).toBe(id);
  });

  it("holds exactly the docs/contract.md chip ids", () => {
    // Beyond the contract's list: l40s (fine-tuning on one 48 GB card, issue 15) l4 and rtx-6000-ada, rtx-a6000, a10g, h100-nvl, mi300a (issue 14) are listed above.
    expect(chips.map((c) => c.id).sort()).toEqual([...designChipIds].sort());
  });

  it.each(chips.map((c) => [c.id, c] as const))("%s passes the schema and cites every number", (_id, chip) => {
    expect(Chip.safeParse(chip).success).toBe(true);
    expect(unsourcedFields(chip)).toEqual([]);
    expect(Object.keys(chip.sources)).not.toContain("*");
  });

  // Dense figures (catalog) vs the vendor's sparse headline (hardware-facts.json `sparse_tflops_as_published`), FLOP/s.
  it.each([
    ["h100-sxm", "bf16", 989.4e12, 1979e12],
    ["h100-sxm", "fp8", 1978.9e12, 3958e12],
    ["h100-pcie", "bf16", 756e12, 1513e12],
    ["h200-sxm", "fp8", 1979e12, 3958e12],
    ["a100-sxm-80gb", "bf16", 312e12, 624e12],
    ["b200", "bf16", 2.25e15, 4.5e15],
    ["b200", "fp4", 9e15, 18e15],
    ["b300", "fp4", 13.5e15, 18e15],
    ["gb200", "bf16", 2.5e15, 5e15],
    ["gb200", "fp4", 10e15, 20e15],
    ["gb300", "fp4", 15e15, 20e15],
    ["mi300x", "bf16", 1307.4e12, 2614.9e12],
    ["mi300x", "fp8", 2614.9e12, 5229.8e12],
    ["mi355x", "fp8", 5e15, 10.1e15],
    ["trainium2", "bf16", 667e12, 2563e12],
    ["rtx-4090", "bf16", 165.2e12, 330.4e12],
    ["rtx-4090", "fp8", 330.3e12, 660.6e12],
    ["rtx-3090", "bf16", 71e12, 142e12],
    ["rtx-5090", "fp4", 1676e12, 3352e12],
  ] as const)("%s %s is dense (%d) and at most the sparse headline", (id, format, dense, sparse) => {
    const value = getChip(id).denseFlopsPerSecond[format];
    expect(value).toBeCloseTo(dense, -9);
    expect(value).toBeLessThanOrEqual(sparse);
  });

  it.each([
    ["h100-sxm", 80e9, 3.35e12, 700, 450e9, 8],
    ["b200", 180e9, 8e12, 1000, 900e9, 8],
    ["gb200", 186e9, 8e12, 1200, 900e9, 72],
    ["mi300x", 192e9, 5.3e12, 750, 448e9, 8],
    ["tpu-v5p", 95 * 2 ** 30, 2.765e12, 320, 600e9, 8960],
    ["gaudi3", 128e9, 3.7e12, 900, 525e9, 8],
    ["rtx-4090", 24e9, 1008e9, 450, 31.5e9, 1],
  ] as const)("%s: memory, bandwidth, TDP, scale-up per direction, domain", (id, mem, bw, tdp, up, domain) => {
    const chip = getChip(id);
    expect(chip.memoryBytes).toBe(mem);
    expect(chip.memoryBytesPerSecond).toBe(bw);
    expect(chip.tdpWatts).toBe(tdp);
    expect(chip.scaleUpBytesPerSecond).toBe(up);
    expect(chip.scaleUpDomainChips).toBe(domain);
  });

  it.each([
    ["tpu-v5e", "tdpWatts"],
    ["tpu-v5p", "tdpWatts"],
    ["tpu-v6e", "tdpWatts"],
    ["tpu-v7", "tdpWatts"],
    ["trainium2", "tdpWatts"],
    ["h100-sxm", "purchaseUsd"],
    ["mi300x", "scaleOutBytesPerSecond"],
  ] as const)("%s %s is not vendor-published and says how it was estimated", (id, field) => {
    expect(getChip(id).sources[field]?.estimate?.length ?? 0).toBeGreaterThan(30);
  });

  it("consumer cards are inference-only PCIe cards with a one-card scale-up domain", () => {
    for (const id of ["rtx-3090", "rtx-4090", "rtx-5090"]) {
      const chip = getChip(id);
      expect([chip.use, chip.scaleUpDomainChips]).toEqual(["inference", 1]);
    }
  });
});

describe("systems and networks", () => {
  it.each(systems.map((s) => [s.id, s] as const))("system %s is valid and its ids resolve", (_id, system) => {
    expect(System.safeParse(system).success).toBe(true);
    expect(unsourcedFields(system)).toEqual([]);
    expect(chipById.has(system.chipId)).toBe(true);
    expect(networkById.get(system.scaleUpNetworkId)?.kind).toBe("scale-up");
    expect(networkById.get(system.scaleOutNetworkId)?.kind).toBe("scale-out");
    expect(system.scaleUpDomainChips).toBeLessThanOrEqual(system.chipsPerSystem);
  });

  it.each([
    ["hgx-a100-8", 6_500, 412.5],
    ["hgx-h100-8", 10_200, 575],
    ["hgx-b200-8", 14_300, 787.5],
    ["gb300-nvl72", 135_000, 475],
  ] as const)("%s: system power %d W leaves %d W of host overhead per chip", (id, power, overhead) => {
    const system = getSystem(id);
    expect(system.systemPowerWatts).toBe(power);
    expect(system.hostOverheadWattsPerChip).toBeCloseTo(overhead, 6);
  });

  it.each(networks.map((n) => [n.id, n] as const))("network %s is valid and cited", (_id, network) => {
    expect(Network.safeParse(network).success).toBe(true);
    expect(unsourcedFields(network)).toEqual([]);
    expect(network.switchLatencySeconds).toBeLessThan(network.latencySeconds);
  });

  it.each([
    ["nvlink4", 25e9],
    ["nvlink5", 50e9],
    ["ib-ndr-400", 50e9],
    ["ib-xdr-800", 100e9],
    ["pcie5", 63e9],
  ] as const)("%s carries %d bytes/s per link per direction", (id, rate) => {
    expect(getNetwork(id).linkBytesPerSecond).toBe(rate);
  });
});

describe("formats and facility", () => {
  it.each([
    ["fp32", 4, "fp32"],
    ["tf32", 4, "tf32"],
    ["bf16", 2, "bf16"],
    ["fp16", 2, "fp16"],
    ["fp8", 1, "fp8"],
    ["fp6", 0.75, "fp6"],
    ["fp4", 0.5625, "fp4"],
    ["int8", 1, "int8"],
    ["int4", 0.515625, "bf16"],
  ] as const)("%s stores %d bytes per value and computes as %s", (id, bytes, computeAs) => {
    const format = getFormat(id);
    expect(NumberFormat.safeParse(format).success).toBe(true);
    expect(unsourcedFields(format)).toEqual([]);
    expect([format.bytesPerValue, format.computeAs]).toEqual([bytes, computeAs]);
  });

  it("has one entry per format id", () => {
    expect(formats.map((f) => f.id)).toEqual([...formatById.keys()]);
    expect(formats).toHaveLength(9);
  });

  it("facility defaults are sourced", () => {
    expect(facilityDefaults.powerUsageEffectiveness).toBe(1.3);
    expect(facilityDefaults.powerUsageEffectivenessIndustryAverage).toBe(1.56);
    expect(facilityDefaults.depreciationYearsRange).toEqual({ low: 4, high: 6 });
    expect(unsourcedFields(facilityDefaults as Record<string, unknown>)).toEqual([]);
  });
});

describe("lookups and validation errors", () => {
  it("getChip('h100') throws an InputError suggesting h100-sxm", () => {
    expect(() => getChip("h100")).toThrow(InputError);
    expect(() => getChip("h100")).toThrow(/hardware\.chip = "h100": expected a known chip id \(did you mean: .*h100-sxm/);
  });

  it.each([
    [() => getSystem("dgx-h100"), /hardware\.system = "dgx-h100"/],
    [() => getNetwork("nvlink"), /did you mean: .*nvlink/],
    [() => getFormat("fp9", "precision.weights"), /precision\.weights = "fp9"/],
  ])("unknown ids name the field (%#)", (call, message) => {
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });

  const h100 = getChip("h100-sxm");
  it.each([
    [{ ...h100, tdpWatts: -1 }, /catalog chip "h100-sxm": field tdpWatts/],
    [{ ...h100, sources: { ...h100.sources, tdpWatts: undefined } }, /catalog chip "h100-sxm": field sources\.tdpWatts/],
    [{ ...h100, sources: {} }, /catalog chip "h100-sxm": unsourced fields releaseYear, memoryBytes/],
    [{ ...h100, denseFlopsPerSecond: { bf16: 1, fp64: 1 } }, /field denseFlopsPerSecond/],
  ])("a bad entry fails loudly, naming entry and field (%#)", (entry, message) => {
    expect(() => validated("chip", Chip, [entry])).toThrow(message);
  });

  it("rejects duplicate ids", () => {
    expect(() => validated("chip", Chip, [h100, h100])).toThrow(/"h100-sxm": duplicate id/);
  });
});
