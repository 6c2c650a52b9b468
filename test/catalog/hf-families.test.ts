/**
 * One model per family, counted by hand from the transformers modules: parameters and KV cache bytes per token
 * (bf16) follow from the config's widths. Real configs come from test/fixtures/hf-configs; the state-space
 * families, which have no fixture, use small configs written here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHfConfig } from "../../src/catalog/hf-config.ts";
import { parseJsonText } from "../../src/catalog/hf/json.ts";
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, stateSpaceBytesPerSequence } from "../../src/physics/kv-cache.ts";
import { forwardFlopsPerToken, parameterBreakdown } from "../../src/physics/workload.ts";

const dir = join(import.meta.dirname, "../fixtures/hf-configs");
const load = (file: string) => parseHfConfig(parseJsonText(readFileSync(join(dir, file), "utf8"), file) as Record<string, unknown>, file);
const total = (file: string) => parameterBreakdown(load(file)).total;
const kv = (file: string) => kvCacheBytesPerToken(load(file), 2);

describe("parameters and KV bytes per token by hand, one model per family", () => {
  it("gemma (Gemma 2B): MQA, head_dim 256, GeGLU, tied embeddings, 2 norms per layer", () => {
    const h = 2048;
    const layer = h * 2048 + 2 * h * 256 + 2048 * h + 3 * h * 16384 + 2 * h;
    expect(total("gemma-2b-it.json")).toBe(18 * layer + 256000 * h + h);
    expect(kv("gemma-2b-it.json")).toBe(18 * 2 * 1 * 256 * 2);
  });

  it("gemma2 (Gemma 2 9B): 4 norms per layer, even layers slide over 4096 tokens", () => {
    const h = 3584;
    const layer = h * 4096 + 2 * h * 2048 + 4096 * h + 3 * h * 14336 + 4 * h;
    expect(total("gemma-2-9b-it.json")).toBe(42 * layer + 256000 * h + h);
    expect(kv("gemma-2-9b-it.json")).toBe(42 * 2 * 8 * 256 * 2);
    const arch = load("gemma-2-9b-it.json");
    // At 8192 tokens the 21 sliding layers keep 4096, the 21 global ones 8192.
    expect(kvCacheBytesPerSequence(arch, 8192, 2)).toBe(2 * 8 * 256 * 2 * (21 * 4096 + 21 * 8192));
  });

  it("gemma3 (Gemma 3 1B): per-head q/k norms, five local (512) layers per global one", () => {
    const h = 1152;
    const layer = h * 1024 + 2 * h * 256 + 1024 * h + 2 * 256 + 3 * h * 6912 + 4 * h;
    expect(total("gemma-3-1b-it.json")).toBe(26 * layer + 262144 * h + h);
    const arch = load("gemma-3-1b-it.json");
    expect(arch.slidingWindow).toEqual({ windowTokens: 512, layers: 22 }); // 26 layers, globals at 6, 12, 18, 24
    expect(kvCacheBytesPerSequence(arch, 32768, 2)).toBe(2 * 256 * 2 * (22 * 512 + 4 * 32768));
  });

  it("phi3 (Phi-3.5 mini): MHA 32 × 96, untied, the 262144 window exceeds the context so attention is full", () => {
    const h = 3072;
    const layer = 4 * h * h + 3 * h * 8192 + 2 * h;
    expect(total("phi-3.5-mini-instruct.json")).toBe(32 * layer + 2 * 32064 * h + h);
    expect(load("phi-3.5-mini-instruct.json").slidingWindow).toBeUndefined();
    expect(kv("phi-3.5-mini-instruct.json")).toBe(32 * 2 * 32 * 96 * 2);
  });

  it("olmo2 (OLMo 2 7B): full-width q/k RMSNorms, post-norms", () => {
    const h = 4096;
    const layer = 4 * h * h + 2 * h + 3 * h * 11008 + 2 * h;
    expect(total("olmo-2-1124-7b.json")).toBe(32 * layer + 2 * 100352 * h + h);
    expect(kv("olmo-2-1124-7b.json")).toBe(32 * 2 * 32 * 128 * 2);
  });

  it("cohere (Aya 23 8B): one LayerNorm per parallel block (no bias), tied embeddings", () => {
    const h = 4096;
    const layer = 2 * h * h + 2 * h * 1024 + 3 * h * 14336 + h;
    expect(total("aya-23-8b.json")).toBe(32 * layer + 256000 * h + h);
    expect(kv("aya-23-8b.json")).toBe(32 * 2 * 8 * 128 * 2);
  });

  it("starcoder2 (7B): GELU MLP with biases, LayerNorm with bias, GQA 36/4, tied, window 4096", () => {
    const h = 4608;
    const q = 36 * 128;
    const kvw = 4 * 128;
    const layer = 2 * h * q + 2 * h * kvw + (q + 2 * kvw + h) + 2 * h * 18432 + 18432 + h + 2 * 2 * h;
    expect(total("starcoder2-7b.json")).toBe(32 * layer + 49152 * h + 2 * h);
    expect(load("starcoder2-7b.json").slidingWindow).toEqual({ windowTokens: 4096, layers: 32 });
    expect(kv("starcoder2-7b.json")).toBe(32 * 2 * 4 * 128 * 2);
  });

  it("gpt_bigcode (SantaCoder): multi-query, learned positions, biases, tied", () => {
    const h = 2048;
    const layer = h * h + 2 * h * 128 + h * h + (h + 2 * 128 + h) + 2 * h * 8192 + 8192 + h + 2 * 2 * h;
    expect(total("gpt-bigcode-santacoder.json")).toBe(24 * layer + (49280 + 2048) * h + 2 * h);
    expect(kv("gpt-bigcode-santacoder.json")).toBe(24 * 2 * 1 * 128 * 2);
  });

  it("falcon (180B): new decoder architecture, 8 kv groups, two LayerNorms, no biases, tied", () => {
    const h = 14848;
    const layer = h * h + 2 * h * 8 * 64 + h * h + 2 * h * 4 * h + 2 * 2 * h;
    expect(total("falcon-180b-chat.json")).toBe(80 * layer + 65024 * h + 2 * h);
    expect(kv("falcon-180b-chat.json")).toBe(80 * 2 * 8 * 64 * 2);
  });

  it("llama4 (Scout): every layer MoE (16 experts top-1 + a shared expert), chunked attention in 3 of 4 layers", () => {
    const h = 5120;
    const attention = 2 * h * 40 * 128 + 2 * h * 8 * 128;
    const expert = 3 * h * 8192;
    const layer = attention + 16 * expert + expert + 16 * h + 2 * h;
    const p = parameterBreakdown(load("llama4-scout-17b-16e-instruct.json"));
    expect(p.total).toBe(48 * layer + 2 * 202048 * h + h);
    expect(p.activePerToken).toBe(48 * (attention + 2 * expert + 16 * h + 2 * h) + 2 * 202048 * h + h);
    const arch = load("llama4-scout-17b-16e-instruct.json");
    expect(arch.slidingWindow).toEqual({ windowTokens: 8192, layers: 36 });
    expect(kvCacheBytesPerSequence(arch, 100_000, 2)).toBe(2 * 8 * 128 * 2 * (36 * 8192 + 12 * 100_000));
  });

  it("gpt_oss (20B): 32 experts top-4 with biases, attention biases and sinks, alternating 128-token windows", () => {
    const h = 2880;
    const q = 64 * 64;
    const kvw = 8 * 64;
    const attention = 2 * h * q + 2 * h * kvw + (q + 2 * kvw + h) + 64;
    const expert = 3 * h * 2880 + 2 * 2880 + h;
    const layer = attention + 32 * expert + 32 * h + 32 + 2 * h;
    const arch = load("gpt-oss-20b.json");
    expect(parameterBreakdown(arch).total).toBe(24 * layer + 2 * 201088 * h + h);
    expect(arch.slidingWindow).toEqual({ windowTokens: 128, layers: 12 });
    expect(kvCacheBytesPerSequence(arch, 4096, 2)).toBe(2 * 8 * 64 * 2 * (12 * 128 + 12 * 4096));
    expect(arch.nativeWeights).toMatchObject({ format: "fp4", scope: "routed-experts" });
  });

  it("glm4_moe (GLM-4.5): 3 dense layers then 89 MoE layers of 160 experts + 1 shared, qkv biases, per-head qk norm", () => {
    const h = 5120;
    const q = 96 * 128;
    const kvw = 8 * 128;
    const attention = 2 * h * q + 2 * h * kvw + (q + 2 * kvw + h) + 2 * 128;
    const expert = 3 * h * 1536;
    const moeLayer = attention + 160 * expert + expert + 160 * h + 160 + 2 * h;
    const denseLayer = attention + 3 * h * 12288 + 2 * h;
    expect(total("glm-4.5.json")).toBe(3 * denseLayer + 89 * moeLayer + 2 * 151552 * h + h);
    expect(kv("glm-4.5.json")).toBe(92 * 2 * 8 * 128 * 2);
    expect(load("glm-4.5.json").multiTokenPredictionLayers).toBe(1);
  });

  it("minimax_m2 (M2.5): 256 experts top-8, full-width qk norms, routing bias, fp8 blocks", () => {
    const h = 3072;
    const q = 48 * 128;
    const kvw = 8 * 128;
    const attention = 2 * h * q + 2 * h * kvw + q + kvw;
    const layer = attention + 256 * 3 * h * 1536 + 256 * h + 256 + 2 * h;
    expect(total("minimax-m2.5.json")).toBe(62 * layer + 2 * 200064 * h + h);
    expect(kv("minimax-m2.5.json")).toBe(62 * 2 * 8 * 128 * 2);
    expect(load("minimax-m2.5.json").nativeWeights?.format).toBe("fp8");
  });

  it("kimi_k2 is read as DeepseekV3ForCausalLM: MLA latent 512 + rope 64 per layer", () => {
    const arch = load("kimi-k2-instruct.json");
    expect(arch.family).toBe("deepseek_v3");
    expect(arch.moe).toMatchObject({ numExperts: 384, expertsPerToken: 8, denseLayers: 1 });
    expect(kvCacheBytesPerToken(arch, 2)).toBe(61 * (512 + 64) * 2);
  });

  it("nemotron-nas: per-block kv heads, no-op attention and FFN widths from ffn_mult", () => {
    const h = 256;
    const arch = parseHfConfig(
      {
        model_type: "nemotron-nas",
        hidden_size: h,
        num_attention_heads: 8,
        num_hidden_layers: 3,
        vocab_size: 1000,
        block_configs: [
          { attention: { n_heads_in_group: 4, no_op: false }, ffn: { ffn_mult: 3 } }, // 2 kv heads, width round256(512) = 512
          { attention: { no_op: true }, ffn: { ffn_mult: 1.3 } }, // width int(221.8)=221 → 256
          { attention: { replace_with_linear: true }, ffn: { no_op: true } },
        ],
      },
      "nas",
    );
    const attention = 2 * h * 8 * 32 + 2 * h * 2 * 32;
    expect(parameterBreakdown(arch).total).toBe(attention + 3 * h * 512 + 3 * h * 256 + h * h + (2 + 1 + 1 + 1) * h + 2 * 1000 * h);
    expect(kvCacheBytesPerToken(arch, 2)).toBe(2 * 2 * 32 * 2);
  });

  it("nemotron_h (56B): Mamba-2, attention and squared-ReLU MLP blocks by pattern; SSM state per sequence", () => {
    const arch = load("nemotron-h-56b-base-8k.json");
    const h = 8192;
    const d = 256 * 64;
    const conv = d + 2 * 8 * 256;
    const mamba = h * (2 * d + 2 * 8 * 256 + 256) + conv * 4 + conv + 3 * 256 + d + d * h;
    const attention = 2 * h * 64 * 128 + 2 * h * 8 * 128;
    const mlp = 2 * h * 32768;
    const pattern = "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-";
    const count = (c: string) => [...pattern].filter((x) => x === c).length;
    expect(parameterBreakdown(arch).total).toBe(count("M") * mamba + count("*") * attention + count("-") * mlp + (118 + 1) * h + 2 * 131072 * h);
    expect(kvCacheBytesPerToken(arch, 2)).toBe(count("*") * 2 * 8 * 128 * 2);
    // SSM state d·N in bf16 plus the conv's last 3 inputs, per Mamba layer.
    expect(stateSpaceBytesPerSequence(arch)).toBe(count("M") * (d * 256 * 2 + conv * 3 * 2));
    expect(forwardFlopsPerToken(arch, 4096).stateSpace).toBe(2 * count("M") * mamba + count("M") * (7 * d * 256 + 2 * 4 * d));
  });

  const mamba1 = (h: number, d: number, n: number, k: number, r: number) => h * 2 * d + d * k + d + d * (r + 2 * n) + r * d + d + d * n + d + d * h;

  it("falcon_mamba / mamba: Mamba-1 mixers, Δ rank ⌈h/16⌉ when auto, tied embeddings, no KV cache", () => {
    for (const model_type of ["falcon_mamba", "mamba"]) {
      const arch = parseHfConfig({ model_type, hidden_size: 512, num_hidden_layers: 4, vocab_size: 1000, state_size: 16, conv_kernel: 4, expand: 2, time_step_rank: "auto" }, "m");
      expect(parameterBreakdown(arch).total).toBe(4 * (mamba1(512, 1024, 16, 4, 32) + 512) + 512 + 1000 * 512);
      expect(kvCacheBytesPerToken(arch, 2)).toBe(0);
      expect(stateSpaceBytesPerSequence(arch)).toBe(4 * (1024 * 16 * 2 + 1024 * 3 * 2));
      expect(kvCacheBytesPerSequence(arch, 1e6, 2)).toBe(stateSpaceBytesPerSequence(arch));
    }
  });

  it("mamba2: heads × head_dim inner width, grouped B/C, fp32 state when mamba_ssm_cache_dtype says so", () => {
    const h = 512;
    const arch = parseHfConfig(
      {
        model_type: "mamba2",
        hidden_size: h,
        num_hidden_layers: 2,
        vocab_size: 1000,
        num_heads: 16,
        head_dim: 64,
        state_size: 32,
        n_groups: 2,
        conv_kernel: 4,
        mamba_ssm_cache_dtype: "float32",
      },
      "m2",
    );
    const d = 1024;
    const conv = d + 2 * 2 * 32;
    const mixer = h * (2 * d + 2 * 2 * 32 + 16) + conv * 4 + conv + 3 * 16 + d + d * h;
    expect(parameterBreakdown(arch).total).toBe(2 * (mixer + h) + h + 2 * 1000 * h);
    expect(stateSpaceBytesPerSequence(arch)).toBe(2 * (d * 32 * 4 + conv * 3 * 2));
  });

  it("jamba: attention every 8th layer from 4, MoE every 2nd from 1, Mamba with Δ/B/C norms elsewhere", () => {
    const h = 256;
    const arch = parseHfConfig(
      {
        model_type: "jamba",
        hidden_size: h,
        num_hidden_layers: 8,
        num_attention_heads: 8,
        num_key_value_heads: 2,
        intermediate_size: 512,
        vocab_size: 1000,
        num_experts: 4,
        num_experts_per_tok: 2,
        mamba_d_state: 16,
        mamba_d_conv: 4,
        mamba_expand: 2,
        mamba_dt_rank: 16,
      },
      "jamba",
    );
    const attention = 2 * h * h + 2 * h * 64;
    const mamba = mamba1(h, 512, 16, 4, 16) + 16 + 2 * 16;
    const mlp = 3 * h * 512;
    const p = parameterBreakdown(arch);
    expect(p.total).toBe(attention + 7 * mamba + 4 * mlp + 4 * (4 * mlp + 4 * h) + 8 * 2 * h + h + 2 * 1000 * h);
    expect(p.activePerToken).toBe(p.total - 4 * 2 * mlp);
    expect(kvCacheBytesPerToken(arch, 2)).toBe(1 * 2 * 2 * 32 * 2);
  });

  it("multimodal wrappers: the language model from text_config, the vision tower apart", () => {
    const arch = load("gemma-3-27b-it.json");
    expect(arch.family).toBe("gemma3");
    // SigLIP-So400m: 27 × (4(h²+h) + 2hI + I + h + 4h) + patch conv + 4096 positions + post-norm, projector h → 5376.
    const h = 1152;
    const tower = 27 * (4 * (h * h + h) + 2 * h * 4304 + 4304 + h + 4 * h) + (3 * 14 * 14 * h + h) + 4096 * h + 2 * h + (h * 5376 + h);
    expect(arch.vision?.parameters).toBe(tower);
    expect(arch.vision?.patchesPerImage).toBe(4096);
  });
});
