import chip from "../chips/tpu-v6e.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const chips = 256;
const systemPowerWatts = chips * chip.tdpWatts * (1 + overheadRules.rackFractionOfTdp);

export default {
  id: "tpu-v6e-pod",
  name: "Google TPU v6e (Trillium) pod (256 chips)",
  chipId: chip.id,
  chipsPerSystem: chips,
  scaleUpDomainChips: chips,
  scaleUpNetworkId: "tpu-ici",
  scaleOutNetworkId: "tpu-dcn",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, chips, chip.tdpWatts),
  cooling: "air",
  notes:
    "16x16 2D torus; 234.9 PF bf16, all-reduce 102.4 TB/s, bisection 3.2 TB/s per pod; 8 chips per host. Power is an " +
    "estimate on an estimated TDP; cooling is not stated in the sources.",
  sources: {
    chipsPerSystem: cite(src.gcp_tpu_v6e, "pod of 256 chips"),
    scaleUpDomainChips: cite(src.gcp_tpu_v6e, "ICI spans the pod (16x16)"),
    systemPowerWatts: overheadRules.rack,
    hostOverheadWattsPerChip: overheadRules.rack,
  },
} satisfies System;
