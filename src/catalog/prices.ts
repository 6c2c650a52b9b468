/**
 * The default rental basis: one class of seller and one kind of price for every chip, so rankings compare
 * like with like. A chip that seller does not list has no default rental price (say so; never borrow a price
 * from another basis); the user supplies one with a price table (`prices` in a scenario, `--prices FILE`).
 * @module
 */
import type { Citation } from "./bibliography.ts";
import type { Source } from "./schema.ts";

/** What "rented" means when the user gives no price. */
export const rentalBasis = {
  id: "runpod-secure-on-demand",
  /** Short label the faces print beside a rented cost. */
  label: "on-demand at a neocloud (RunPod Secure Cloud list price)",
  labelZh: "按需租用，新兴云厂商（RunPod Secure Cloud 标价）",
  description:
    "Per-GPU-hour on-demand list price of RunPod Secure Cloud (RunPod-operated data centres, per-second billing, no commitment). " +
    "One neocloud lists the most catalog chips on one set of terms; hyperscalers (AWS, Azure, Google Cloud) list the same chips at 2-4x, " +
    "committed contracts at 30-60% less. Chips RunPod does not list have no default rental price.",
} as const;

const runpod: Citation = { ref: "https://www.runpod.io/pricing", title: "RunPod pricing — GPU Pods, Secure Cloud, on-demand per GPU-hour", date: "2026-08-19" };

/** A RunPod Secure Cloud price: `detail` names the SKU and the figure; `read` is where and when it was read. */
export function runpodPrice(detail: string, read: { ref?: string; via: string; date: string }): Source {
  return { ref: read.ref ?? runpod.ref, title: `${runpod.title} — ${detail} (${read.via})`, date: read.date };
}

/** Snapshots of RunPod's page this catalog read its prices from. */
export const runpodReads = {
  aug2026: { via: "as recorded in the privum/ai-compute-prices dataset (huggingface.co/datasets/privum/ai-compute-prices), variant 'secure'", date: "2026-08-19" },
  oct2026: { via: "as transcribed verbatim from runpod.io/pricing in api-evangelist/runpod plans/runpod-plans-pricing.yml", date: "2026-10-07" },
  mi300x: {
    ref: "https://www.runpod.io/gpu-models/mi300x",
    via: "RunPod's MI300X page and its GraphQL API (securePrice 2.39), as recorded in an AMD GPU cloud price audit read 2026-09-23",
    date: "2026-09-23",
  },
} as const;

/** Why a catalog chip has no default rental price, where there is more to say than "not listed". */
export const noRentalPriceReason: Readonly<Record<string, string>> = {
  "tpu-v4": "sold only by Google Cloud (on-demand, a hyperscaler price; see examples/prices-cloud.yaml)",
  "tpu-v5e": "sold only by Google Cloud (on-demand, a hyperscaler price; see examples/prices-cloud.yaml)",
  "tpu-v5p": "sold only by Google Cloud",
  "tpu-v6e": "sold only by Google Cloud (on-demand, a hyperscaler price; see examples/prices-cloud.yaml)",
  "tpu-v7": "sold only by Google Cloud",
  trainium2: "sold only by AWS",
  "maia-100": "not rented to the public (Microsoft internal)",
  "h800-sxm": "China-market part; no published on-demand list price",
  h20: "China-market part; no published on-demand list price",
  "a100-sxm-40gb": "RunPod lists it on Community Cloud only (third-party hosts), not Secure Cloud",
};

/** The sentence the faces print for a chip without a rental price on the default basis. */
export function noRentalPrice(chipId: string): string {
  const why = noRentalPriceReason[chipId];
  return `no published on-demand price on the default basis (${rentalBasis.label})${why ? `: ${why}` : ""}; give one with a price table (--prices FILE)`;
}
