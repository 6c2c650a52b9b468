/**
 * The finetune planner: can this model be fine-tuned on these chips, and how long and how much for a token
 * budget. Full, LoRA and QLoRA share the training physics (src/physics/train.ts) through the per-parameter
 * state bytes and the trainable share that src/scenario/finetune.ts derives; on top come what the training
 * physics does not see: the LoRA adapter GEMMs (forward, recompute, dgrad + wgrad) and QLoRA's dequantisation
 * of each 4-bit weight into bf16 before every GEMM pass.
 * @module
 */
import { dequantWriteBytesPerWeight, nf4BytesPerWeight } from "../catalog/finetune.ts";
import { gemmSeconds, streamSeconds } from "../physics/compute.ts";
import { memoryShortfall } from "../physics/memory.ts";
import type { ParallelPlan } from "../physics/plan.ts";
import { simulateTrain } from "../physics/train.ts";
import { moeLayers } from "../physics/workload.ts";
import { projectionShapes, type ResolvedFinetune, resolveFinetuneScenario } from "../scenario/finetune.ts";

export { FinetuneScenario, type FinetuneScenarioInput, loraParameters, resolveFinetuneScenario } from "../scenario/finetune.ts";

export interface FinetuneMemoryBreakdown {
  /** The frozen (or trained, for full) base weights: bf16, or NF4 + constants for QLoRA. */
  baseWeightsBytes: number;
  /** LoRA A and B in bf16. */
  adapterWeightsBytes: number;
  gradientsBytes: number;
  /** Optimizer states and fp32 masters on the chip (0 when paged to host). */
  optimizerBytes: number;
  activationsBytes: number;
  /** QLoRA: one linear dequantised to bf16 at a time. */
  dequantizationBytes: number;
  /** Logits and loss buffers; ZeRO-3 gathered layers. */
  buffersBytes: number;
  runtimeReserveBytes: number;
  totalBytes: number;
}

export interface FinetuneResult {
  model: string;
  chip: string;
  chipCount: number;
  method: "full" | "lora" | "qlora";
  optimizer: string;
  fits: boolean;
  reason?: string;
  parallelism: ParallelPlan;
  memoryPerChipBytes: number;
  memoryCapacityBytes: number;
  memoryBreakdownBytes: FinetuneMemoryBreakdown;
  /** Optimizer states a paged optimizer may keep in host RAM (not counted on the chip). */
  hostOptimizerBytes: number;
  totalParameters: number;
  trainableParameters: number;
  /** trainableParameters / totalParameters (LoRA: adapters over the base). */
  trainableFraction: number;
  adapterParameters: number;
  loraTargets?: readonly string[];
  stepTimeSeconds: number;
  breakdownSeconds: { compute: number; adapters: number; dequantization: number; exposedCommunication: number; other: number };
  /** Tokens per step (all chips, padding included). */
  tokensPerStep: number;
  tokensPerSecond: number;
  tokensPerSecondPerChip: number;
  /** Real (non-padding) tokens per second. */
  usefulTokensPerSecond: number;
  mfu: number;
  wallClockDays: number;
  chipHours: number;
  energyMegawattHours: number;
  costUsd?: number;
}

/** Seconds of the LoRA adapter GEMMs per micro-batch: A (in→r) and B (r→out) per adapted matrix. */
function adapterSeconds(r: ResolvedFinetune): number {
  if (r.params.adapters === 0) return 0;
  const { job, plan, scenario, targets } = r;
  const arch = job.arch;
  const rank = scenario.lora.rank;
  const tokens = plan.microBatchSize * job.sequenceLength;
  const rates = job.hardware.rates;
  const sparse = moeLayers(arch);
  const layer = (width: number, mlpTokens: number) => {
    const shapes = projectionShapes(arch, width);
    let s = 0;
    for (const t of targets) {
      const mlp = t === "gate_proj" || t === "up_proj" || t === "down_proj";
      if (t === "gate_proj" && !arch.gatedMlp) continue;
      const [i, o] = shapes[t];
      const m = mlp ? mlpTokens : tokens;
      s += gemmSeconds(m, rank, i, rates) + gemmSeconds(m, o, rank, rates);
    }
    return s;
  };
  const moe = arch.moe;
  const forward =
    (arch.numLayers - sparse) * layer(arch.intermediateSize, tokens) + (moe && sparse > 0 ? sparse * layer(moe.expertIntermediateSize, tokens * moe.expertsPerToken) : 0);
  // Forward, the recompute forward under checkpointing, then dgrad and wgrad of A and B (2× forward).
  const passes = 3 + (plan.recompute === "full" ? 1 : 0);
  return passes * forward;
}

/** Seconds per micro-batch to dequantise every NF4 weight before each GEMM pass (forward, recompute, dgrad). */
function dequantSeconds(r: ResolvedFinetune): number {
  if (r.params.quantized === 0) return 0;
  const passes = 2 + (r.plan.recompute === "full" ? 1 : 0);
  const bytes = r.params.quantized * (nf4BytesPerWeight(r.scenario.doubleQuant) + dequantWriteBytesPerWeight.value);
  return passes * streamSeconds(bytes, r.job.hardware.rates);
}

