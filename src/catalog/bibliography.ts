/**
 * The bibliography of the hardware catalog: every work cited by chips, systems, networks, formats and facility.
 * Keys follow `meta.source_index` of `../shared/hardware-facts.json`, from which refs and titles are carried
 * verbatim; `date` is the source's own date where known, else "2026-08" (when the snapshot was read).
 * Entries below the JSON-derived block cite originals the JSON does not cover (consumer GPUs, number formats).
 * @module
 */
import type { Source } from "./schema.ts";

/** A citation without a figure-specific note. */
export interface Citation {
  readonly ref: string;
  readonly title: string;
  readonly date: string;
}

/** Cite `base` for one figure; `detail` says what was read there (appended to the title). */
export function cite(base: Citation, detail?: string): Source {
  return { ref: base.ref, title: detail ? `${base.title} — ${detail}` : base.title, date: base.date };
}

/** Cite `base` for a figure no vendor published; `reasoning` explains how it was estimated. */
export function estimate(base: Citation, detail: string, reasoning: string): Source {
  return { ...cite(base, detail), estimate: reasoning };
}

export const src = {
  mleng_accel: {
    ref: "github.com/stas00/ml-engineering @744d01e18b79512572f64a6bbd8b5f4a725203a7 : compute/accelerator/README.md",
    title: "stas00/ml-engineering, compute/accelerator/README.md (TFLOPS/memory/power/clock tables, each row footnoted to vendor pages)",
    date: "2026-08",
  },
  mleng_net: {
    ref: "github.com/stas00/ml-engineering @744d01e18b79512572f64a6bbd8b5f4a725203a7 : network/README.md",
    title: "stas00/ml-engineering, network/README.md (NVLink/IF/PCIe/IB/EFA tables with vendor citations and measurements)",
    date: "2026-08",
  },
  epoch_chips: {
    ref: "github.com/epoch-research/training-cost-trends @263c40a159307e917213d1dc433c617e47d55bfe : data/Chip dataset-Grid view.csv",
    title: "Epoch AI chip dataset (per-row datasheet links)",
    date: "2026-08",
  },
  epoch_prices: {
    ref: "github.com/epoch-research/training-cost-trends @263c40a159307e917213d1dc433c617e47d55bfe : data/Hardware prices.csv",
    title: "Epoch AI hardware price dataset (per-row archived price sources)",
    date: "2026-08",
  },
  epoch_paper: {
    ref: "https://arxiv.org/abs/2405.21015",
    title: "Cottier et al., 'The rising costs of training frontier AI models' (Epoch AI / Stanford), arXiv:2405.21015",
    date: "2024-05",
  },
  scalingbook_tpus: {
    ref: "github.com/jax-ml/scaling-book @0819a7d8c55ddc113f5cba0285a5f97380cac1e3 : tpus.md",
    title: "How to Scale Your Model (Google DeepMind authors), tpus.md (Feb-2025 snapshot)",
    date: "2026-08",
  },
  nv_h100_table_hpctech: {
    ref: "https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html",
    title: "NVIDIA H100 SXM/PCIe spec table reproduced by reseller HPC Tech (incl. footnote '* Shown with sparsity. Specifications 1/2 lower without sparsity')",
    date: "2023-03",
  },
  nv_h100_pcie_pb: {
    ref: "https://manuals.plus/m/d4b5dc21484df3ba8fbe84918338461cc074a3fcebcc13423eadc2b10ac3bda4",
    title: "NVIDIA H100 PCIe Product Brief PB-11133-001_v02 (copy)",
    date: "2026-08",
  },
  klockwood_a100: {
    ref: "https://glennklockwood.com/garden/processors/A100",
    title: "Glenn Lockwood, A100 notes (cites NVIDIA A100 datasheet + Ampere whitepaper)",
    date: "2026-08",
  },
  klockwood_h100: {
    ref: "https://glennklockwood.com/garden/processors/h100",
    title: "Glenn Lockwood, H100 notes (cites NVIDIA whitepaper)",
    date: "2026-08",
  },
  klockwood_b200: {
    ref: "https://glennklockwood.com/garden/processors/B200",
    title: "Glenn Lockwood, B200/GB200 notes (cites NVIDIA datasheet)",
    date: "2026-08",
  },
  klockwood_b300: {
    ref: "https://glennklockwood.com/garden/processors/B300",
    title: "Glenn Lockwood, B300/GB300 notes",
    date: "2026-08",
  },
  klockwood_maia: {
    ref: "https://glennklockwood.com/garden/processors/maia-100",
    title: "Glenn Lockwood, Maia 100 notes (Hot Chips 2024)",
    date: "2026-08",
  },
  klockwood_pcie6: {
    ref: "https://glennklockwood.com/garden/pcie-gen6",
    title: "Glenn Lockwood, PCIe Gen6 notes",
    date: "2026-08",
  },
  upb_a100: {
    ref: "https://upb-pc2.atlassian.net/wiki/spaces/PC2DOK/pages/1900609/NVIDIA+A100+40GB+with+NVLINK",
    title: "Paderborn PC2 wiki: NVIDIA A100 40GB spec table (with '*With sparsity' footnote)",
    date: "2026-08",
  },
  thunder_a100: {
    ref: "https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide",
    title: "Thunder Compute A100 specs guide (form-factor table)",
    date: "2026-08",
  },
  nv_blackwell_ultra_blog: {
    ref: "https://developer.nvidia.com/blog/inside-nvidia-blackwell-ultra-the-chip-powering-the-ai-factory-era",
    title: "NVIDIA Technical Blog: 'Inside NVIDIA Blackwell Ultra: The Chip Powering the AI Factory Era' (15 PFLOPS dense NVFP4, 160 SMs, 288 GB HBM3E, 8 TB/s)",
    date: "2025-08",
  },
  tomshw_bu: {
    ref: "https://www.tomshardware.com/pc-components/gpus/nvidia-shares-blackwell-ultras-secrets-nvfp4-boost-detailed-and-pcie-6-0-support",
    title: "Tom's Hardware: 'Nvidia shares Blackwell Ultra's secrets - NVFP4 boost detailed and PCIe 6.0 support' (Hot Chips 2025)",
    date: "2025-08",
  },
  nv_hgx_page_quoted: {
    ref: "https://www.nvidia.com/en-us/data-center/hgx/",
    title:
      "NVIDIA HGX platform spec table (HGX B300/B200: FP4 '144 PFLOPS | 108 PFLOPS' / '144 | 72', footnotes 'Specification in Sparse | Dense', 'Dense is 1/2 sparse spec shown'), quoted verbatim in public repository notes",
    date: "2026-08",
  },
  nv_gb200_nvl72_quoted: {
    ref: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
    title:
      "NVIDIA GB200 NVL72 spec table (FP4 1,440 PF, FP8/FP6 720, FP16/BF16 360, TF32 180, FP32 5,760 TF, FP64 2,880 TF, up to 13.4 TB HBM3e | 576 TB/s, NVLink 130 TB/s, 2,592 Neoverse V2 cores, up to 17 TB LPDDR5X), reproduced verbatim in several public repositories",
    date: "2026-08",
  },
  nv_gb300_nvl72_quoted: {
    ref: "https://www.nvidia.com/en-us/data-center/gb300-nvl72/",
    title:
      "NVIDIA GB300 NVL72 spec table (FP4 '1440 | 1080(2)' with footnote 2 'Without sparsity', 'All Tensor Core specifications are with sparsity unless otherwise noted', FP8/FP6 720, INT8 24 POPS, FP16/BF16 360, TF32 180, FP32 6 PF, FP64 100 TF, 20 TB | 576 TB/s, NVLink 130 TB/s, Fast Memory 37 TB), reproduced verbatim in public repositories",
    date: "2026-08",
  },
  nv_blackwell_ds_repro: {
    ref: "https://zdszero.github.io/Computer/Artificial_Intelligence/Hardware.html",
    title:
      "NVIDIA Blackwell datasheet table (GB200 NVL72 vs HGX B200; individual GPU: GB200 186GB|8TB/s up to 1,200W; HGX B200 180GB|7.7TB/s up to 1,000W; NVLink 1.8TB/s; PCIe Gen5 128GB/s; Tensor values with sparsity) reproduced on zdszero.github.io",
    date: "2026-08",
  },
  nv_dgx_b200_repro: {
    ref: "https://resources.nvidia.com/en-us-dgx-systems/dgx-b200-datasheet (reproduced in a public blog repository; see also https://brent-newsom-nvidia.github.io/AIPS-Boom/wiki/NVIDIA-DGX-B200)",
    title: "DGX B200 datasheet table reproduced (1,440GB, 72 PF training / 144 PF inference, ~14.3kW max, 8x single-port ConnectX-7 400Gb/s + 2x BlueField-3, 10U, 2x Xeon 8570)",
    date: "2026-08",
  },
  nv_dgx_h100_quoted: {
    ref: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-h100-datasheet.pdf",
    title:
      "NVIDIA DGX H100 datasheet, quoted verbatim: 'GPU 8x NVIDIA H100 Tensor Core GPUs GPU memory 640GB total Performance 32 petaFLOPS FP8 NVIDIA NVSwitch 4x System power usage ~10.2kW max'",
    date: "2023",
  },
  nv_bcm_powershelf: {
    ref: "https://docs.nvidia.com/base-command-manager/product-manuals/nvidia-mission-control/powershelf.md",
    title: "NVIDIA Base Command Manager / Mission Control: Power Shelf Integration (GB200 rack reference design: 8 power shelves x 6 PSUs x 5.5 kW; each shelf up to 33 kW)",
    date: "2026-08",
  },
  nv_bcm_nvlink: {
    ref: "https://docs.nvidia.com/base-command-manager/product-manuals/nvidia-mission-control/nvlinkinfo",
    title: "NVIDIA Base Command Manager: NVLink Technology (GB200/GB300: NVLink 5, 'support for up to 576 GPUs in a single NVLink domain')",
    date: "2026-08",
  },
  mlperf_dell_h100: {
    ref: "github.com/mlcommons/inference_results_v3.1 : closed/Dell/systems/XE9680_H100_SXM_80GBx8_TRT.json",
    title: "MLCommons inference v3.1 system description, Dell XE9680 H100-SXM-80GB x8 ('8x 400Gb Infiniband', PCIe Gen5 x16, HBM3)",
    date: "2023-09",
  },
  mlperf_nv_h200: {
    ref: "github.com/mlcommons/inference_results_v4.1 : closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json",
    title: "MLCommons inference v4.1 NVIDIA H200-SXM-141GBx8 system JSON ('18x 4th Gen NVLink, 900GB/s', 'PCIe Gen5 x16', 'H200 TGP 700W', 141 GB HBM3e)",
    date: "2024-08",
  },
  mlperf_nebius_b200: {
    ref: "github.com/mlcommons/inference_results_v6.0 : closed/Nebius/systems/nebius_b200_n1.json",
    title:
      "MLCommons inference v6.0 Nebius B200 system JSON (B200-SXM-180GB, HBM3e, 'PCIe Gen5 x16', '18x 5th Gen NVLink, 14.4 TB/s aggregated', '8x ConnectX-7 IB NDR 400Gb/s', 'B200 TGP 1000W')",
    date: "2026-08",
  },
  mlperf_crusoe_gb200: {
    ref: "github.com/mlcommons/inference_results_v6.1 : closed/Crusoe/systems/GB200-NVL72_GB200-186GB_aarch64x16_Dynamo.json",
    title: "MLCommons inference v6.1 Crusoe GB200-NVL72 system JSON (GB200 186 GB HBM3e, 4 GPUs per compute tray, NVLink-C2C host link)",
    date: "2026-08",
  },
  mlperf_amd_mi300x: {
    ref: "github.com/mlcommons/inference_results_v4.1 : closed/AMD/systems/8xMI300X_2xEPYC-9374F.json",
    title: "MLCommons inference v4.1 AMD 8xMI300X system JSON (MI300X-192GB-750W, HBM3, PCIe Gen5 x16, XGMI)",
    date: "2024-08",
  },
  rocm_gpu_specs: {
    ref: "https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html",
    title: "AMD ROCm docs: AMD GPU specifications (MI355X/MI350X 288 GiB, 256 CUs; MI325X 256 GiB, 304 CUs)",
    date: "2026-08",
  },
  mi300x_vs_h200_repo: {
    ref: "github.com/alpharomercoma/MI300X-vs-H200 @6077fdc7bfc215171c33435b7cd76ca4c5f2b236 : METHODOLOGY.md",
    title: "alpharomercoma/MI300X-vs-H200 METHODOLOGY.md (MI300X BF16 dense 1307.4, FP8 dense 2614.9, 5.3 TB/s, 192 GB, 750 W TBP)",
    date: "2026-08",
  },
  tomshw_mi355x: {
    ref: "https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts",
    title:
      "Tom's Hardware: 'AMD's Instinct MI355X accelerator will reportedly consume 1,400 watts' (MI350X 1000W air, MI355X up to 1400W liquid; 288GB HBM3E 8TB/s; scale-up world size 8)",
    date: "2026-08",
  },
  gcp_tpu_v4: {
    ref: "https://cloud.google.com/tpu/docs/v4",
    title: "Google Cloud TPU v4 documentation",
    date: "2026-08",
  },
  gcp_tpu_v5e: {
    ref: "https://docs.cloud.google.com/tpu/docs/v5e",
    title: "Google Cloud TPU v5e documentation",
    date: "2026-08",
  },
  gcp_tpu_v5p: {
    ref: "https://docs.cloud.google.com/tpu/docs/v5p",
    title: "Google Cloud TPU v5p documentation",
    date: "2026-08",
  },
  gcp_tpu_v6e: {
    ref: "https://docs.cloud.google.com/tpu/docs/v6e",
    title: "Google Cloud TPU v6e (Trillium) documentation",
    date: "2026-08",
  },
  gcp_tpu7x: {
    ref: "https://docs.cloud.google.com/tpu/docs/tpu7x ; https://docs.cloud.google.com/tpu/docs/ironwood-performance",
    title: "Google Cloud TPU7x (Ironwood) documentation and Ironwood performance guide",
    date: "2026-08",
  },
  habana_arch: {
    ref: "https://docs.habana.ai/en/latest/Gaudi_Overview/Gaudi_Architecture.html",
    title: "Intel Gaudi architecture documentation",
    date: "2026-08",
  },
  habana_netcfg: {
    ref: "https://docs.habana.ai/en/latest/Management_and_Monitoring/Network_Configuration/index.html",
    title: "Intel Gaudi Network Configuration (Gaudi 3: 21 scale-up + 3 scale-out ports at 200 Gbps; HLS-3 8-card box)",
    date: "2026-08",
  },
  hf_gaudi_docs: {
    ref: "https://huggingface.co/docs/transformers/perf_train_gaudi",
    title: "Hugging Face Transformers docs: Intel Gaudi (8 HPUs per server; 128GB Gaudi 3, 96GB Gaudi 2)",
    date: "2026-08",
  },
  neuron_trn1: {
    ref: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium.html",
    title: "AWS Neuron docs: Trainium architecture",
    date: "2026-08",
  },
  neuron_trn1_inst: {
    ref: "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.9.1/_sources/general/arch/neuron-hardware/trn1-arch.rst.txt",
    title: "AWS Neuron docs v2.9.1: Trn1/Trn1n architecture (16 Trainium per trn1.32xlarge, EFA 800/1600 Gbps, NeuronLink-v2 4D-HyperCube)",
    date: "2026-08",
  },
  neuron_trn2: {
    ref: "github.com/aws-neuron/aws-neuron-sdk @7c165a3e01131a86537f6e0b3ba43716e44d8bc4 : about-neuron/arch/neuron-hardware/trainium2.rst",
    title: "AWS Neuron SDK: Trainium2 architecture (rst source)",
    date: "2026-08",
  },
  neuron_trn3: {
    ref: "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.1/_sources/about-neuron/arch/neuron-hardware/trainium3.rst",
    title: "AWS Neuron docs v2.29.1: Trainium3 architecture",
    date: "2026-08",
  },
  neuron_inf2: {
    ref: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/inferentia2.html",
    title: "AWS Neuron docs: Inferentia2 architecture",
    date: "2026-08",
  },
  maia_hotchips_slides: {
    ref: "https://www.sgpjbg.com/bgdown/465006.html ; https://en.eeworld.com/news/qrs/eic677557.html",
    title:
      "Microsoft 'Inside Maia 100' Hot Chips 2024 slide deck (copy): 820mm2 N5, 64GB HBM2E 1.8TB/s, peak dense tensor POPS 6bit:3 9bit:1.5 BF16:0.8, 500MB L1/L2, backend 600GB/s (12x400GbE), PCIe Gen5x8 32GB/s, design TDP 700W, provision TDP 500W",
    date: "2026-08",
  },
  tweaktown_h20: {
    ref: "https://www.tweaktown.com/news/95224/nvidias-tweaked-h20-ai-gpu-enters-mass-production-in-q2-2024-destined-for-china/index.html",
    title: "TweakTown: H20 enters mass production (96GB HBM3, 4.0TB/s, 296 TFLOPs, 400W, 900GB/s NVLink, 8-way HGX)",
    date: "2024-01",
  },
  zangshuxian_h20: {
    ref: "https://zangshuxian.com/new/674733024499207168",
    title: "Chinese press summary of H20 (INT8 296, FP16 148, TF32 74, FP32 44, FP64 1 TFLOPS; 4.0 TB/s)",
    date: "2026-08",
  },
  tomshw_h800: {
    ref: "https://www.tomshardware.com/news/nvidia-gimps-h100-hopper-gpu-to-sell-as-h800-to-china",
    title: "Tom's Hardware / Reuters: H800 chip-to-chip transfer rate cut to ~half of H100",
    date: "2023-03",
  },
  deepseek_v3: {
    ref: "https://arxiv.org/abs/2412.19437",
    title: "DeepSeek-V3 Technical Report (arXiv:2412.19437): 2,048 H800 cluster; 'Assuming the rental price of the H800 GPU is $2 per GPU hour'",
    date: "2024-12",
  },
  deepseek_isca: {
    ref: "https://arxiv.org/abs/2505.09343",
    title:
      "Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures (arXiv:2505.09343): H800 cluster, multi-plane fat-tree with 400G InfiniBand",
    date: "2025-05",
  },
  nccl_1264: {
    ref: "https://github.com/NVIDIA/nccl/issues/1264",
    title: "NVIDIA/nccl issue #1264: HGX H100 p2p bandwidth 749 GB/s bidirectional of 900, ~376-380 GB/s unidirectional of 450",
    date: "2026-08",
  },
  nccl_tests_149: {
    ref: "https://github.com/NVIDIA/nccl-tests/issues/149",
    title: "NVIDIA/nccl-tests issue #149 (maintainer: each NVLink3 link 25 GB/s per direction line rate, ~20 GB/s effective with 128B payloads)",
    date: "2026-08",
  },
  cuda_samples_230: {
    ref: "https://github.com/NVIDIA/cuda-samples/issues/230",
    title: "NVIDIA/cuda-samples issue #230: p2pBandwidthLatencyTest P2P-enabled GPU-GPU latency ~1.8-2.3 us (4-GPU NVLink system)",
    date: "2026-08",
  },
  phoronix_pcie6: {
    ref: "https://www.phoronix.com/scan.php?page=news_item&px=PCIe-6.0-Specification",
    title: "Phoronix: PCIe 6.0 specification released (64 GT/s, up to 256 GB/s in x16, PAM4, FEC)",
    date: "2022-01",
  },
  uec_spec: {
    ref: "https://dev.convergedigest.com/ultra-ethernet-consortium-releases-specification-1-0 ; https://arxiv.org/abs/2508.08906",
    title: "Ultra Ethernet Consortium Specification 1.0 release coverage; UE 1.0 overview paper arXiv:2508.08906",
    date: "2026-08",
  },
  fiber_mapyourtech: {
    ref: "https://mapyourtech.com/the-5-microsecond-rule-fiber-propagation-latency-per-kilometer/",
    title: "MapYourTech: 'The 5-microsecond rule' (4.897 us/km @1550nm, ~204,190 km/s in fiber, 67.1% of c)",
    date: "2026-08",
  },
  fiber_wiki_latency: {
    ref: "https://en.wikipedia.org/wiki/Latency_(engineering)",
    title: "Wikipedia 'Latency (engineering)' (mirror): vacuum 3.33 us/km; fiber index ~1.5 -> ~5.0 us/km",
    date: "2026-08",
  },
  fiber_fiberise: {
    ref: "https://www.fiberise.com/index.php?information_id=1143&route=information%2Finformation",
    title: "Fiberise: fiber rule of thumb ~200 million m/s (1000 km -> 5 ms)",
    date: "2026-08",
  },
  uptime_pue_2023: {
    ref: "https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms",
    title: "Uptime Institute Intelligence: 'Large data centers are mostly more efficient' (industry average PUE 1.55-1.59 since ~2020; 1.58 in 2023)",
    date: "2023",
  },
  uptime_pue_2024_statista: {
    ref: "https://datasetsearch.research.google.com/search?query=average+data+center+pue",
    title: "Statista (via Google Dataset Search): 2024 survey average annual PUE 1.56 at operators' largest data center (Uptime Institute Global Data Center Survey 2024)",
    date: "2024",
  },
  uptime_2024_summary: {
    ref: "https://cloudnews.tech/uptime-institute-highlights-decline-in-trust-in-ai-and-need-to-improve-sustainability-metrics-in-data-centers",
    title: "Uptime Institute 14th annual survey summary: PUE flat ~5 years; new large facilities 1.3 or better; average rack density below 8-10 kW",
    date: "2026-08",
  },
  mcdonald_pue: {
    ref: "https://arxiv.org/abs/2205.09646",
    title: "McDonald et al., arXiv:2205.09646 (quoted): 'the global average for PUE is 1.59 (Ascierto and Lawrence, 2020)'",
    date: "2022-05",
  },
  eia_statista_industrial: {
    ref: "https://www.statista.com/statistics/190680/us-industrial-consumer-price-estimates-for-retail-electricity-since-1970/",
    title: "EIA average retail electricity price for US industrial consumers: 8.06 c/kWh in 2023, 8.3 c/kWh in 2022 (via Statista)",
    date: "2026-08",
  },
  eia_table_5_6a: {
    ref: "https://www.eia.gov/electricity/monthly/epm_table_grapher.php?t=table_5_06_a",
    title: "EIA Electric Power Monthly Table 5.6.A (April 2025): state industrial prices e.g. Iowa 6.04, Ohio 7.90, Pennsylvania 8.59, New York 8.92, New England 17.29 c/kWh",
    date: "2025-04",
  },
  eia_2025_secondary: {
    ref: "https://www.eia.gov/electricity/monthly/epm_table_grapher.php?t=epmt_5_3 (seen only as secondary quote in stored repository text)",
    title:
      "Secondary quote: 'US industrial average 2025 average 8.62 c/kWh' citing EIA Table 5.3; also quotes CBRE primary wholesale colocation asking rate $196.25/kW/month and Epoch H100 2025 price range $22k-$30k",
    date: "2026-08",
  },
  hyperscaler_depr: {
    ref: "https://shaulkoral.com/useful-life-of-servers-and-network-assets-at-tech-companies/",
    title: "Summary of 10-K/10-Q useful-life changes (Microsoft 4->6 yrs FY2023; Alphabet 6 yrs 2023; Amazon servers 4->5 yrs 2022; Meta 4->4.5->5 yrs 2022)",
    date: "2026-08",
  },
  amzn_2025_depr: {
    ref: "https://deepquarry.substack.com/p/amazon-revises-server-lifespan-amid",
    title: "Deep Quarry: Amazon 10-K (Feb 2025) quote - subset of servers/networking changed from six to five years effective 2025-01-01",
    date: "2025-02",
  },
  meta_2025_depr: {
    ref: "https://taxacct.com.au/metas-accounting-move-to-boost-profit",
    title: "Accounting Today via taxacct: Meta extends useful life of certain servers/network assets to 5.5 years (2025)",
    date: "2026-08",
  },
  nextplatform_p5: {
    ref: "https://www.nextplatform.com/2023/07/27/h100-gpu-instance-pricing-on-aws-grin-and-bear-it/",
    title: "The Next Platform: 'H100 GPU Instance Pricing On AWS' (~80-85% of money in these systems goes to Nvidia for GPUs, boards, networking)",
    date: "2023-07",
  },
  epoch_h100_cost_nb: {
    ref: "github.com/epoch-research/training-cost-trends : h100_manufacturing_cost.ipynb (as rendered in search excerpt)",
    title: "Epoch training-cost-trends notebook text: H100 sold at $25,000-$30,000 (Raymond James via Barron's); DGX H100 ~$270,000 (SemiAnalysis); non-GPU DGX BOM ~$32k",
    date: "2026-08",
  },
  tomshw_gaudi_h20_price: {
    ref: "github.com/epoch-research/training-cost-trends : data/Hardware prices.csv",
    title: "Tom's Hardware H20 ~$12,000 (distributor) and TechRadar Intel Gaudi 2 kit $65k for 8 (via Epoch price dataset rows)",
    date: "2026-08",
  },
  awesomeagents_gb200: {
    ref: "https://awesomeagents.ai/hardware/nvidia-gb200-nvl72",
    title: "awesomeagents.ai GB200 NVL72 page (~120 kW, $2-3M per rack)",
    date: "2026-08",
  },
  verda_gb300: {
    ref: "https://verda.com/blog/gb300-nvl72-architecture",
    title: "Verda (ex-DataCrunch) blog: GB300 NVL72 architecture (per-GPU dense table; GB300 279 GB, B300 270 GB usable; GB300 1.4 kW, B300 1.1 kW)",
    date: "2026-08",
  },
  ib_qm87_quote: {
    ref: "NVIDIA QM8790 product brief (seen only as a secondary quote in stored repository text)",
    title: "Secondary quote: 'the QM8790 product brief publishes sub-130ns' switch port-to-port latency; 'Quantum-X800 is <100 ns'",
    date: "2026-08",
  },
  scaleway_h100: {
    ref: "github.com/scaleway/docs-content (PR 5834) : pages/gpu/reference-content/migration-h100.mdx",
    title: "Scaleway docs: H100-SXM NVLink 900 GB/s bidirectional vs PCIe Gen5 128 GB/s theoretical",
    date: "2026-08",
  },
  grace_c2c: {
    ref: "github.com/AshokBhat/notes/wiki/Grace",
    title: "NVIDIA Grace notes: NVLink-C2C 900 GB/s coherent interface",
    date: "2026-08",
  }, // ---- Originals not in hardware-facts.json ----
  nv_ga102_whitepaper: {
    ref: "https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf",
    title: "NVIDIA Ampere GA102 GPU Architecture whitepaper, Appendix A (GeForce RTX 3090: dense/sparse Tensor TFLOPS by accumulate type, 24 GB GDDR6X, 936 GB/s, 350 W TGP)",
    date: "2020-09",
  },
  nv_ada_whitepaper: {
    ref: "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf",
    title: "NVIDIA Ada GPU Architecture whitepaper, Appendix A (GeForce RTX 4090: dense/sparse Tensor TFLOPS by accumulate type, 24 GB GDDR6X, 1008 GB/s, 450 W TGP)",
    date: "2022-10",
  },
  nv_l40s_datasheet: {
    ref: "NVIDIA L40S datasheet (https://resources.nvidia.com/en-us-l40s/l40s-datasheet-28413), table reproduced at https://www.mullet.se/product.html?product_id=355414",
    title:
      "NVIDIA L40/L40S datasheet: 48 GB GDDR6 with ECC, 864 GB/s, PCIe Gen4 x16 64 GB/s bidirectional, L40S FP32 91.6, TF32 183, BF16/FP16 362.05, FP8 733 TFLOPS dense (sparse ×2), 350 W",
    date: "2023-08",
  },
  nv_l4_datasheet: {
    ref: "NVIDIA L4 Tensor Core GPU datasheet (https://resources.nvidia.com/en-us-data-center-overview/l4-gpu-datasheet), figures as reproduced at https://grokipedia.com/page/NVIDIA_L4_vs_L40S and https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820",
    title: "NVIDIA L4: 24 GB GDDR6, 300 GB/s, FP32 30.3 TFLOPS, TF32 120*, FP16/BF16 242*, FP8/INT8 485* (* with sparsity), 72 W, PCIe Gen4 x16, single-slot low profile",
    date: "2023-03",
  },
  heise_rtx6000_ada: {
    ref: "https://www.heise.de/news/Nvidia-RTX-6000-Die-schnellere-GeForce-RTX-4090-mit-doppelt-Speicher-7363725.html (spec table: RTX 6000 vs GeForce RTX 4090)",
    title:
      "heise online: 'Nvidia RTX 6000: Die schnellere GeForce RTX 4090 mit doppelt Speicher' (AD102, 142 of 144 SMs, 18,176 FP32 / 568 Tensor cores, 91.1 TFLOPS FP32 per PNY/Leadtek, 48 GB, 384-bit, 960 GB/s, 300 W)",
    date: "2022-12",
  },
  nv_rtx6000_ada_repro: {
    ref: "https://www.grafikkarten.com/de/news/nvidia-rtx-6000-grafikkarte-der-ada-generation ; http://zx8123.com/archives/44534 (NVIDIA product page figures, reproduced)",
    title:
      "NVIDIA RTX 6000 Ada Generation product figures reproduced: 142 SMs, 18,176 CUDA / 568 4th-gen Tensor cores, 91.1 TFLOPS FP32, 48 GB GDDR6 ECC, 384-bit, 960 GB/s, PCIe 4.0 x16, 300 W",
    date: "2022-12",
  },
  sth_rtx_a6000: {
    ref: "https://servethehome.com/nvidia-rtx-a6000-48gb-gpu-drops-quadro-designation (NVIDIA RTX A6000 spec table)",
    title:
      "ServeTheHome: NVIDIA RTX A6000 spec table (GA102, 10,752 CUDA / 336 Tensor cores, 48 GB GDDR6 with ECC, 384-bit, 768 GB/s, max power 300 W, PCIe 4.0 x16, 2-way NVLink 112.5 GB/s bidirectional)",
    date: "2020-10",
  },
  llmperf_rtx_a6000: {
    ref: "https://llmperf.net/categories/gpu/Nvidia-A6000-GPUs (Summary of Key Specifications, citing Microway 'In-Depth Comparison of NVIDIA Ampere GPU Accelerators')",
    title: "RTX A6000 key specifications: FP16/BF16 154.8 TFLOPS dense (309.7 with sparsity), INT8 309.7 TOPS, INT4 619.3 TOPS, 300 W, Oct 2020",
    date: "2025",
  },
  baseten_a10_a10g: {
    ref: "https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/",
    title:
      "Baseten: 'NVIDIA A10 vs A10G for ML model inference' (A10G is AWS's G5 variant of the A10; both 24 GB GDDR6 at 600 GB/s; A10 favours tensor compute, A10G CUDA-core compute)",
    date: "2023",
  },
  aws_gpu_instances_gist: {
    ref: "https://gist.github.com/shashankprasanna/10ebe6dc1ba1d8d93db17da4e2cc890e (table of AWS GPU instances)",
    title: "AWS GPU instance table: G5 (g5.xlarge … g5.48xlarge) NVIDIA A10G, 24 GB per GPU, PCIe interconnect (no NVLink), TDP 300 W from nvidia-smi",
    date: "2022",
  },
  nv_a10_datasheet_repro: {
    ref: "NVIDIA A10 Tensor Core GPU datasheet (https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a10/pdf/a10-datasheet.pdf), figures as reproduced at https://gist.github.com/kimbochen and https://sysrqmts.com/ru/gpus/compare/nvidia-a10-pcie-vs-nvidia-quadro-rtx-4000",
    title: "NVIDIA A10 (GA102, 72 SMs, 288 Tensor cores): 24 GB GDDR6, 600 GB/s, FP32 31.2 TFLOPS, FP16 Tensor 125 TFLOPS dense, 150 W, PCIe 4.0 x16",
    date: "2021-04",
  },
  h100_nvl_pages: {
    ref: "https://www.aiminingco.com/gpu/h100-nvl/specs ; https://grokipedia.com/page/210100120 ; https://gpu.blog/gpus/nvidia-h100-nvl",
    title:
      "NVIDIA H100 NVL spec summaries: 94 GB HBM3 per GPU, 3.9 TB/s (3.93), PCIe Gen5 x16 card sold in NVLink-bridged pairs (600 GB/s bidirectional, 188 GB per pair), 132 SMs / 528 Tensor cores, TDP 350-400 W configurable, announced March 2023",
    date: "2023-03",
  },
  vengineer_mi300a: {
    ref: "https://vengineer.hatenablog.com/entry/2023/12/11/080000 (AMD MI300A spec list and data-sheet node diagram, reproduced)",
    title:
      "AMD Instinct MI300A figures as published by AMD: 6 XCDs x 38 CUs = 228 CUs, 3 CCDs (24 Zen 4), 8 x HBM3 (128 GB), peak engine clock 2100 MHz, peak FP16 980.6 TFLOPs, bfloat16 980.6, FP32 (vector and matrix) 122.6, FP64 61.3, INT8 1.96 POPs; MI300A x 4 per node",
    date: "2023-12",
  },
  emergentmind_mi300a: {
    ref: "https://www.emergentmind.com/topics/amd-instinct-mi300a-apu (summary citing Wahlgren et al. 2025 and Jarmusch et al. 2026)",
    title:
      "AMD Instinct MI300A APU overview: 128 GB on-package HBM3 (8 stacks x 16 GB), peak bandwidth up to 5.3 TB/s, 256 MB Infinity Cache, inter-APU Infinity Fabric (El Capitan)",
    date: "2026-04",
  },
  nv_rtx50_page: {
    ref: "https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/ ; https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf",
    title: "NVIDIA GeForce RTX 5090 spec page and RTX Blackwell GPU Architecture whitepaper (3,352 AI TOPS = FP4 with sparsity, 32 GB GDDR7, 1792 GB/s, 575 W, PCIe Gen 5)",
    date: "2025-01",
  },
  rtx5090_peaks_corroboration: {
    ref: "third-party RTX 5090 spec summaries (Tom's Hardware review via Linux Format May 2025: '838 FP16, 3,352 FP8/4 TFLOPS'; public roofline notes: 'dense fp16/bf16 with fp32 accumulate 209.5, FP8 419, INT8 838')",
    title: "Secondary RTX 5090 tensor peaks consistent with GeForce half-rate FP32 accumulate",
    date: "2025-05",
  },
  nv_geforce_msrp: {
    ref: "NVIDIA GeForce launch announcements (nvidianews.nvidia.com): RTX 3090 $1,499 (2020-09), RTX 4090 $1,599 (2022-09), RTX 5090 $1,999 (2025-01)",
    title: "NVIDIA GeForce launch prices (US MSRP, Founders Edition)",
    date: "2025-01",
  },
  nv_grace_c2c: {
    ref: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ (superchip description; also https://training.continuumlabs.ai/infrastructure/servers-and-chips/nvidia-gb200-nvl72)",
    title: "NVIDIA GB200 superchip: one 72-core Grace CPU and two Blackwell GPUs joined by the 900 GB/s NVLink-C2C interconnect (bidirectional); up to 480 GB LPDDR5X per Grace",
    date: "2024-03",
  },
  grace_lpddr5x_bandwidth: {
    ref: "https://www.nvidia.com/en-us/data-center/grace-cpu/ (Grace CPU: LPDDR5X with ECC, up to 500 GB/s per CPU)",
    title: "NVIDIA Grace CPU: LPDDR5X memory bandwidth up to 500 GB/s per CPU",
    date: "2024-03",
  },
  server_dram_channels: {
    ref: "Intel ark: Xeon Platinum 8480+ (8 channels DDR5-4800); AMD EPYC 7742 product page (8 channels DDR4-3200, 204.8 GB/s per socket)",
    title: "Server CPU memory channels: Xeon 8480 8 x DDR5-4800 (307 GB/s per socket), EPYC 7742 8 x DDR4-3200 (205 GB/s per socket)",
    date: "2023",
  },
  pcie_spec_rates: {
    ref: "PCI-SIG PCIe 4.0 / 5.0 base specifications: 16 / 32 GT/s per lane, 128b/130b encoding",
    title: "PCIe x16 link: Gen4 ~32 GB/s and Gen5 ~64 GB/s per direction",
    date: "2019",
  },
  nv_dgx_a100_datasheet: {
    ref: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/nvidia-dgx-a100-datasheet.pdf (power figure also reported at https://pcnews.ru/news/vycislitelnaa_sistema_nvidia_dgx_a100_ampere_osnasaetsa_sestu_blokami_pitania_po_3_kvt-985106.html)",
    title: "NVIDIA DGX A100 datasheet: 8x A100, 6.5 kW max system power, 6U, 8x single-port 200 Gb/s HDR (ConnectX-6)",
    date: "2020-05",
  },
  nv_dgx_a100_price: {
    ref: "https://geektopia.es/es/technology/2020/05/14/noticias/nvidia-anuncia-el-servidor-dgx-a100-ocho-tesla-a100-desde-200-000-dolares.html",
    title: "DGX A100 launch: from about $200,000 (NVIDIA launch price $199,000)",
    date: "2020-05",
  },
  google_trillium_blog: {
    ref: "https://cloud.google.com/blog/products/compute/introducing-trillium-6th-gen-tpus",
    title: "Google Cloud blog: Trillium (TPU v6e) is 'over 67% more energy-efficient than TPU v5e'",
    date: "2024-05",
  },
  ieee754: {
    ref: "IEEE Std 754-2019, IEEE Standard for Floating-Point Arithmetic",
    title: "IEEE 754 binary32 (4 bytes) and binary16 (2 bytes) interchange formats",
    date: "2019",
  },
  fp8_paper: {
    ref: "https://arxiv.org/abs/2209.05433",
    title: "Micikevicius et al., 'FP8 Formats for Deep Learning' (E4M3 for weights/activations, E5M2 for gradients; 1 byte per value)",
    date: "2022-09",
  },
  ocp_mx: {
    ref: "https://www.opencompute.org/documents/ocp-microscaling-formats-mx-v1-0-spec-final-pdf",
    title: "OCP Microscaling Formats (MX) Specification v1.0: MXFP8/MXFP6/MXFP4/MXINT8 elements with one 8-bit E8M0 scale per 32-element block",
    date: "2023-09",
  },
  nv_te_docs: {
    ref: "https://docs.nvidia.com/deeplearning/transformer-engine/user-guide/examples/fp8_primer.html",
    title: "NVIDIA Transformer Engine user guide: FP8 primer (HYBRID recipe = E4M3 forward, E5M2 backward), MXFP8 and NVFP4 recipes",
    date: "2026-08",
  },
  nv_nvfp4_blog: {
    ref: "https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/",
    title: "NVIDIA Technical Blog: NVFP4 = E2M1 values with one FP8 (E4M3) scale per 16-value micro-block plus a per-tensor FP32 scale",
    date: "2025-06",
  },
  nv_a100_tf32_blog: {
    ref: "https://blogs.nvidia.com/blog/tensorfloat-32-precision-format/",
    title: "NVIDIA blog: TensorFloat-32 (8-bit exponent, 10-bit mantissa) is a Tensor Core math mode on FP32 storage",
    date: "2020-05",
  },
  gptq_awq: {
    ref: "https://arxiv.org/abs/2210.17323 ; https://arxiv.org/abs/2306.00978",
    title:
      "GPTQ (Frantar et al. 2022) and AWQ (Lin et al. 2023): 4-bit weight-only quantisation with group size 128 and an FP16 scale per group, dequantised to FP16/BF16 for the matmul",
    date: "2023-06",
  },
  flash_attention_4: {
    ref: "https://arxiv.org/abs/2603.05451",
    title:
      "Zadouri, Hoehnerbach, Shah, Liu, Thakkar, Dao: 'FlashAttention-4: Algorithm and Kernel Pipelining Co-Design for Asymmetric Hardware Scaling' (§2: from H100 to B200 BF16 tensor throughput rises 1 → 2.25 PFLOP/s while the exponential unit stays at 16 ops/clock/SM; attention forward is bound by the softmax exponentials on B200)",
    date: "2026-03",
  },
  nv_softmax_blackwell_ultra: {
    ref: "https://developer.nvidia.com/blog/making-softmax-more-efficient-with-nvidia-blackwell-ultra/",
    title: "NVIDIA Technical Blog: 'Making Softmax More Efficient with NVIDIA Blackwell Ultra' (SFU throughput for MUFU.EX2 doubled over Blackwell; GB300 vs GB200)",
    date: "2026-02",
  },
  bf16_google: {
    ref: "https://cloud.google.com/blog/products/ai-machine-learning/bfloat16-the-secret-to-high-performance-on-cloud-tpus",
    title: "Google Cloud blog: bfloat16 (1 sign, 8 exponent, 7 mantissa bits; 2 bytes)",
    date: "2019-08",
  },
} as const satisfies Record<string, Citation>;
