/**
 * The vision tower of a multimodal checkpoint (`vision_config`), counted apart from the language model:
 * SigLIP (Gemma 3), Pixtral (Mistral 3 / Ministral 3), Qwen3-VL, and any other ViT with the usual keys.
 * Parameter counts follow the transformers modules (`modeling_siglip.py`, `modeling_pixtral.py`,
 * `modeling_qwen3_vl.py`, and each wrapper's projector); FLOPs per image are 2 per weight per patch plus the
 * bidirectional attention core (4·h·patches per patch per layer).
 * @module
 */
import type { VisionTower } from "../architecture.ts";
import { type Config, Reader } from "./reader.ts";

/** Encoder blocks of a ViT: attention with biases (4h² + 4h), MLP (gated 3hI or plain 2hI + I + h), norms. */
function vitBlock(h: number, intermediate: number, gated: boolean, bias: boolean, normParameters: number): number {
  const attention = 4 * h * h + (bias ? 4 * h : 0);
  const mlp = gated ? 3 * h * intermediate : 2 * h * intermediate + (bias ? intermediate + h : 0);
  return attention + mlp + normParameters;
}

/**
 * @param vision the `vision_config` object
 * @param textHidden the language model's hidden width (the projector's output)
 * @param outer the wrapper config (projector keys such as `spatial_merge_size`)
 */
export function parseVisionTower(vision: Config, textHidden: number, path: string, outer: Config = {}): VisionTower {
  const type = typeof vision.model_type === "string" ? vision.model_type : "vit";
  const r = new Reader(vision, path, `vision ${type}`);
  const h = r.size("hidden_size");
  const intermediate = r.size("intermediate_size");
  const layers = r.has("depth") ? r.size("depth") : r.size("num_hidden_layers");
  const patch = r.size("patch_size");
  const channels = r.optionalSize(r.has("in_channels") ? "in_channels" : "num_channels", 3);
  // Dynamic-resolution encoders (Qwen3-VL) have no image_size: state the FLOPs at 1024 × 1024.
  const imageSizePixels = r.optionalSize("image_size", 1024);
  const patchesPerImage = Math.floor(imageSizePixels / patch) ** 2;

  let blocks: number;
  let embeddings: number;
  let projector: number;
  let projectorTokens = patchesPerImage;
  if (type === "pixtral") {
    // RMSNorm, gated SiLU MLP, no biases; Mistral 3 projector: norm, patch merger (m²h → h), two linears.
    blocks = layers * vitBlock(h, intermediate, true, false, 2 * h);
    embeddings = channels * patch * patch * h + h; // conv (no bias) + ln_pre
    const rOuter = new Reader(outer, path.replace(/\.vision_config$/, ""), "multimodal wrapper");
    const merge = rOuter.optionalSize("spatial_merge_size", 2);
    const bias = rOuter.flag("multimodal_projector_bias", false);
    projector = h + merge * merge * h * h + h * textHidden + textHidden * textHidden + (bias ? 2 * textHidden : 0);
    projectorTokens = patchesPerImage / (merge * merge);
  } else if (type.startsWith("qwen3_vl")) {
    // Qwen3-VL: LayerNorm, plain MLP with biases, conv3d patch embed over temporal_patch_size frames,
    // learned positions, a patch merger (m²h → m²h → out) plus one per deepstack layer.
    blocks = layers * vitBlock(h, intermediate, false, true, 4 * h);
    const temporal = r.optionalSize("temporal_patch_size", 2);
    embeddings = channels * temporal * patch * patch * h + h + r.optionalCount("num_position_embeddings", 0) * h;
    const merge = r.optionalSize("spatial_merge_size", 2);
    const merged = merge * merge * h;
    const out = r.optionalSize("out_hidden_size", textHidden);
    const mlp = merged * merged + merged + merged * out + out;
    const deepstack = Array.isArray(vision.deepstack_visual_indexes) ? vision.deepstack_visual_indexes.length : 0;
    projector = 2 * h + mlp + deepstack * (2 * merged + mlp);
    projectorTokens = patchesPerImage / (merge * merge);
  } else {
    // SigLIP and generic ViTs: LayerNorm with bias, GELU MLP with biases, conv patch embed with bias,
    // learned positions, a post-LayerNorm; Gemma 3 projects h → text hidden after a soft-embedding RMSNorm.
    blocks = layers * vitBlock(h, intermediate, false, true, 4 * h);
    embeddings = channels * patch * patch * h + h + patchesPerImage * h + 2 * h;
    projector = h * textHidden + h;
    const perImage = typeof outer.mm_tokens_per_image === "number" ? outer.mm_tokens_per_image : 0;
    if (perImage > 0) projectorTokens = perImage;
  }
  const attentionCore = layers * 4 * h * patchesPerImage * patchesPerImage;
  const flopsPerImage = 2 * blocks * patchesPerImage + attentionCore + 2 * projector * projectorTokens;
  return { modelType: type, parameters: blocks + embeddings + projector, patchesPerImage, imageSizePixels, flopsPerImage };
}
