import chip from "../chips/tpu-v5p.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const chips = 8960;
const systemPowerWatts = chips * chip.tdpWatts * (1 + overheadRules.rackFractionOfTdp);

export default {
  id: "tpu-v5p-pod",
  name: "Google TPU v5p pod (8960 chips)",
  chipId: chip.id,
  chipsPerSystem: chips,
  scaleUpDomainChips: chips,
  scaleUpNetworkId: "tpu-ici",
  scaleOutNetworkId: "tpu-dcn",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, chips, chip.tdpWatts),
  cooling: "liquid",
  notes:
    "3D torus with optical circuit switches; largest schedulable slice 6144 chips (96 cubes). Slices smaller than a " +
    "full cube lack wraparound. Power is an estimate on an estimated TDP; liquid cooling as on TPU v4 (not in the sources).",
  sources: {
    chipsPerSystem: cite(src.gcp_tpu_v5p, "pod of 8960 chips"),
    scaleUpDomainChips: cite(src.gcp_tpu_v5p, "ICI spans the pod"),
    systemPowerWatts: overheadRules.rack,
    hostOverheadWattsPerChip: overheadRules.rack,
  },
} satisfies System;
