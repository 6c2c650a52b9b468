import chip from "../chips/h100-sxm.ts";
import { cite, estimate, src } from "../bibliography.ts";
import { hostOverheadWattsPerChip } from "../estimates.ts";
import type { System } from "../schema.ts";

const systemPowerWatts = 10_200;

export default {
  id: "hgx-h100-8",
  name: "NVIDIA DGX H100 / HGX H100 8-GPU node",
  chipId: chip.id,
  chipsPerSystem: 8,
  scaleUpDomainChips: 8,
  scaleUpNetworkId: "nvlink4",
  scaleOutNetworkId: "ib-ndr-400",
  systemPowerWatts,
  hostOverheadWattsPerChip: hostOverheadWattsPerChip(systemPowerWatts, 8, chip.tdpWatts),
  hostMemoryBytes: 2e12,
  hostMemoryBytesPerSecond: 2 * 8 * 38.4e9,
  hostLinkBytesPerSecond: 64e9 - 50e9,
  cooling: "air",
  purchaseUsd: 270_000,
  rackUnits: 8,
  notes:
    "4 NVSwitch gen3 (3.6 TB/s bisection), 8 x single-port ConnectX-7 400 Gb/s, 2 x Xeon Platinum 8480C. DGX SuperPOD " +
    "scalable unit = 32 nodes over Quantum-2 NDR. One secondary page lists ~11.3 kW max.",
  sources: {
    hostMemoryBytes: cite(src.nv_dgx_h100_quoted, "DGX H100 datasheet: system memory 2 TB"),
    hostMemoryBytesPerSecond: cite(src.server_dram_channels, "2 x Xeon Platinum 8480C, 8 channels DDR5-4800 each = 614 GB/s"),
    hostLinkBytesPerSecond: estimate(
      src.pcie_spec_rates,
      "H100 SXM host interface PCIe Gen5 x16 = 64 GB/s per direction, less its NIC's 50 GB/s",
      "DGX H100 puts one 400 Gb/s ConnectX-7 per GPU behind the same PCIe switch: GPUDirect RDMA traffic shares the GPU's x16 link, so while the network runs at line rate 64 - 50 = 14 GB/s per direction are left for host copies.",
    ),
    chipsPerSystem: cite(src.nv_dgx_h100_quoted, "8x NVIDIA H100"),
    scaleUpDomainChips: cite(src.nv_dgx_h100_quoted, "4x NVSwitch joining 8 GPUs"),
    systemPowerWatts: cite(src.nv_dgx_h100_quoted, "'System power usage ~10.2kW max'"),
    hostOverheadWattsPerChip: cite(src.nv_dgx_h100_quoted, "(10.2 kW - 8 x 700 W) / 8"),
    purchaseUsd: estimate(src.epoch_h100_cost_nb, "DGX H100 ~$270,000 (SemiAnalysis, May 2023)", "Analyst estimate of the sale price; 2023-2025 listings imply $248k-$375k."),
    rackUnits: cite(src.mleng_net, "DGX H100 8U"),
  },
} satisfies System;
