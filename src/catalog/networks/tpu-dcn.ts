import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "tpu-dcn",
  name: "Google data-center network between TPU slices (DCN)",
  kind: "scale-out",
  linkBytesPerSecond: 100e9 / 8,
  latencySeconds: 10e-6,
  switchLatencySeconds: 300e-9,
  notes: "Host NICs joining TPU slices (multislice). Per chip: v5e 25 Gb/s (2 x 100 Gbps per 8-chip host), v5p 50 Gb/s. " + "DCN per v5e pod 6.4 Tbps.",
  sources: {
    linkBytesPerSecond: cite(src.gcp_tpu_v5e, "2 x 100 Gbps NIC per 8-chip host"),
    latencySeconds: estimate(
      src.gcp_tpu_v5e,
      "DCN (no latency stated)",
      "Google publishes no DCN latency; assumed ~10 us host-NIC-to-host-NIC, like other non-InfiniBand cloud fabrics.",
    ),
    switchLatencySeconds: latencySources.ethSwitchHop,
  },
} satisfies Network;
