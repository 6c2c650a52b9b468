/**
 * danlu as a typed library: the same pure engine the CLI, the HTTP API and the web planner use.
 * Scenarios in (docs/contract.md contract), plain results out; bad input throws `InputError`.
 * @module
 */
export { InputError, type InputIssue } from "./errors.ts";
export { chips, systems, networks, formats, getChip, getSystem, getNetwork, getFormat } from "./catalog/hardware.ts";
export { catalogModels, getModelArchitecture, resolveModel } from "./catalog/models.ts";
export { parseHfConfig } from "./catalog/hf-config.ts";
export { calibration, gemmEfficiency } from "./catalog/calibration.ts";
export type { Architecture } from "./catalog/architecture.ts";
export { parameterBreakdown, parameterCount, forwardFlopsPerToken, kvCacheValuesPerTokenPerLayer } from "./physics/workload.ts";
export { trainMemoryPerChip } from "./physics/memory.ts";
export { simulateTrain, type TrainResult } from "./physics/train.ts";
export type { ParallelPlan, TrainJob } from "./physics/plan.ts";
export { TrainScenario, resolveTrainScenario } from "./scenario/train.ts";
export { InferScenario, resolveInferScenario } from "./scenario/infer.ts";
export { planTrain } from "./planners/train.ts";
export { searchPlans, searchScenario } from "./planners/search.ts";
export { fewestChipsForDeadline } from "./planners/deadline.ts";
export { capacityRows, largestServable, largestTrainable } from "./planners/capacity.ts";
export { planInfer, inferCurve } from "./planners/infer.ts";
export { solveSlo } from "./planners/slo.ts";
export { planTco } from "./planners/tco.ts";
export { planPower } from "./planners/power.ts";
export { planReliability } from "./planners/reliability.ts";
export { compareTrain } from "./planners/compare.ts";
export { fitTrends, forecast } from "./planners/forecast.ts";
export { planFinetune, loraParameters, FinetuneScenario, type FinetuneResult } from "./planners/finetune.ts";
export { planScale, shapeFor, ScaleScenario, type ScaleResult } from "./planners/scale.ts";
export { planRl, RlScenario, type RlResult } from "./planners/rl.ts";
export { runTrainingBacktest } from "./validation/backtest.ts";
export { runInferBacktest } from "./validation/infer-backtest.ts";
export { runFinetuneBacktest, finetuneCases } from "./validation/finetune-backtest.ts";
export { crossValidateInference } from "./validation/infer-cv.ts";
export { simulateServing } from "./physics/serving-sim.ts";
export { servingEngines } from "./catalog/serving-engines.ts";
export { parseQuantity, parseDuration } from "./units/parse.ts";
export { formatBytes, formatSeconds, formatSi } from "./units/format.ts";
export { questions, questionById, type Question } from "./planners/questions.ts";
export { inputJsonSchema, outputJsonSchema, questionSchemas } from "./planners/schema.ts";
export { planSearch, planDeadline, planCompare, planCapacity, planForecast } from "./planners/ask.ts";
