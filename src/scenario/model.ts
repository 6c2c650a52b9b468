/**
 * The `model` question's input: a catalog model id or a Hugging Face config object (the faces read paths).
 * @module
 */
import { z } from "zod";
import { ModelInput } from "./train.ts";

export const ModelQuestion = z.object({ model: ModelInput }).strict();
export type ModelQuestion = z.input<typeof ModelQuestion>;
