/**
 * `danlu start`: the main job on its built-in default (npm start).
 * @module
 */
import type { CAC } from "cac";
import { planTrain } from "../../../planners/train.ts";
import { guard, type Output } from "../io.ts";
import { defaultTrainScenario, renderTrain } from "./train.ts";

export function register(cli: CAC, out: Output): void {
  cli
    .command("start", "Print the plan for the built-in default (Llama 3.1 405B on 16,384 H100 SXM)")
    .action(() => guard(() => out.write(renderTrain(planTrain(structuredClone(defaultTrainScenario))))));
}
