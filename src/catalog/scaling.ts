/**
 * Sourced constants of the compute-optimal question: the Chinchilla parametric loss L(N, D) = E + A/N^α + B/D^β
 * (Hoffmann et al. 2022, approach 3) and Besiroglu et al. 2024's refit of it on the paper's own data; the
 * data-constrained decay of repeated tokens (Muennighoff et al. 2023); and the unique-token ceiling of the lecture.
 * @module
 */
import type { Source } from "./schema.ts";

export interface LossLaw {
  id: "besiroglu-2024" | "hoffmann-2022";
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
  source: Source;
}

export const lossLaws: Readonly<Record<LossLaw["id"], LossLaw>> = {
  "besiroglu-2024": {
    id: "besiroglu-2024",
    E: 1.8172,
    A: 482.01,
    B: 2085.43,
    alpha: 0.3478,
    beta: 0.3658,
    source: {
      ref: "https://arxiv.org/abs/2404.10102",
      title: "Besiroglu et al. 2024, Chinchilla Scaling: A replication attempt (Table 1, our estimate of approach 3: A = 482.01, B = 2085.43, E = 1.8172, α = 0.3478, β = 0.3658)",
      date: "2024-04",
    },
  },
  "hoffmann-2022": {
    id: "hoffmann-2022",
    E: 1.69,
    A: 406.4,
    B: 410.7,
    alpha: 0.34,
    beta: 0.28,
    source: {
      ref: "https://arxiv.org/abs/2203.15556",
      title: "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models (§D.2, Eq. 10: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28)",
      date: "2022-03",
    },
  },
};

/**
 * Muennighoff et al. 2023, Scaling Data-Constrained Language Models, Eq. 5: repeated data is worth
 * D' = U + U·R*·(1 − e^(−R/R*)) with R = D/U − 1 repetitions; fitted R*_D = 15.4 (repetitions until the
 * value of a repeated token has decayed by 1/e; up to ~4 epochs are almost as good as fresh data).
 */
export const dataConstrained = {
  repetitionHalfLife: 15.4,
  source: {
    ref: "https://arxiv.org/abs/2305.16264",
    title: "Muennighoff et al. 2023, Scaling Data-Constrained Language Models (Eq. 5, fitted R*_D = 15.4)",
    date: "2023-05",
  } satisfies Source,
} as const;

/** The lecture behind danlu: 10–50T tokens is about what pre-training data can reach (quality and diversity bound it). */
export const uniqueTokenCeiling = {
  lowTokens: 10e12,
  highTokens: 50e12,
  source: { ref: "shared/lecture-notes.zh.md, line 81–83", title: "Lecture notes: '10-50T tokens 预训练 … 10-50T 规模就差不多'", date: "2026-08" } satisfies Source,
} as const;

/** Sardana et al. 2024, Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws (inference FLOPs 2·N per token). */
export const inferenceAwareSource: Source = {
  ref: "https://arxiv.org/abs/2401.00448",
  title: "Sardana et al. 2024, Beyond Chinchilla-Optimal (minimise 6·N·D_train + 2·N·D_inference at a target loss)",
  date: "2023-12",
};
