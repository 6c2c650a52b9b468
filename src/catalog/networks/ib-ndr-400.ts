import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "ib-ndr-400",
  name: "InfiniBand NDR 400 Gb/s (Quantum-2, ConnectX-7)",
  kind: "scale-out",
  linkBytesPerSecond: 400e9 / 8,
  latencySeconds: 1e-6,
  switchLatencySeconds: 130e-9,
  notes:
    "4 lanes x 100 Gb/s per port; Quantum-2 QM9700: 64 x 400 Gb/s, 51.2 Tb/s, SHARPv3. Used by DGX H100/H200/B200 and " + "GB200 NVL72 compute fabrics (one ConnectX-7 per GPU).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "NDR: 400 Gb/s per 4x port"),
    latencySeconds: latencySources.ibEndToEnd,
    switchLatencySeconds: estimate(
      src.mleng_net,
      "Quantum-2 port-to-port latency not officially published (third-party <150 ns or ~330 ns)",
      "Assumed equal to HDR's secondary-quoted 'sub-130ns'.",
    ),
  },
} satisfies Network;
