import chip from "../chips/gb300.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 135_000;

export default {
  id: "gb300-nvl72",
  name: "NVIDIA GB300 NVL72 rack (Blackwell Ultra)",
  chipId: chip.id,
  chipsPerSystem: 72,
  scaleUpDomainChips: 72,
  scaleUpNetworkId: "nvlink5",
  scaleOutNetworkId: "ib-xdr-800",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 72, chip.tdpWatts),
  cooling: "liquid",
  purchaseUsd: 3_500_000,
  notes:
    "72 x ConnectX-8 SuperNIC 800 Gb/s + 18 BlueField DPUs; 36 Grace CPUs, 17 TB LPDDR5X. Power is NVIDIA's planning " +
    "budget: per node 4 x 1.4 kW GPUs + 1 kW CPU = 6.6 kW managed + 0.9 kW static = 7.5 kW, x 18 nodes.",
  sources: {
    chipsPerSystem: cite(src.nv_gb300_nvl72_quoted, "72 Blackwell Ultra GPUs"),
    scaleUpDomainChips: cite(src.nv_gb300_nvl72_quoted, "NVLink 130 TB/s across 72 GPUs"),
    systemPowerWatts: cite(src.mleng_accel, "NVIDIA Mission Control FAQ example: 18 x 7.5 kW = 135 kW rack budget"),
    hostOverheadWattsPerChip: cite(src.mleng_accel, "(135 kW - 72 x 1.4 kW) / 72"),
    purchaseUsd: estimate(src.klockwood_b300, "rack ~$3-4M commonly reported", "Midpoint of an unverified range."),
  },
} satisfies System;
