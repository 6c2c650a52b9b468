import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "ib-xdr-800",
  name: "InfiniBand XDR 800 Gb/s (Quantum-X800, ConnectX-8)",
  kind: "scale-out",
  linkBytesPerSecond: 800e9 / 8,
  latencySeconds: 1e-6,
  switchLatencySeconds: 100e-9,
  notes: "4 lanes x 200 Gb/s per port; SHARP v4. Used by DGX B300 and GB300 NVL72 (ConnectX-8 SuperNIC per GPU).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "XDR: 800 Gb/s per 4x port"),
    latencySeconds: latencySources.ibEndToEnd,
    switchLatencySeconds: estimate(src.ib_qm87_quote, "'Quantum-X800 is <100 ns'", "Seen only as a secondary quote."),
  },
} satisfies Network;
