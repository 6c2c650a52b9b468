import chip from "../chips/h200-sxm.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 10_200;

export default {
  id: "hgx-h200-8",
  name: "NVIDIA DGX H200 / HGX H200 8-GPU node",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "nvlink4",
  scaleOutNetworkId: "ib-ndr-400",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  cooling: "air",
  rackUnits: 8,
  notes: "Same chassis, NVSwitch and NIC complement as DGX H100 (assumed). The HGX H200 baseboard listing ($270,565, Mar 2024) excludes the host.",
  sources: {
    chipsPerSystem: cite(src.mlperf_nv_h200, "H200-SXM-141GBx8"),
    scaleUpDomainChips: cite(src.mlperf_nv_h200, "8 GPUs, 18x NVLink 4 each"),
    systemPowerWatts: estimate(src.nv_dgx_h100_quoted, "DGX H100 ~10.2 kW max", "Unverified in the JSON: assumed equal to DGX H100 (same 700 W GPUs and chassis)."),
    hostOverheadWattsPerChip: estimate(src.nv_dgx_h100_quoted, "(10.2 kW - 8 x 700 W) / 8", "Follows the assumed system power."),
    rackUnits: cite(src.mleng_accel, "DGX H200 8U"),
  },
} satisfies System;
