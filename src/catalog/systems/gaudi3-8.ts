import chip from "../chips/gaudi3.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 8 * (chip.tdpWatts + overheadRules.airServerWattsPerChip);

export default {
  id: "gaudi3-8",
  name: "Intel Gaudi 3 HLS-3 8-card box",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "gaudi-roce",
  scaleOutNetworkId: "eth-400g",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  cooling: "air",
  notes:
    "Switchless all-to-all on the cards' own RoCE ports (3 x 200 GbE per pair, 525 GB/s per card). Scale-out: 3 x 200 GbE " +
    "per card bundled as OSFP 4x200G to Ethernet leaf switches (4.8 Tb/s per box); eth-400g stands in for the leaf fabric.",
  sources: {
    chipsPerSystem: cite(src.habana_netcfg, "HLS-3: 8 Gaudi 3 cards"),
    scaleUpDomainChips: cite(src.habana_netcfg, "all-to-all among 8 cards"),
    systemPowerWatts: overheadRules.airServer,
    hostOverheadWattsPerChip: overheadRules.airServer,
  },
} satisfies System;
