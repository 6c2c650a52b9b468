import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "infinity-fabric",
  name: "AMD Infinity Fabric / xGMI (MI250X, MI300X, MI325X, MI355X)",
  kind: "scale-up",
  linkBytesPerSecond: 64e9,
  latencySeconds: 2e-6,
  switchLatencySeconds: 0,
  notes:
    "Switchless full mesh of 7 links per GPU in an 8-GPU platform: a GPU pair gets ONE link (1/7 of the fabric). " +
    "Per link per direction: MI250X 50, MI300X/MI325X 64, MI350X/MI355X 76.5 GB/s (AMD's 'peak link bandwidth' read as duplex).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "MI300X/MI325X: 128 GB/s link peak = 64 GB/s per peer per direction"),
    latencySeconds: estimate(
      src.cuda_samples_230,
      "NVLink p2p ~2 us software-visible",
      "No Infinity Fabric latency in the sources; assumed equal to the NVLink software-visible p2p latency.",
    ),
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
