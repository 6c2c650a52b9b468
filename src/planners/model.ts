/**
 * `danlu model`: what a model is — parameters (total, active per token under the three conventions model
 * cards use, by component), the layer pattern, KV cache (or SSM state) per token per format, weights at each
 * format, and the 16 bytes per parameter of mixed-precision Adam training — from a catalog id or a config.json.
 * @module
 */
import type { Architecture, LayerKind } from "../catalog/architecture.ts";
import { getFormat } from "../catalog/hardware.ts";
import { parseJsonText } from "../catalog/hf/json.ts";
import { modelById, resolveModel } from "../catalog/models.ts";
import { cacheProfile, kvCacheBytesPerSequence, kvCacheBytesPerToken } from "../physics/kv-cache.ts";
import { forwardFlopsPerToken, layerKinds, parameterBreakdown } from "../physics/workload.ts";
import { parseInput } from "../scenario/parse.ts";
import { nativeWeightBytesPerParameter } from "../scenario/infer.ts";
import { ModelQuestion } from "../scenario/model.ts";

export { parseJsonText };

/** Formats a summary reports sizes in. */
const weightFormats = ["fp32", "bf16", "fp8", "int8", "int4", "fp4"] as const;
const cacheFormats = ["bf16", "fp8", "fp4"] as const;

/** Mixed-precision Adam: bf16 weights and gradients, fp32 master weights and two moments = 2 + 2 + 4 + 4 + 4 bytes. */
export const trainingBytesPerParameter = 16;

export interface LayerRun {
  /** "attention", "attention (window 1024)", "mamba-2", "linear", "none". */
  mixer: string;
  /** "dense 14336", "moe 128×768 top-8 + 1 shared", "none". */
  ffn: string;
  count: number;
}

export interface ModelSummary {
  model: string;
  family: string;
  /** "catalog" for a catalog id, "config" for a config.json given inline or as a file. */
  source: "catalog" | "config";
  /** Language model plus vision tower. */
  totalParameters: number;
  /** Parameters one token's forward touches (routed experts counted top-k times), embeddings included. */
  activeParameters: number;
  /** The same without the input embedding (a lookup, not a matmul): the convention of OpenAI's and Z.ai's cards. */
  activeParametersExcludingInputEmbedding: number;
  /** Without the input embedding and the output head (Kaplan's non-embedding N). */
  activeNonEmbeddingParameters: number;
  languageModelParameters: number;
  visionParameters: number;
  breakdown: {
    embedding: number;
    outputHead: number;
    attention: number;
    stateSpace: number;
    denseMlp: number;
    routedExperts: number;
    sharedExperts: number;
    router: number;
    norms: number;
    vision: number;
  };
  layers: {
    count: number;
    fullAttention: number;
    windowedAttention: number;
    stateSpace: number;
    moe: number;
    /** Runs of identical consecutive layers, in order. */
    pattern: LayerRun[];
    /** Distinct layer kinds and how many layers have each, in order of first appearance. */
    kinds: LayerRun[];
    /**
     * One character per layer: A full attention, S windowed attention, M Mamba, L linear, - no mixer; then
     * the FFN: d dense, e MoE, l linear, . none (Nemotron-H blocks "M-*" read "M.-dA.").
     */
    code: string;
  };
  maxContextTokens: number;
  /** Forward FLOPs per token at a 4096-token causal context (2 per active weight plus attention and scan). */
  forwardFlopsPerToken: number;
  kvCache: {
    /** Bytes one token adds across the attention layers (every layer counted as full attention), by format. */
    bytesPerTokenByFormat: Record<(typeof cacheFormats)[number], number>;
    /** Recurrent Mamba state (SSM + conv) one sequence keeps, whatever its length. */
    stateBytesPerSequence: number;
    /** KV + state bytes of one sequence at 4096 tokens and at the model's context, bf16 cache. */
    bytesPerSequenceBf16: { contextTokens: number; bytes: number }[];
  };
  weightsBytesByFormat: Record<(typeof weightFormats)[number], number>;
  /** The checkpoint's own format (quantization_config) and the bytes it takes; absent for a bf16/fp16 checkpoint. */
  nativeWeights?: { format: string; description: string; bytes: number };
  training: { bytesPerParameter: number; stateBytes: number };
  vision?: { modelType: string; parameters: number; imageSizePixels: number; patchesPerImage: number; flopsPerImage: number };
  notes: string[];
}

function mixerLabel(arch: Architecture, layer: LayerKind): string {
  const m = layer.mixer;
  if (m.kind === "attention") {
    const a = m.attention ?? arch.attention;
    const heads = a.kind === "mla" ? `MLA ${a.numHeads} heads, latent ${a.kvLoraRank}` : `${a.numHeads} heads, ${a.numKvHeads} kv heads × ${a.headDim}`;
    return m.windowTokens === undefined ? `attention (${heads})` : `attention (${heads}, window ${m.windowTokens})`;
  }
  if (m.kind === "mamba") return `mamba-${m.ssm.version} (d_inner ${m.ssm.innerSize}, state ${m.ssm.stateSize})`;
  return m.kind;
}

function ffnLabel(arch: Architecture, layer: LayerKind): string {
  const f = layer.ffn;
  if (f.kind === "dense") return `dense ${f.intermediateSize}`;
  if (f.kind === "moe" && arch.moe) {
    const moe = arch.moe;
    const shared = moe.numSharedExperts > 0 ? ` + ${moe.numSharedExperts} shared × ${moe.sharedIntermediateSize}` : "";
    return `moe ${moe.numExperts} × ${moe.expertIntermediateSize} top-${moe.expertsPerToken}${shared}`;
  }
  return f.kind;
}

