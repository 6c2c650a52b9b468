import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "nvlink3",
  name: "NVLink 3 + NVSwitch gen2 (A100)",
  kind: "scale-up",
  linkBytesPerSecond: 25e9,
  latencySeconds: 2e-6,
  switchLatencySeconds: 100e-9,
  notes:
    "12 links per GPU x 25 GB/s per direction = 300 GB/s (600 bidirectional). ~20 GB/s effective per link with 128 B " +
    "payloads (~230 GB/s achievable all-reduce busbw). Latency is the software-visible p2p figure, not wire latency.",
  sources: {
    linkBytesPerSecond: cite(src.nccl_tests_149, "each NVLink3 link 25 GB/s per direction line rate"),
    latencySeconds: latencySources.nvlinkP2p,
    switchLatencySeconds: latencySources.nvswitchHop,
  },
} satisfies Network;
