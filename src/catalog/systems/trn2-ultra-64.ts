import chip from "../chips/trainium2.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 64 * (chip.tdpWatts + overheadRules.airServerWattsPerChip);

export default {
  id: "trn2-ultra-64",
  name: "AWS Trn2 UltraServer (64 Trainium2)",
  chipId: chip.id,
  chipsPerSystem: 64,
  scaleUpDomainChips: 64,
  scaleUpNetworkId: "neuronlink",
  scaleOutNetworkId: "efa",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 64, chip.tdpWatts),
  cooling: "air",
  notes: "4 trn2 instances joined by NeuronLink (2 inter-instance links per chip at 64 GB/s). Power is an estimate on an estimated TDP.",
  sources: {
    chipsPerSystem: cite(src.neuron_trn2, "Trn2 UltraServer: 64 chips"),
    scaleUpDomainChips: cite(src.neuron_trn2, "memory pool / NeuronLink domain up to 64 chips"),
    systemPowerWatts: overheadRules.airServer,
    hostOverheadWattsPerChip: overheadRules.airServer,
  },
} satisfies System;