/** Weight bytes of the checkpoint in its native format: the quantized scope at that format, the rest bf16. */
export function nativeWeightBytes(arch: Architecture): number | undefined {
  const perParameter = nativeWeightBytesPerParameter(arch);
  return perParameter === undefined ? undefined : perParameter * parameterBreakdown(arch).total;
}

/** The model summary of a catalog id or a parsed config.json object. */
export function summarizeModel(arch: Architecture, source: "catalog" | "config"): ModelSummary {
  const p = parameterBreakdown(arch);
  const vision = arch.vision?.parameters ?? 0;
  const total = p.total + vision;
  const layers = layerKinds(arch);
  const pattern: LayerRun[] = [];
  const kinds = new Map<string, LayerRun>();
  let code = "";
  let full = 0;
  let windowed = 0;
  let ssm = 0;
  let moe = 0;
  for (const layer of layers) {
    if (layer.mixer.kind === "attention") {
      if (layer.mixer.windowTokens === undefined) full++;
      else windowed++;
    } else if (layer.mixer.kind === "mamba") ssm++;
    if (layer.ffn.kind === "moe") moe++;
    const mixer = mixerLabel(arch, layer);
    const ffn = ffnLabel(arch, layer);
    const kind = kinds.get(`${mixer}|${ffn}`) ?? { mixer, ffn, count: 0 };
    kind.count++;
    kinds.set(`${mixer}|${ffn}`, kind);
    const m = layer.mixer;
    code += m.kind === "attention" ? (m.windowTokens === undefined ? "A" : "S") : m.kind === "mamba" ? "M" : m.kind === "linear" ? "L" : "-";
    code += layer.ffn.kind === "dense" ? "d" : layer.ffn.kind === "moe" ? "e" : layer.ffn.kind === "linear" ? "l" : ".";
    const last = pattern[pattern.length - 1];
    if (last && last.mixer === mixer && last.ffn === ffn) last.count++;
    else pattern.push({ mixer, ffn, count: 1 });
  }
  const bytes = (id: string) => getFormat(id).bytesPerValue;
  const weightsBytesByFormat = Object.fromEntries(weightFormats.map((f) => [f, p.total * bytes(f) + vision * 2])) as ModelSummary["weightsBytesByFormat"];
  const bytesPerTokenByFormat = Object.fromEntries(cacheFormats.map((f) => [f, kvCacheBytesPerToken(arch, bytes(f))])) as ModelSummary["kvCache"]["bytesPerTokenByFormat"];
  const contexts = [...new Set([Math.min(4096, arch.maxContextTokens), arch.maxContextTokens])];
  const native = nativeWeightBytes(arch);
  const notes: string[] = [];
  if (arch.vision) notes.push(`vision tower (${arch.vision.modelType}) counted apart: ${(vision / 1e9).toFixed(2)}B parameters, weights at bf16 in every format row`);
  if (arch.multiTokenPredictionLayers) notes.push(`${arch.multiTokenPredictionLayers} multi-token-prediction layer(s) shipped with the checkpoint are not counted`);
  if (cacheProfile(arch).stateLayers > 0) notes.push("Mamba layers keep a fixed recurrent state per sequence instead of a KV cache");
  const activeExcludingInput = p.activePerToken - p.embedding;
  return {
    model: arch.id,
    family: arch.family,
    source,
    totalParameters: total,
    activeParameters: p.activePerToken,
    activeParametersExcludingInputEmbedding: arch.tiedEmbeddings ? p.activePerToken : activeExcludingInput,
    activeNonEmbeddingParameters: activeExcludingInput - p.outputHead,
    languageModelParameters: p.total,
    visionParameters: vision,
    breakdown: {
      embedding: p.embedding,
      outputHead: p.outputHead,
      attention: p.attention,
      stateSpace: p.stateSpace,
      denseMlp: p.denseMlp,
      routedExperts: p.routedExperts,
      sharedExperts: p.sharedExperts,
      router: p.router,
      norms: p.norms,
      vision,
    },
    layers: { count: layers.length, fullAttention: full, windowedAttention: windowed, stateSpace: ssm, moe, pattern, kinds: [...kinds.values()], code },
    maxContextTokens: arch.maxContextTokens,
    forwardFlopsPerToken: forwardFlopsPerToken(arch, Math.min(4096, arch.maxContextTokens)).total,
    kvCache: {
      bytesPerTokenByFormat,
      stateBytesPerSequence: cacheProfile(arch).stateBytesPerSequence,
      bytesPerSequenceBf16: contexts.map((c) => ({ contextTokens: c, bytes: kvCacheBytesPerSequence(arch, c, 2) })),
    },
    weightsBytesByFormat,
    ...(arch.nativeWeights && native !== undefined
      ? { nativeWeights: { format: arch.nativeWeights.format, description: arch.nativeWeights.description, bytes: native + vision * 2 } }
      : {}),
    training: { bytesPerParameter: trainingBytesPerParameter, stateBytes: total * trainingBytesPerParameter },
    ...(arch.vision ? { vision: { ...arch.vision } } : {}),
    notes,
  };
}

/** The `model` question: `{ model: id | config object }` → {@link ModelSummary}. */
export function planModel(input: unknown): ModelSummary {
  const q = parseInput(ModelQuestion, input);
  const arch = resolveModel(q.model, "model");
  return summarizeModel(arch, typeof q.model === "string" && modelById.has(q.model) ? "catalog" : "config");
}
