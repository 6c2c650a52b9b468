import chip from "../chips/gb200.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 120_000;

export default {
  id: "gb200-nvl72",
  name: "NVIDIA GB200 NVL72 rack",
  chipId: chip.id,
  chipsPerSystem: 72,
  scaleUpDomainChips: 72,
  scaleUpNetworkId: "nvlink5",
  scaleOutNetworkId: "ib-ndr-400",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 72, chip.tdpWatts),
  hostMemoryBytes: 36 * 480e9,
  hostMemoryBytesPerSecond: 36 * 500e9,
  hostLinkBytesPerSecond: 900e9 / 2 / 2,
  cooling: "liquid",
  purchaseUsd: 2_500_000,
  notes:
    "18 x 1U compute trays (2 GB200 superchips = 4 GPUs + 2 Grace each) + 9 NVLink switch trays (18 NVSwitch chips), " +
    "copper spine; 36 Grace CPUs, up to 17 TB LPDDR5X. NVIDIA's reference rack has 264 kW of PSU capacity " +
    "(8 shelves x 33 kW incl. redundancy): provisioning, not draw.",
  sources: {
    hostMemoryBytes: cite(src.nv_grace_c2c, "36 Grace CPUs x 480 GB LPDDR5X = 17.3 TB (NVIDIA's spec table: up to 17 TB)"),
    hostMemoryBytesPerSecond: cite(src.grace_lpddr5x_bandwidth, "36 Grace CPUs x 500 GB/s"),
    hostLinkBytesPerSecond: estimate(
      src.nv_grace_c2c,
      "NVLink-C2C 900 GB/s bidirectional per superchip",
      "One Grace serves two GPUs over the 900 GB/s (both directions) C2C: 450 GB/s per direction shared by two GPUs = 225 GB/s per GPU per direction when both offload at once (the case in data-parallel training).",
    ),
    chipsPerSystem: cite(src.nv_gb200_nvl72_quoted, "72 Blackwell GPUs, 36 Grace CPUs"),
    scaleUpDomainChips: cite(src.nv_gb200_nvl72_quoted, "NVLink 130 TB/s across 72 GPUs"),
    systemPowerWatts: estimate(src.awesomeagents_gb200, "~120 kW per rack", "Commonly reported, not on NVIDIA's spec table (unverified). 72 x 1.2 kW GPUs alone are 86.4 kW."),
    hostOverheadWattsPerChip: estimate(src.awesomeagents_gb200, "(120 kW - 72 x 1.2 kW) / 72", "Follows the reported rack power."),
    purchaseUsd: estimate(src.awesomeagents_gb200, "$2-3M per rack", "Midpoint of a commonly reported, unverified range."),
  },
} satisfies System;
