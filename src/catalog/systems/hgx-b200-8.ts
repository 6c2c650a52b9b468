import chip from "../chips/b200.ts";
import { cite, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 14_300;

export default {
  id: "hgx-b200-8",
  name: "NVIDIA DGX B200 / HGX B200 8-GPU node",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "nvlink5",
  scaleOutNetworkId: "ib-ndr-400",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  cooling: "air",
  purchaseUsd: 379_000,
  rackUnits: 10,
  notes: "2 NVLink 5 switch chips (14.4 TB/s), 8 x single-port ConnectX-7 400 Gb/s + 2 x BlueField-3, 2 x Xeon Platinum 8570.",
  sources: {
    chipsPerSystem: cite(src.nv_dgx_b200_repro, "1,440 GB = 8 x 180 GB"),
    scaleUpDomainChips: cite(src.nv_hgx_page_quoted, "HGX B200 8-GPU NVLink domain"),
    systemPowerWatts: cite(src.nv_dgx_b200_repro, "~14.3 kW max"),
    hostOverheadWattsPerChip: cite(src.nv_dgx_b200_repro, "(14.3 kW - 8 x 1000 W) / 8"),
    purchaseUsd: cite(src.epoch_prices, "Delta Computer DGX B200 list price Dec 2024 (EUR->USD)"),
    rackUnits: cite(src.nv_dgx_b200_repro, "10U"),
  },
} satisfies System;
