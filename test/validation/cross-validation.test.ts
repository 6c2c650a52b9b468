import { describe, expect, it } from "vitest";
import { catalogParameters, meanAbsLogError, priorParameters, refitShared, resolveRefitRow, retime } from "../../src/planners/refit.ts";
import { planTrain } from "../../src/planners/train.ts";
import { runTrainingCrossValidation, snapshotIsCurrent, trainingCrossValidation } from "../../src/validation/cross-validation.ts";
import { trainingCases } from "../../src/validation/training-cases.ts";
import { readFileSync } from "node:fs";
import { snapshotPath, snapshotText } from "../../scripts/cv-snapshot.ts";

/** The leave-one-source-out MAPE reached when the backtest last grew (docs/model.md §Cross-validation). Raise it only with a reason. */
const CROSS_VALIDATED_MAPE_BAR = 0.124; // 12.3% with the stack's expert GEMM launches (AutoModel's grouped_gemm pays no per-expert cost: held out 13.7% → 10.7%); 12.4% over 206 rows with NeMo AutoModel's table on its own stack (4 rows held out 13.7%; the other folds move 12.2% → 12.4%, dense 9.7% → 10.0% with no dense row changed); 12.2% over 202 rows with four NeMo performance-summary families (24.07 completed: 12 rows held out 7.6%; 25.02 B200 15.7%, 25.04 GB200 17.6%, 25.07 GB200 20.7%: NVIDIA's early-2025 Blackwell software ran the same plans slower than its later releases, e.g. Llama 3 8B on 8 B200 at 26,006 tok/s in 25.02 against 29,994 in 25.09; the 25.07 table's parenthesised Llama 3 70B layout +62%); 11.7% over 168 rows 11.7% with eight refit starts (sixteenth midpoints; four gave 11.9%, sixteen 11.8%: the folds' optimum has settled); 11.9% over 168 rows with the skill card's Qwen3-30B H100 BF16 EP-overlap A/B (held out −23% / −30%; their family moves the other folds: 26.04.01 10.8% → 12.2%, NeMo long-sequence 1.7% → 5.7%); 11.5% with the 26.06 recipes' mla_up_proj too (DeepSeek-V3 GB200/B300, Kimi K2); 11.6% with the 26.04.01 recipes' recompute modules (Megatron-Core --recompute-modules: GPT-OSS layernorm + moe_act recomputes less than the elementwise policy, so those rows run faster and miss more: GB200 +43% → +46% held out; DeepSeek-V3 mla_up_proj / mlp); 11.5% 11.5% over 166 rows: the rest of the 25.09 table joined unfitted (13 rows held out 15.2%: the older releases run slower than danlu's current stack on the same plans, e.g. Qwen3-235B on 256 H100 at 1,204 tok/s in 25.09 against 1,575 in 25.11 and 1,712 in 26.04.01, +41% held out; the refit unchanged); 11.2% over 153 rows: the rest of the 25.11 table joined unfitted (12 rows held out 16.2%: GPT-OSS B200 EP8 GBS 512 +73%, Qwen3-30B B200 MBS 1 +48%, the seven dense −5…+11%; the refit unchanged); 10.9% with torchtitan's op-level selective recompute (torchtitan held out 12.3% -> 8.2%); 11.3% with the per-MoE-layer host cost split into a fixed part and one per local expert (both refit per fold); 11.6% with fine-grained offload (dense folds 8.3% → 8.8% as the refits move, MoE 14.9% → 14.5%); 11.6% over 141 rows with PaLM on its own 2022 stack (pathways-2022: TP collectives on the critical path, unfused attention; the TPU grid capped at the burst 0.8), MaxText 22.6% -> 12.5%, PaLM 31.3% -> 4.1% held out; 12.2% over 141 rows with attention kernels at their measured rates (the two fitted attention knobs removed) and the catalog refit on them; 12.9% with five refit starts (the octile midpoints: fold noise across three commits 0.35 -> 0.15 points), partial activation offload, quantized saved inputs, the softmax exponential bound and the dense 26.04.01/25.11 recipes' recompute (13.3% at three starts); 13.7% over 141 rows with the 26.04.01 MoE rows' recipe options; 14.1% with the mamf table as cited; 14.0% with the SM share of overlapped data-parallel collectives; 14.2% with per-chip mamf maxima, three refit starts and the catalog refit on them; 15.0% over 141 rows: the 8 Megatron-Bridge 26.08 rows joined unfitted (held out 14.0%) and moved the other folds (the same 133 rows 14.1% → 15.1%: NeMo long-sequence 3.3% → 19.5%, model zoo 16.8% → 19.8%); 14.1% over 133 rows with the fp4 GEMM efficiency fitted on the six NVFP4 rows (held out +20…+40% → −8…+11%); 15.9% over 133 rows: 34 Megatron-Bridge 26.04.01 rows joined unfitted (held out 17.5%) with the deduplicating MoE dispatcher (16.4% over the same 133 rows without it; the 99 earlier rows 15.4%); 14.6% over 99 rows with the first AMD row (MLPerf v5.1, 8 × MI355X; held out −12.4%); 14.4% over 98: two PP16 × VP8 Llama 405B rows admitted by the embedding/loss pipeline split; 15.1% over 96 with the 26.06 recipes' fp8 attention; 15.9% with the 26.06 recipes' full-iteration CUDA graphs (15.6% without; 15.5% over 82 with the flash3 attention kernels, 19.5% before them)
/** The same for the MoE rows alone (15.8% over 70 rows with five refit starts, 16.6% at three starts with no MoE row changed; 16.0% over 70 rows with the 26.04.01 recipe options; 17.1% over 70 rows with per-chip maxima and three refit starts; 18.2% over 70 rows with the 26.08 rows; 17.7% over 62 rows with the fp4 refit: the folds move; 18.9% over 62 rows with the 26.04.01 rows and the deduplicating dispatcher, 20.5% without it; 17.7% over 42 rows once the two dense rows shifted the folds; 19.3% with fp8 attention; 20.2% without; 21.8% without the CUDA graphs; 21.5% over 31 with the flash3 kernels, 26.2% before them). */
const MOE_CROSS_VALIDATED_MAPE_BAR = 0.153; // 15.3% with the stacks' expert GEMM launches; 15.2% over 94 rows with NeMo AutoModel's DeepSeek-V3, Kimi K2 and Qwen3-30B-A3B rows; 15.4% over 90 rows with the NeMo 25.x Mixtral and Llama 4 Scout rows (Mixtral 8x22B at 64k tokens +22…+40% held out); 15.5% with eight refit starts; 15.4% over 84 rows with the skill card's pair; 15.3% over 82 rows with the seven MoE rows of the rest of the 25.09 table; 15.0% over 75 rows with the five MoE rows of the rest of the 25.11 table; 13.8% with the per-local-expert launch cost (Qwen3-30B at EP8 holds 16 experts a rank, Qwen3-235B and GPT-OSS at EP32/64 hold 2-4); 14.5% with the model zoo's GB200 MXFP8 row offloading only expert_fc1 and moe_act (fine-grained offload; held out −31% → −1%); 14.9% with PaLM's stack (the folds' shared fit moves); 15.1% with the measured attention rates; 15.8% before