/** Extra bytes per logit of an unfused loss: a bf16 logits copy (2) and the fp32 log-softmax (4). */
const unfusedLossBytesPerLogit = 6;

function trainedShareOf(r: ResolvedFinetune): number {
  return (r.params.trainableBase + r.params.adapters) / r.params.total;
}

/** Plan a fine-tuning run. Throws InputError on bad input. */
export function planFinetune(input: unknown): FinetuneResult {
  const r = resolveFinetuneScenario(input);
  const { job, plan, params, scenario } = r;
  const trained = params.trainableBase + params.adapters;
  const sim = simulateTrain(job, plan);
  const m = sim.memoryBreakdownBytes;
  // The stored weights split between base and adapters in proportion to their bytes per base parameter.
  const baseWeightsBytes = m.weightsBytes * (r.bytes.baseWeight / job.weightBytesPerParameter);
  const adapterWeightsBytes = m.weightsBytes - baseWeightsBytes;
  const dequantizationBytes = params.quantized > 0 ? params.largestLinear * 2 : 0;
  // Optimizer in backward: only one layer's gradients exist at a time.
  const arch = job.arch;
  const gradientsBytes = scenario.optimizerInBackward ? ((trainedShareOf(r) * params.total) / arch.numLayers) * r.bytes.gradient : m.gradientsBytes;
  const lossBytes = scenario.unfusedLoss ? plan.microBatchSize * job.sequenceLength * arch.vocabSize * unfusedLossBytesPerLogit : 0;
  const buffersBytes = m.buffersBytes + lossBytes;
  const totalBytes = m.totalBytes - m.gradientsBytes + gradientsBytes + lossBytes + dequantizationBytes;
  const optimizerShards = plan.zeroStage >= 1 ? plan.dp : 1;
  const hostOptimizerBytes = r.pagedOptimizer ? (trained * r.bytes.optimizer) / optimizerShards : 0;
  const capacity = job.hardware.memoryBytes;
  const fits = totalBytes <= capacity;

  const microBatches = sim.microBatches;
  const adapters = microBatches * adapterSeconds(r);
  const dequantization = microBatches * dequantSeconds(r);
  const stepTimeSeconds = sim.stepTimeSeconds + adapters + dequantization;
  const tokensPerStep = job.globalBatchTokens;
  const tokensPerSecond = tokensPerStep / stepTimeSeconds;
  const usefulTokensPerSecond = tokensPerSecond * r.usefulTokenFraction;
  const chips = job.hardware.chipCount;
  const wallSeconds = job.tokens / usefulTokensPerSecond;
  const chipHours = (chips * wallSeconds) / 3600;
  const hw = job.hardware;
  const facilityWatts = chips * (hw.chipPowerWatts + hw.hostOverheadWattsPerChip) * hw.powerUsageEffectiveness;
  // MFU counts the model FLOPs a fine-tuning step needs: forward, dgrad, and wgrad of what is trained.
  const flopsPerToken = (sim.modelFlopsPerToken / 3) * (2 + (job.trainableShare ?? 1));
  return {
    model: job.arch.id,
    chip: hw.chipId,
    chipCount: chips,
    method: scenario.method,
    optimizer: scenario.optimizer,
    fits,
    reason: fits ? undefined : memoryShortfall(totalBytes, hw.chipName, capacity),
    parallelism: plan,
    memoryPerChipBytes: totalBytes,
    memoryCapacityBytes: capacity,
    memoryBreakdownBytes: {
      baseWeightsBytes,
      adapterWeightsBytes,
      gradientsBytes,
      optimizerBytes: m.optimizerBytes,
      activationsBytes: m.activationsBytes,
      dequantizationBytes,
      buffersBytes,
      runtimeReserveBytes: m.runtimeReserveBytes,
      totalBytes,
    },
    hostOptimizerBytes,
    totalParameters: params.total,
    trainableParameters: trained,
    trainableFraction: trained / params.total,
    adapterParameters: params.adapters,
    loraTargets: params.adapters > 0 ? r.targets : undefined,
    stepTimeSeconds,
    breakdownSeconds: {
      compute: sim.breakdownSeconds.compute + sim.breakdownSeconds.pipelineBubble,
      adapters,
      dequantization,
      exposedCommunication: sim.breakdownSeconds.exposedCommunication,
      other: sim.breakdownSeconds.other,
    },
    tokensPerStep,
    tokensPerSecond,
    tokensPerSecondPerChip: tokensPerSecond / chips,
    usefulTokensPerSecond,
    mfu: ((tokensPerSecond / chips) * flopsPerToken) / hw.peakFlopsPerSecond,
    wallClockDays: wallSeconds / 86400,
    chipHours,
    energyMegawattHours: (facilityWatts * wallSeconds) / 3.6e9,
    costUsd: hw.usdPerChipHour === undefined ? undefined : chipHours * hw.usdPerChipHour,
  };
}
