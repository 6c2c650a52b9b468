import { cite, estimate, src } from "../bibliography.ts";
import { latencySources } from "../estimates.ts";
import type { Network } from "../schema.ts";

export default {
  id: "neuronlink",
  name: "AWS NeuronLink-v3 (Trainium2)",
  kind: "scale-up",
  linkBytesPerSecond: 128e9,
  latencySeconds: 2e-6,
  switchLatencySeconds: 0,
  notes:
    "Point-to-point torus-like links: per Trainium2, 4 in-instance neighbours at 128 GB/s and 2 inter-instance at 64 GB/s " +
    "(per direction per ml-engineering; AWS states 1.28 TB/s per chip without a direction). Domain 16 (instance) or 64 (UltraServer).",
  sources: {
    linkBytesPerSecond: cite(src.mleng_net, "Trn2: 4 intra-instance neighbours at 128 GB/s"),
    latencySeconds: estimate(
      src.cuda_samples_230,
      "NVLink p2p ~2 us software-visible",
      "No NeuronLink latency in the sources; assumed equal to the NVLink software-visible p2p latency.",
    ),
    switchLatencySeconds: latencySources.switchless,
  },
} satisfies Network;
