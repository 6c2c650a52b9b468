import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "pcie6",
  name: "PCIe 6.0 x16",
  kind: "host",
  linkBytesPerSecond: 121e9,
  latencySeconds: 11e-6,
  switchLatencySeconds: 0,
  notes:
    "64 GT/s per lane, PAM4 + FLIT + lightweight FEC: 128 GB/s raw per direction, ~121 GB/s after FLIT overhead. PCI-SIG's " +
    "'256 GB/s' is x16 both directions raw. On ConnectX-8 and (per NVIDIA) Blackwell Ultra.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "PCIe 6.0 x16: 121 GB/s per direction (242 bidirectional)"),
    latencySeconds: latencySources.pcieHostStaged,
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
