/**
 * The model catalog: one file per model under ./models (a verbatim Hugging Face config plus sources),
 * imported statically so the same code runs in the browser. Entries are validated when this module loads.
 * @module
 */
import { lookup } from "../errors.ts";
import type { Architecture } from "./architecture.ts";
import { parseHfConfig } from "./hf-config.ts";
import llama27b from "./models/llama-2-7b.ts";
import llama213b from "./models/llama-2-13b.ts";
import llama270b from "./models/llama-2-70b.ts";
import llama318b from "./models/llama-3.1-8b.ts";
import llama3170b from "./models/llama-3.1-70b.ts";
import llama31405b from "./models/llama-3.1-405b.ts";
import mixtral8x7b from "./models/mixtral-8x7b.ts";
import mixtral8x22b from "./models/mixtral-8x22b.ts";
import deepseekV3 from "./models/deepseek-v3.ts";
import qwen257b from "./models/qwen2.5-7b.ts";
import qwen2572b from "./models/qwen2.5-72b.ts";
import gptJ6b from "./models/gpt-j-6b.ts";
import gpt3175b from "./models/gpt-3-175b.ts";
import megatronGpt17b from "./models/megatron-gpt-1.7b.ts";
import megatronGpt71b from "./models/megatron-gpt-7.1b.ts";
import megatronGpt32b from "./models/megatron-gpt-32b.ts";
import megatronGpt70b from "./models/megatron-gpt-70b.ts";
import megatronGpt177b from "./models/megatron-gpt-177b.ts";
import megatronGpt314b from "./models/megatron-gpt-314b.ts";
import megatronSc2117b from "./models/megatron-sc21-1.7b.ts";
import megatronSc2175b from "./models/megatron-sc21-7.5b.ts";
import megatronSc2176b from "./models/megatron-sc21-76b.ts";
import megatronSc211456b from "./models/megatron-sc21-145.6b.ts";
import megatronSc211t from "./models/megatron-sc21-1t.ts";
import megatronKorthikanti22b from "./models/megatron-korthikanti-22b.ts";
import megatronKorthikanti530b from "./models/megatron-korthikanti-530b.ts";
import megatronKorthikanti1t from "./models/megatron-korthikanti-1t.ts";
import nemotron415b from "./models/nemotron-4-15b.ts";
import nemotron4340b from "./models/nemotron-4-340b.ts";
import llama4Scout from "./models/llama-4-scout.ts";
import llama4Maverick from "./models/llama-4-maverick.ts";
import gemma327b from "./models/gemma-3-27b.ts";
import gptOss20b from "./models/gpt-oss-20b.ts";
import gptOss120b from "./models/gpt-oss-120b.ts";
import qwen38b from "./models/qwen3-8b.ts";
import qwen332b from "./models/qwen3-32b.ts";
import deepseekR1 from "./models/deepseek-r1.ts";
import glm45 from "./models/glm-4.5.ts";
import qwen3235bA22b from "./models/qwen3-235b-a22b.ts";
import qwen330bA3b from "./models/qwen3-30b-a3b.ts";
import kimiK2 from "./models/kimi-k2.ts";
import { CatalogModel, unsourcedFields } from "./schema.ts";

const entries: readonly unknown[] = [
  llama27b,
  llama213b,
  llama270b,
  llama318b,
  llama3170b,
  llama31405b,
  mixtral8x7b,
  mixtral8x22b,
  deepseekV3,
  qwen257b,
  qwen2572b,
  gptJ6b,
  gpt3175b,
  megatronGpt17b,
  megatronGpt71b,
  megatronGpt32b,
  megatronGpt70b,
  megatronGpt177b,
  megatronGpt314b,
  megatronSc2117b,
  megatronSc2175b,
  megatronSc2176b,
  megatronSc211456b,
  megatronSc211t,
  megatronKorthikanti22b,
  megatronKorthikanti530b,
  megatronKorthikanti1t,
  nemotron415b,
  nemotron4340b,
  qwen3235bA22b,
  qwen330bA3b,
  kimiK2,
  llama4Scout,
  llama4Maverick,
  gemma327b,
  gptOss20b,
  gptOss120b,
  qwen38b,
  qwen332b,
  deepseekR1,
  glm45,
];

function validate(entry: unknown): CatalogModel {
  const parsed = CatalogModel.safeParse(entry);
  const id = (entry as { id?: unknown })?.id;
  if (!parsed.success) throw new Error(`catalog model ${String(id)} is invalid: ${parsed.error.message}`);
  const missing = unsourcedFields(parsed.data);
  if (missing.length > 0) throw new Error(`catalog model ${parsed.data.id} has unsourced fields: ${missing.join(", ")}`);
  return parsed.data;
}

/** Every catalog model, validated. */
export const catalogModels: readonly CatalogModel[] = entries.map(validate);

/** Catalog models by id. */
export const modelById: ReadonlyMap<string, CatalogModel> = (() => {
  const map = new Map<string, CatalogModel>();
  for (const model of catalogModels) {
    if (map.has(model.id)) throw new Error(`duplicate catalog model id ${model.id}`);
    map.set(model.id, model);
  }
  return map;
})();

const architectures = new Map<string, Architecture>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The resolved architecture of a catalog model (parsed once, then cached and frozen).
 * @param path where the id came from in the user's input, for the error on an unknown id
 * @throws InputError naming `path` and the nearest ids when `id` is not in the catalog
 */
export function getModelArchitecture(id: string, path = "model"): Architecture {
  const cached = architectures.get(id);
  if (cached) return cached;
  const model = lookup(path, id, modelById, "model");
  const architecture = deepFreeze(parseHfConfig(model.config, model.id, `catalog.models.${model.id}.config`));
  architectures.set(id, architecture);
  return architecture;
}

/**
 * A scenario's `model`: a catalog id, or an already-loaded Hugging Face config object (the faces read
 * config.json paths before calling this). An inline config is named after its `_name_or_path`, else "custom".
 */
export function resolveModel(model: string | Record<string, unknown>, path = "model"): Architecture {
  if (typeof model === "string") return getModelArchitecture(model, path);
  const named = model._name_or_path;
  const id = typeof named === "string" && named.trim() ? (named.split("/").filter(Boolean).pop() ?? "custom").toLowerCase() : "custom";
  return parseHfConfig(model, id, path);
}
