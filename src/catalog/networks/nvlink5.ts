import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "nvlink5",
  name: "NVLink 5 + NVLink 5 Switch (B200, B300, GB200, GB300)",
  kind: "scale-up",
  linkBytesPerSecond: 50e9,
  latencySeconds: 2e-6,
  switchLatencySeconds: 100e-9,
  notes:
    "18 links per GPU x 50 GB/s per direction = 900 GB/s (1.8 TB/s bidirectional); 8-GPU HGX or 72-GPU NVL72 domains " +
    "(up to 576 per NVIDIA). Measured 8x B200 all-reduce busbw ~838 GB/s NVLS, ~682 ring. Latency is software-visible p2p.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "NVLink 5: 18 links x 50 GB/s per direction (nvidia-smi 53.125 raw x 0.94) = 900 GB/s per GPU"),
    latencySeconds: latencySources.nvlinkP2p,
    switchLatencySeconds: latencySources.nvswitchHop,
  },
} satisfies Network;
