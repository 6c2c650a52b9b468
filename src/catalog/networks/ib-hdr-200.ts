import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "ib-hdr-200",
  name: "InfiniBand HDR 200 Gb/s (Quantum, ConnectX-6)",
  kind: "scale-out",
  linkBytesPerSecond: 200e9 / 8,
  latencySeconds: 1e-6,
  switchLatencySeconds: 130e-9,
  notes: "4 lanes x 50 Gb/s per port. Used by DGX A100 (8 x 200 Gb/s per node).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "HDR: 200 Gb/s per 4x port"),
    latencySeconds: latencySources.ibEndToEnd,
    switchLatencySeconds: estimate(src.ib_qm87_quote, "QM8790 product brief 'sub-130ns'", "Seen only as a secondary quote of the product brief."),
  },
} satisfies Network;
