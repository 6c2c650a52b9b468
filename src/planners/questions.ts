/**
 * Every question danlu answers through a scenario, in one static table: its id, a one-line summary, the
 * zod schema of its input (from src/scenario/) and its planner. The HTTP API mounts one route per entry,
 * the OpenAPI document and `danlu schema` read the schemas from here; nothing is looked up by name.
 * @module
 */
import type { z } from "zod";
import { PowerInput, TcoInput } from "../scenario/economics.ts";
import { InferScenario } from "../scenario/infer.ts";
import { ModelQuestion } from "../scenario/model.ts";
import { ReliabilityOptions } from "../scenario/reliability.ts";
import { SloScenario } from "../scenario/slo.ts";
import { TrainScenario } from "../scenario/train.ts";
import { FinetuneScenario } from "../scenario/finetune.ts";
import { planFinetune } from "./finetune.ts";
import { ScaleScenario } from "../scenario/scale.ts";
import { planScale } from "./scale.ts";
import { RlScenario } from "../scenario/rl.ts";
import { planRl } from "./rl.ts";
import { CapacityInput } from "../scenario/capacity.ts";
import { CompareInput, DeadlineInput, ForecastInput, SearchInput } from "../scenario/search.ts";
import {
  CapacityResultSchema,
  CompareResultSchema,
  DeadlineResultSchema,
  FinetuneResultSchema,
  ForecastResultSchema,
  InferResultSchema,
  ModelResultSchema,
  PowerResultSchema,
  ReliabilityResultSchema,
  RlResultSchema,
  ScaleResultSchema,
  SearchResultSchema,
  SloResultSchema,
  TcoResultSchema,
  TrainResultSchema,
} from "../scenario/results.ts";
import { planCapacity, planCompare, planDeadline, planForecast, planSearch } from "./ask.ts";
import { planInfer } from "./infer.ts";
import { planModel } from "./model.ts";
import { planPower } from "./power.ts";
import { planReliability } from "./reliability.ts";
import { solveSlo } from "./slo.ts";
import { planTco } from "./tco.ts";
import { planTrain } from "./train.ts";

export interface Question {
  /** Route and CLI name: POST /api/v1/<id>, `danlu schema <id>`. */
  readonly id: string;
  readonly summary: string;
  /** The input's schema (validation, JSON Schema, OpenAPI). */
  readonly input: z.ZodType;
  /** The result's schema (OpenAPI responses, schemas/<id>.result.json; checked against real outputs in test/planners/questions.test.ts). */
  readonly output: z.ZodType;
  /** Scenario in (unknown JSON), result out; throws InputError on bad input. */
  readonly plan: (input: unknown) => unknown;
}

export const questions: readonly Question[] = [
  { id: "train", summary: "Predict a training run: fit, step time, MFU, days, MWh, $ (train contract)", input: TrainScenario, output: TrainResultSchema, plan: planTrain },
  { id: "infer", summary: "Predict serving: TTFT, TPOT, throughput, concurrency, $/Mtok (infer contract)", input: InferScenario, output: InferResultSchema, plan: planInfer },
  { id: "slo", summary: "Cheapest setup per chip meeting TTFT and TPOT targets at a request rate", input: SloScenario, output: SloResultSchema, plan: solveSlo },
  { id: "tco", summary: "Build vs rent: owned cost per chip-hour, break-even utilization and months", input: TcoInput, output: TcoResultSchema, plan: planTco },
  { id: "power", summary: "Power and facility of a cluster: MW, racks, cooling, a run's energy", input: PowerInput, output: PowerResultSchema, plan: planPower },
  {
    id: "reliability",
    summary: "Failures, checkpoint interval, goodput and p50/p90 wall clock of a training run",
    input: ReliabilityOptions,
    output: ReliabilityResultSchema,
    plan: planReliability,
  },
  {
    id: "search",
    summary: "Search parallel plans for a training run: best plans by an objective, rejected plans by reason",
    input: SearchInput,
    output: SearchResultSchema,
    plan: planSearch,
  },
  { id: "deadline", summary: "Fewest chips whose best plan finishes a training run within a deadline", input: DeadlineInput, output: DeadlineResultSchema, plan: planDeadline },
  {
    id: "compare",
    summary: "Rank catalog chips for one training run: days, chip-hours, $ owned and rented, MWh",
    input: CompareInput,
    output: CompareResultSchema,
    plan: planCompare,
  },
  {
    id: "capacity",
    summary: "Largest dense and MoE model each chip can train and serve, per chip, scale-up domain or N chips",
    input: CapacityInput,
    output: CapacityResultSchema,
    plan: planCapacity,
  },
  {
    id: "forecast",
    summary: "Hardware trends with doubling times, and a run's cost, days and energy projected ahead",
    input: ForecastInput,
    output: ForecastResultSchema,
    plan: planForecast,
  },
  {
    id: "model",
    summary: "What a model is: total and active parameters, layer pattern, KV/SSM bytes per token, weights per format",
    input: ModelQuestion,
    output: ModelResultSchema,
    plan: planModel,
  },
  {
    id: "finetune",
    summary: "Fine-tuning (full, LoRA, QLoRA): fit, memory by part, step time, days and $ for a token budget",
    input: FinetuneScenario,
    output: FinetuneResultSchema,
    plan: planFinetune,
  },
  {
    id: "rl",
    summary: "One GRPO/PPO step: rollout, reference, reward, training and weight-sync time, colocated or split",
    input: RlScenario,
    output: RlResultSchema,
    plan: planRl,
  },
  {
    id: "scale",
    summary: "Compute-optimal model size and tokens for a budget, predicted loss, data-constrained and inference-aware sizing",
    input: ScaleScenario,
    output: ScaleResultSchema,
    plan: planScale,
  },
];

export const questionById: ReadonlyMap<string, Question> = new Map(questions.map((q) => [q.id, q]));
