import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "nvlink4",
  name: "NVLink 4 + NVSwitch gen3 (H100, H200, H20, H800)",
  kind: "scale-up",
  linkBytesPerSecond: 25e9,
  latencySeconds: 2e-6,
  switchLatencySeconds: 100e-9,
  notes:
    "18 links per GPU x 25 GB/s per direction = 450 GB/s (900 bidirectional; H800 reportedly ~half). Measured p2p ~376-380 " +
    "GB/s one way (83%); NCCL ring busbw ~361-367 GB/s; NVLS all-reduce ~480 GB/s on 8 GPUs. Latency is software-visible p2p.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "NVLink 4: 18 links x 25 GB/s per direction = 450 GB/s per GPU"),
    latencySeconds: latencySources.nvlinkP2p,
    switchLatencySeconds: latencySources.nvswitchHop,
  },
} satisfies Network;
