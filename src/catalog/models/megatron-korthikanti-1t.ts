import { korthikantiSources } from "../model-sources.ts";
import type { CatalogModel } from "../schema.ts";
import sc21OneTrillion from "./megatron-sc21-1t.ts";

/** The same 1T GPT (128 layers, hidden 25600, 160 heads) as SC21's, cited from Korthikanti 2022. */
export default {
  id: "megatron-korthikanti-1t",
  name: "Megatron-LM GPT 1T (Korthikanti 2022)",
  config: sc21OneTrillion.config,
  publishedParameters: 1_000_000_000_000,
  notes: "GPT-style model of the sequence-parallel / selective-recompute study; same shape as megatron-sc21-1t.",
  sources: korthikantiSources,
} satisfies CatalogModel;
