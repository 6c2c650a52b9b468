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
  hostMemoryBytes: 17e12,
  hostMemoryBytesPerSecond: 36 * 500e9,
  hostLinkBytesPerSecond: 900e9 / 2 / 2,
  cooling: "liquid",
  purchaseUsd: 3_500_000,
  notes:
    "72 x ConnectX-8 SuperNIC 800 Gb/s + 18 BlueField DPUs; 36 Grace CPUs, 17 TB LPDDR5X. Power is NVIDIA's planning " +
    "budget: per node 4 x 1.4 kW GPUs + 1 kW CPU = 6.6 kW managed + 0.9 kW static = 7.5 kW, x 18 nodes.",
  sources: {
    hostMemoryBytes: cite(src.nv_gb300_nvl72_quoted, "Fast Memory 37 TB minus 20 TB HBM3e = 17 TB LPDDR5X on 36 Grace CPUs"),
    hostMemoryBytesPerSecond: estimate(
      src.grace_lpddr5x_bandwidth,
      "36 Grace CPUs x 500 GB/s",
      "The GB300 table gives no CPU memory bandwidth; the same Grace CPU as GB200 is assumed.",
    ),
    hostLinkBytesPerSecond: estimate(
      src.nv_grace_c2c,
      "NVLink-C2C 900 GB/s bidirectional per Grace (as GB200)",
      "Same Grace-to-two-GPU C2C as GB200: 450 GB/s per direction shared by two GPUs = 225 GB/s per GPU per direction.",
    ),
    chipsPerSystem: cite(src.nv_gb300_nvl72_quoted, "72 Blackwell Ultra GPUs"),
    scaleUpDomainChips: cite(src.nv_gb300_nvl72_quoted, "NVLink 130 TB/s across 72 GPUs"),
    systemPowerWatts: cite(src.mleng_accel, "NVIDIA Mission Control FAQ example: 18 x 7.5 kW = 135 kW rack budget"),
    hostOverheadWattsPerChip: cite(src.mleng_accel, "(135 kW - 72 x 1.4 kW) / 72"),
    purchaseUsd: estimate(src.klockwood_b300, "rack ~$3-4M commonly reported", "Midpoint of an unverified range."),
  },
} satisfies System;
