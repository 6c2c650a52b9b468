import chip from "../chips/b300.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 14_000;

export default {
  id: "hgx-b300-8",
  name: "NVIDIA DGX B300 / HGX B300 8-GPU node",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "nvlink5",
  scaleOutNetworkId: "ib-xdr-800",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  cooling: "air",
  rackUnits: 10,
  notes:
    "8 x ConnectX-8 SuperNIC 800 Gb/s (XDR / Quantum-X800). HGX page: 2.1 TB memory per board vs 2.3 TB for DGX B300 " +
    "(usable vs physical). OEM HGX B300 servers also come liquid-cooled.",
  sources: {
    chipsPerSystem: cite(src.nv_hgx_page_quoted, "HGX B300 8 GPUs"),
    scaleUpDomainChips: cite(src.nv_hgx_page_quoted, "14.4 TB/s NVLink across 8 GPUs"),
    systemPowerWatts: estimate(src.klockwood_b300, "DGX B300 '~14 kW per unit'", "Secondary quote of NVIDIA; unverified."),
    hostOverheadWattsPerChip: estimate(src.klockwood_b300, "(14 kW - 8 x 1.1 kW) / 8", "Follows the secondary system figure and the disputed 1.1 kW GPU TDP."),
    rackUnits: cite(src.mleng_net, "DGX B300 10U"),
  },
} satisfies System;
