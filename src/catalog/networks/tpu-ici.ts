import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "tpu-ici",
  name: "Google TPU inter-chip interconnect (ICI)",
  kind: "scale-up",
  linkBytesPerSecond: 90e9,
  latencySeconds: 1e-6,
  switchLatencySeconds: 0,
  notes:
    "Neighbour-only torus links (2D on v5e/v6e, 3D on v4/v5p/TPU7x; OCS on v4/v5p is an optical circuit, not a packet " +
    "switch): far chips take several hops and sub-cube slices lack wraparound. One-way per link: v4/v5e ~45, v5p/v6e ~90 GB/s. " +
    "Per-chip totals (bidirectional): v5e 400, v6e 800, v5p 1200, TPU7x 1200 GB/s.",
  sources: {
    linkBytesPerSecond: cite(src.scalingbook_tpus, "~90 GB/s one-way per ICI link (v5p, v6e), Feb 2025"),
    latencySeconds: estimate(src.scalingbook_tpus, "1 us per ICI hop", "An assumed value in a worked exercise of the scaling book (v5e), not a Google spec."),
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
