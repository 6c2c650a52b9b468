import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "pcie4",
  name: "PCIe 4.0 x16",
  kind: "host",
  linkBytesPerSecond: 31.5e9,
  latencySeconds: 11e-6,
  switchLatencySeconds: 0,
  notes: "16 GT/s per lane, 128b/130b. Host link of A100, MI250X, RTX 3090/4090. Vendors' '64 GB/s' is both directions, raw.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "PCIe 4.0 x16: 31.5 GB/s per direction (63 bidirectional)"),
    latencySeconds: latencySources.pcieHostStaged,
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
