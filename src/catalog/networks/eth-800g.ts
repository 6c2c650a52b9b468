import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "eth-800g",
  name: "800 GbE RoCEv2 (Spectrum-X SN5600 / ConnectX-8)",
  kind: "scale-out",
  linkBytesPerSecond: 800e9 / 8,
  latencySeconds: 2e-6,
  switchLatencySeconds: 300e-9,
  notes: "SN5600: 64 x 800GbE, 51.2 Tb/s. Multiplane: each SuperNIC may be split across planes.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "800 Gb/s per GPU (CX-8; AMD Vulcano, Cornelis CN6000 announced)"),
    latencySeconds: latencySources.ethRoceEndToEnd,
    switchLatencySeconds: latencySources.ethSwitchHop,
  },
} satisfies Network;
