import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "efa",
  name: "AWS Elastic Fabric Adapter (EFA v3, SRD over Ethernet)",
  kind: "scale-out",
  linkBytesPerSecond: 200e9 / 8,
  latencySeconds: 10e-6,
  switchLatencySeconds: 300e-9,
  notes:
    "Per instance: p4d 4x100 Gb/s, p5 32x100, p5en 16x200, trn2.48xlarge 16x200, p6-b200 8x400, p6-b300 16x400 Gb/s; " +
    "p6e-gb200 800 Gb/s per GPU. Port rate here is EFA v3's 200 Gb/s (Trn2).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "trn2.48xlarge / p5en: 16 x 200 Gb/s EFA"),
    latencySeconds: estimate(
      src.mleng_net,
      "EFA instance bandwidth table (no latency figure)",
      "AWS publishes no EFA latency in the sources; SRD-based EFA assumed ~10 us small-message, an order above InfiniBand.",
    ),
    switchLatencySeconds: latencySources.ethSwitchHop,
  },
} satisfies Network;