describe("leave-one-source-out cross-validation of the training backtest", () => {
  const cv = runTrainingCrossValidation();

  it(`keeps the cross-validated MAPE at or below ${CROSS_VALIDATED_MAPE_BAR * 100}%`, () => {
    expect(cv.rows.length).toBe(trainingCases.filter((c) => c.kind === "throughput").length);
    expect(cv.crossValidatedMape).toBeLessThanOrEqual(CROSS_VALIDATED_MAPE_BAR);
  });

  it("the web planner's snapshot (src/validation/data/training-cross-validation.json) is what the folds give now (npx tsx scripts/cv-snapshot.ts)", () => {
    expect(readFileSync(snapshotPath, "utf8")).toBe(snapshotText());
  });

  it("the faces read the snapshot only while it reproduces every row's in-sample prediction, and refit otherwise", () => {
    const stored = JSON.parse(readFileSync(snapshotPath, "utf8"));
    expect(snapshotIsCurrent(stored)).toBe(true);
    expect(trainingCrossValidation().computed).toBe("snapshot");
    // One row's in-sample prediction off by a part in a million (a catalog or physics change would move it): stale.
    const moved = { ...stored, rows: stored.rows.map((r: { inSample: number }, i: number) => (i === 7 ? { ...r, inSample: r.inSample * (1 + 1e-6) } : r)) };
    expect(snapshotIsCurrent(moved)).toBe(false);
    // A row fewer (the backtest grew since): stale.
    expect(snapshotIsCurrent({ ...stored, rows: stored.rows.slice(1) })).toBe(false);
    // --refit runs the folds: the same figures.
    const refit = trainingCrossValidation({ refit: true });
    expect(refit.computed).toBe("refit");
    expect(refit.crossValidatedMape).toBe(stored.crossValidatedMape);
  });

  it(`keeps the MoE rows' cross-validated MAPE at or below ${MOE_CROSS_VALIDATED_MAPE_BAR * 100}%`, () => {
    expect(cv.moe.rows).toBeGreaterThanOrEqual(70);
    expect(cv.moe.crossValidatedMape).toBeLessThanOrEqual(MOE_CROSS_VALIDATED_MAPE_BAR);
  });

  it("starts every fold from fixed values, not from the catalog's fit on all rows (which would leak the left-out family)", () => {
    const p = priorParameters();
    expect({ ...p, tpu: 0 }).toEqual({
      ampere: 0.6,
      hopper: 0.55,
      hopper8: 0.5,
      tpu: 0,
      halfEfficiencyDim: 128,
      tensorParallelExposed: 0.5,
      microBatchOverheadSeconds: 0,
      expertParallelExposed: 0.5,
      moeLayerOverheadSeconds: 1e-3,
      moeExpertOverheadSeconds: 0,
      groupedHalfEfficiencyDim: 256,
      syncJitter: 0,
      fp4Relative: 1,
    });
    // The TPU start is the GPU analogy at those values, independent of the catalog's GPU fit.
    expect(p.tpu).toBeGreaterThan(0.5);
    expect(p.tpu).toBeLessThan(0.95);
    expect(p).not.toEqual(catalogParameters());
  });

  it("predicts every row exactly once, from a fold that left its family out", () => {
    const ids = cv.rows.map((r) => r.rowId);
    expect(new Set(ids).size).toBe(ids.length);
    const families = new Set(trainingCases.map((c) => c.sourceFamily));
    expect(cv.families.map((f) => f.sourceFamily).sort()).toEqual([...families].sort());
    expect(cv.families.reduce((a, f) => a + f.rows, 0)).toBe(cv.rows.length);
  });

  it("re-times a run under the catalog values exactly as the planner prices it", () => {
    const c = trainingCases[0];
    const row = resolveRefitRow(c.scenario, c.published);
    expect(retime(row, catalogParameters())).toBeCloseTo(planTrain(c.scenario).tokensPerSecondPerChip, 6);
  });

  it("the in-sample error is that of the catalog values (what `danlu validate` prints per row)", () => {
    for (const r of cv.rows) expect(r.inSampleError).toBeCloseTo((r.inSample - r.published) / r.published, 12);
  });

  it("a refit never raises the objective on the rows it was fitted on", () => {
    const rows = trainingCases.slice(0, 8).map((c) => resolveRefitRow(c.scenario, c.published));
    const start = catalogParameters();
    const fit = refitShared(rows, start);
    expect(fit.objective).toBeLessThanOrEqual(meanAbsLogError(rows, start));
  });

  it("a fold's error on its own family is never below what the refit can reach in-sample by more than rounding (sanity of the folds)", () => {
    // Cross-validated predictions come from parameters fitted without the family, so on average they are no better than in-sample.
    expect(cv.crossValidatedMape).toBeGreaterThanOrEqual(cv.inSampleMape - 0.005);
  });
});

