import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "gaudi-roce",
  name: "Intel Gaudi integrated RoCE v2 (scale-up mesh)",
  kind: "scale-up",
  linkBytesPerSecond: 200e9 / 8,
  latencySeconds: 2e-6,
  switchLatencySeconds: 0,
  notes:
    "24 Ethernet ports on chip (Gaudi 2: 100 GbE, Gaudi 3: 200 GbE); 21 form a switchless all-to-all mesh inside the 8-card " +
    "box (3 ports per peer), 3 go to scale-out leaf switches. Gaudi 3: 525 GB/s scale-up per card per direction.",
  sources: {
    linkBytesPerSecond: cite(src.habana_netcfg, "Gaudi 3: 200 Gbps per port"),
    latencySeconds: latencySources.ethRoceEndToEnd,
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
