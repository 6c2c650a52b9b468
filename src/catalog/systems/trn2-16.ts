import chip from "../chips/trainium2.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip, overheadRules } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 16 * (chip.tdpWatts + overheadRules.airServerWattsPerChip);

export default {
  id: "trn2-16",
  name: "AWS trn2.48xlarge (16 Trainium2)",
  chipId: chip.id,
  chipsPerSystem: 16,
  scaleUpDomainChips: 16,
  scaleUpNetworkId: "neuronlink",
  scaleOutNetworkId: "efa",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 16, chip.tdpWatts),
  cooling: "air",
  notes: "16 x 200 Gbps EFA v3 (3.2 Tbps). Four instances form a 64-chip Trn2 UltraServer (trn2-ultra-64). Power is an estimate on an estimated TDP.",
  sources: {
    chipsPerSystem: cite(src.neuron_trn2, "16 Trainium2 per trn2.48xlarge"),
    scaleUpDomainChips: cite(src.neuron_trn2, "NeuronLink within the instance"),
    systemPowerWatts: overheadRules.airServer,
    hostOverheadWattsPerChip: overheadRules.airServer,
  },
} satisfies System;
