import { cite, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "eth-400g",
  name: "400 GbE RoCEv2 (Spectrum-X / ConnectX-7, AMD Pollara 400)",
  kind: "scale-out",
  linkBytesPerSecond: 400e9 / 8,
  latencySeconds: 2e-6,
  switchLatencySeconds: 300e-9,
  notes: "Generic RoCEv2 Ethernet at 400 Gb/s per port (SN5400: 64 x 400GbE, 25.6 Tb/s). UEC 1.0 transports run over the same PHYs.",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "400 GbE per port / per GPU (CX-7, Pollara 400, Cornelis CN5000)"),
    latencySeconds: latencySources.ethRoceEndToEnd,
    switchLatencySeconds: latencySources.ethSwitchHop,
  },
} satisfies Network;
