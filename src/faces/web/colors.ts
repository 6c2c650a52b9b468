/**
 * One colour per chart category, in every view and both languages (issue 13, part 3). Keyed by stable ids
 * (the i18n keys / field names), never by translated labels: a view passes ids, and the scale maps each id's
 * label to the id's colour.
 */
export const categoryColors = {
  // Memory parts (training, inference, fine-tuning).
  weightsBytes: "#4e79a7",
  baseWeightsBytes: "#4e79a7",
  adapterWeightsBytes: "#9c755f",
  gradientsBytes: "#59a14f",
  optimizerBytes: "#edc948",
  activationsBytes: "#f28e2c",
  dequantizationBytes: "#ff9da7",
  buffersBytes: "#b07aa1",
  runtimeReserveBytes: "#bab0ac",
  kvCacheBytes: "#76b7b2",
  // Money series (Money view, Compare).
  owned: "#2b2118",
  rentedOnDemand: "#c8782a",
  rentedCommitted: "#3b82f6",
  // Latency curves.
  tpot: "#c8782a",
  ttft: "#3b82f6",
  // Scaling curves.
  chinchillaOptimum: "#4e79a7",
  withRepetition: "#f28e2c",
  // Marked points and reference lines.
  chosen: "red",
  others: "steelblue",
  capacity: "red",
  breakEven: "#a40000",
  answer: "#c8782a",
  published: "#c8782a",
  parity: "#999",
  fit: "#c8782a",
  chips: "steelblue",
} as const;

export type CategoryId = keyof typeof categoryColors;

export function categoryColor(id: CategoryId): string {
  return categoryColors[id];
}

/** A Plot color scale over the given categories: domain = their labels (any language), range = their fixed colours. */
export function categoryScale(ids: readonly CategoryId[], label: (id: CategoryId) => string): { domain: string[]; range: string[] } {
  return { domain: ids.map(label), range: ids.map((id) => categoryColors[id]) };
}
