/**
 * Figures the hardware catalog states without a vendor publishing them (latencies, host overheads),
 * each an `estimate` with its reasoning, derived from cited figures where one exists.
 * @module
 */
import { cite, estimate, src } from "./bibliography.ts";

/**
 * Host overhead per accelerator, watts: what a system draws beyond its accelerators, divided by their count.
 * Used with cited system and chip figures, so it derives rather than asserts the overhead.
 */
export function hostOverheadWattsPerChip(systemPowerWatts: number, chips: number, chipTdpWatts: number): number {
  return Math.max(0, (systemPowerWatts - chips * chipTdpWatts) / chips);
}

/** Latency citations shared by several networks: vendors publish few latencies, so most are estimates. */
export const latencySources = {
  nvlinkP2p: estimate(
    src.cuda_samples_230,
    "P2P=Enabled latency ~1.8-2.3 us on a 4-GPU NVLink node",
    "Measured software-level GPU-GPU latency (includes launch/sync overhead); NVIDIA publishes no NVLink latency.",
  ),
  nvswitchHop: estimate(
    src.ib_qm87_quote,
    "InfiniBand switch port-to-port ~100-130 ns",
    "NVIDIA publishes no NVSwitch traversal latency; assumed comparable to an InfiniBand switch hop (100 ns).",
  ),
  ibEndToEnd: estimate(
    src.mleng_net,
    "published IB latency EDR 0.5 us, HDR 0.6 us; NDR/XDR unpublished",
    "Planner default from hardware-facts.json: ~0.5-1 us NIC/endpoint + 0.1-0.2 us per switch hop; 1 us NIC-to-NIC through one switch.",
  ),
  ethRoceEndToEnd: estimate(
    src.mleng_net,
    "RoCEv2 over 400/800 GbE (Spectrum-X, CX-7/CX-8)",
    "No published figure in the sources; RoCE NIC-to-NIC through one switch assumed 2 us (about 2x InfiniBand).",
  ),
  ethSwitchHop: estimate(
    src.mleng_net,
    "Spectrum-4 SN5600/SN5400 switches",
    "No published port-to-port latency in the sources; assumed 300 ns for a 51.2 Tb/s Ethernet switch (InfiniBand ~100-130 ns).",
  ),
  pcieHostStaged: estimate(
    src.cuda_samples_230,
    "P2P disabled (PCIe path) latency ~11-25 us",
    "Software-visible GPU-GPU latency over PCIe via host memory, low end of the measured range; not re-measured per PCIe generation.",
  ),
  switchless: cite(src.mleng_net, "point-to-point links with no switch in the path: 0 s switch latency"),
} as const;

/**
 * Host-overhead rules for systems whose vendor publishes no system power. Both derive from NVIDIA-published figures:
 * an air-cooled 8-accelerator server (DGX H100: 10.2 kW max, 8 x 700 W GPUs) and a liquid-cooled rack
 * (GB300 NVL72 planning budget: 135 kW, 72 x 1.4 kW GPUs).
 */
export const overheadRules = {
  airServerWattsPerChip: hostOverheadWattsPerChip(10_200, 8, 700),
  airServer: estimate(
    src.nv_dgx_h100_quoted,
    "DGX H100 ~10.2 kW max with 8 x 700 W GPUs = 575 W per GPU of host, NICs, switches and fans",
    "Vendor publishes no system power: accelerator TDPs plus DGX H100's 575 W per accelerator of host overhead.",
  ),
  rackFractionOfTdp: hostOverheadWattsPerChip(135_000, 72, 1_400) / 1_400,
  rack: estimate(
    src.mleng_accel,
    "GB300 NVL72 planning budget 135 kW with 72 x 1.4 kW GPUs = host overhead 34% of GPU TDP",
    "Vendor publishes no pod power: each chip's (estimated) TDP plus the GB300 NVL72 rack's overhead fraction (34%).",
  ),
} as const;
