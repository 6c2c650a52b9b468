/**
 * JSON Schema (draft 2020-12) of each question's input and result, from the zod schemas of
 * planners/questions.ts: for `danlu schema`, the OpenAPI document and the checked-in schemas/ folder.
 * @module
 */
import { z } from "zod";
import { InputError, nearestIds } from "../errors.ts";
import { type Question, questionById, questions } from "./questions.ts";

export type JsonSchema = Record<string, unknown>;

/** The question with this id, or InputError naming the nearest ids. */
export function question(id: string): Question {
  const found = questionById.get(id);
  if (found) return found;
  const ids = questions.map((q) => q.id);
  throw new InputError({ path: "question", value: JSON.stringify(id), expected: `one of ${ids.join(", ")}`, suggestions: nearestIds(id, ids) });
}

/** The input schema as an editor sees a scenario file: what may be written (defaults optional). */
export function inputJsonSchema(id: string): JsonSchema {
  const q = question(id);
  // zod leaves out the examples of a schema holding a transform (they could be outputs); ours are inputs.
  const override = (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
    const examples = z.globalRegistry.get(ctx.zodSchema as z.ZodType)?.examples;
    if (examples && ctx.jsonSchema.examples === undefined) ctx.jsonSchema.examples = examples;
  };
  return { ...(z.toJSONSchema(q.input, { io: "input", unrepresentable: "any", override }) as JsonSchema), title: `danlu ${q.id} scenario`, description: q.summary };
}

/** The result schema: what a plan returns (as sent over HTTP: non-finite numbers become null). */
export function outputJsonSchema(id: string): JsonSchema {
  const q = question(id);
  return { ...(z.toJSONSchema(q.output, { io: "output", unrepresentable: "any" }) as JsonSchema), title: `danlu ${q.id} result` };
}

/** Both schemas of every question, for the OpenAPI document and schemas/. */
export function questionSchemas(): Array<{ id: string; summary: string; input: JsonSchema; output: JsonSchema }> {
  return questions.map((q) => ({ id: q.id, summary: q.summary, input: inputJsonSchema(q.id), output: outputJsonSchema(q.id) }));
}
