import chip from "../chips/a100-sxm-40gb.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 6_500;

export default {
  id: "hgx-a100-8",
  name: "NVIDIA DGX A100 / HGX A100 8-GPU node",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "nvlink3",
  scaleOutNetworkId: "ib-hdr-200",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  hostMemoryBytes: 1e12,
  hostMemoryBytesPerSecond: 2 * 204.8e9,
  hostLinkBytesPerSecond: 32e9 - 25e9,
  cooling: "air",
  purchaseUsd: 199_000,
  rackUnits: 6,
  notes: "Launch configuration: 8 x A100 40GB (320 GB), 6 NVSwitch gen2, 2 x AMD EPYC 7742, 8 x 200 Gb/s HDR.",
  sources: {
    hostMemoryBytes: cite(src.nv_dgx_a100_datasheet, "DGX A100 (320 GB) system memory 1 TB"),
    hostMemoryBytesPerSecond: cite(src.server_dram_channels, "2 x EPYC 7742, 8 channels DDR4-3200 each = 410 GB/s"),
    hostLinkBytesPerSecond: estimate(
      src.pcie_spec_rates,
      "A100 SXM host interface PCIe Gen4 x16 = 32 GB/s per direction, less its NIC's 25 GB/s",
      "DGX A100 puts one 200 Gb/s HDR ConnectX-6 per GPU behind the GPU's PCIe switch: GPUDirect RDMA traffic shares the x16 link, leaving 32 - 25 = 7 GB/s per direction for host copies while the network runs at line rate.",
    ),
    chipsPerSystem: cite(src.nv_dgx_a100_datasheet, "8x A100"),
    scaleUpDomainChips: cite(src.mleng_net, "8-GPU NVSwitch domain"),
    systemPowerWatts: cite(src.nv_dgx_a100_datasheet, "6.5 kW max"),
    hostOverheadWattsPerChip: cite(src.nv_dgx_a100_datasheet, "(6.5 kW - 8 x 400 W) / 8"),
    purchaseUsd: cite(src.nv_dgx_a100_price),
    rackUnits: cite(src.nv_dgx_a100_datasheet, "6U"),
  },
} satisfies System;