describe("MoE parallel folding (expert grid ETP·EP·EDP over attention's TP·DP·CP)", () => {
  const published = {
    model: "qwen3-235b-a22b",
    hardware: { chip: "h100-sxm", count: 256 },
    precision: "fp8" as const,
    training: { tokens: 1e12, sequenceLength: 4096, globalBatchTokens: 8388608 },
    parallelism: { tp: 2, pp: 8, dp: 16, cp: 1, ep: 32, virtualStages: 4, microBatchSize: 1, zeroStage: 1 as const },
  };

  it("plans the published Qwen3-235B plan with EP 32 > dp·cp = 16 instead of refusing it", () => {
    const r = planTrain(published);
    expect(r.parallelism.ep).toBe(32);
    expect(r.communicationSeconds.expertParallel).toBeGreaterThan(0);
    expect(Number.isFinite(r.tokensPerSecondPerChip)).toBe(true);
  });

  it("folded, the experts are not split by TP, so TP 2 halves only the dense weights", () => {
    const folded = planTrain(published).memoryBreakdownBytes;
    const unfolded = planTrain({ ...published, parallelism: { ...published.parallelism, tp: 1, dp: 32 } }).memoryBreakdownBytes;
    // Same EP and PP, ETP 1 in both: the expert weights per chip are the same, the dense ones halve with TP 2.
    // Routed experts: 227.1B / (pp 8 · ep 32) ≈ 0.887B parameters per chip in both plans.
    expect(folded.weightsBytes).toBeLessThan(unfolded.weightsBytes);
    // fp8 training keeps 3 bytes per weight (bf16 + cached fp8 copy): the experts alone take ≈ 2.66 GB per chip.
    expect(folded.weightsBytes).toBeGreaterThan((227.1e9 / (8 * 32)) * 3);
  });

  it("states the expert grid in the answer (etp), and keeps it when the plan is replayed on twice the chips", () => {
    const r = planTrain(published);
    expect(r.parallelism.etp).toBe(1); // folded: ep 32 does not divide dp·cp 16
    // Doubling dp to 32 would let ep divide dp·cp; with etp stated the experts stay unsplit, so the larger
    // cluster is at most twice as fast (before etp was stated it switched to ETP 2 and ran 2.4x faster).
    const doubled = planTrain({ ...published, hardware: { chip: "h100-sxm", count: 512 }, parallelism: { ...r.parallelism, dp: 32 } });
    expect(doubled.parallelism.etp).toBe(1);
    expect(doubled.stepTimeSeconds).toBeGreaterThanOrEqual(r.stepTimeSeconds / 2);
    const split = planTrain({ ...published, hardware: { chip: "h100-sxm", count: 512 }, parallelism: { ...r.parallelism, dp: 32, etp: 2 } });
    expect(split.memoryBreakdownBytes.weightsBytes).toBeLessThan(doubled.memoryBreakdownBytes.weightsBytes);
  });

  it("refuses an etp other than 1 or tp, and etp = tp when ep does not divide dp·cp", () => {
    expect(() => planTrain({ ...published, parallelism: { ...published.parallelism, etp: 4 } })).toThrow(/parallelism\.etp.*1 or tp = 2/s);
    expect(() => planTrain({ ...published, parallelism: { ...published.parallelism, etp: 2 } })).toThrow(/1 when ep = 32 does not divide dp·cp = 16/);
  });

  it("still refuses an EP that does not divide tp·dp·cp", () => {
    expect(() => planTrain({ ...published, parallelism: { ...published.parallelism, ep: 128, tp: 2, dp: 16, pp: 8 } })).toThrow(/tp·dp·cp/);
  });
});
