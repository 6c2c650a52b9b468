import chip from "../chips/mi300x.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 8 * (chip.tdpWatts + overheadRules.airServerWattsPerChip);

export default {
  id: "mi300x-8",
  name: "AMD Instinct MI300X 8-GPU platform (UBB)",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "infinity-fabric",
  scaleOutNetworkId: "eth-400g",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  cooling: "air",
  notes:
    "Fully connected Infinity Fabric (7 links per GPU): TP=2/4 groups see only ~64 GB/s per direction per peer. " +
    "Scale-out is OEM-dependent (commonly 8 x 400 Gb/s RoCE or InfiniBand).",
  sources: {
    chipsPerSystem: cite(src.mleng_net, "8 x MI300X on one UBB (1,536 GB)"),
    scaleUpDomainChips: cite(src.mleng_net, "8-GPU Infinity Fabric mesh"),
    systemPowerWatts: overheadRules.airServer,
    hostOverheadWattsPerChip: overheadRules.airServer,
  },
} satisfies System;
