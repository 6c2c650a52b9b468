import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "pcie5",
  name: "PCIe 5.0 x16",
  kind: "host",
  linkBytesPerSecond: 63e9,
  latencySeconds: 11e-6,
  switchLatencySeconds: 0,
  notes:
    "32 GT/s per lane, 128b/130b. Vendors quote '128 GB/s' (both directions, raw). Measured H2D on 8x H200: 55.4 GB/s (88%). " +
    "Host link of H100/H200/B200/MI300X/MI355X/TPU v6e/RTX 5090.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "PCIe 5.0 x16: 63 GB/s per direction (126 bidirectional)"),
    latencySeconds: latencySources.pcieHostStaged,
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
