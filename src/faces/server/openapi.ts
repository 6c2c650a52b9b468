/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas that validate requests.
 * @module
 */
import { z } from "zod";
import { questions } from "../../planners/questions.ts";

const errorSchema = {
  type: "object",
  required: ["error", "issues"],
  properties: {
    error: { type: "string" },
    issues: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "expected"],
        properties: {
          path: { type: "string", description: "dotted path of the offending field, e.g. hardware.chip" },
          value: { type: "string" },
          expected: { type: "string" },
          suggestions: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

const numberFields = (names: string[]) => Object.fromEntries(names.map((n) => [n, { type: "number" }]));

const trainResult = {
  type: "object",
  required: [
    "fits",
    "parallelism",
    "memoryPerChipBytes",
    "stepTimeSeconds",
    "breakdownSeconds",
    "tokensPerSecond",
    "tokensPerSecondPerChip",
    "modelFlopsPerSecondPerChip",
    "mfu",
    "wallClockDays",
    "chipHours",
    "energyMegawattHours",
  ],
  properties: {
    fits: { type: "boolean" },
    parallelism: { type: "object" },
    breakdownSeconds: { type: "object", properties: numberFields(["compute", "exposedCommunication", "pipelineBubble", "other"]) },
    ...numberFields([
      "memoryPerChipBytes",
      "stepTimeSeconds",
      "tokensPerSecond",
      "tokensPerSecondPerChip",
      "modelFlopsPerSecondPerChip",
      "mfu",
      "wallClockDays",
      "chipHours",
      "energyMegawattHours",
      "costUsd",
    ]),
  },
};

const inferResult = {
  type: "object",
  properties: {
    fits: { type: "boolean" },
    parallelism: { type: "object" },
    ...numberFields([
      "memoryPerChipBytes",
      "kvCacheBytesPerToken",
      "maxConcurrency",
      "ttftSeconds",
      "tpotSeconds",
      "outputTokensPerSecond",
      "outputTokensPerSecondPerChip",
      "requestsPerSecond",
      "usdPerMillionOutputTokens",
    ]),
  },
};

function inputSchema(schema: z.ZodType): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function post(summary: string, schema: z.ZodType | undefined, result: unknown) {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { "application/json": { schema: schema ? inputSchema(schema) : { type: "object" } } } },
      responses: {
        "200": { description: "the plan", content: { "application/json": { schema: result } } },
        "400": { description: "malformed JSON, unknown key, wrong type or unknown id", content: { "application/json": { schema: errorSchema } } },
        "413": { description: "body over the size limit", content: { "application/json": { schema: errorSchema } } },
        "415": { description: "a body that is not application/json", content: { "application/json": { schema: errorSchema } } },
        "421": { description: "a Host header that is not a name the server is bound to (DNS-rebinding guard)", content: { "application/json": { schema: errorSchema } } },
        "422": { description: "planning ran past the server's time budget and was stopped", content: { "application/json": { schema: errorSchema } } },
        "503": {
          description: "too many requests in flight; retry after the Retry-After seconds",
          headers: { "Retry-After": { schema: { type: "integer" } } },
          content: { "application/json": { schema: errorSchema } },
        },
      },
    },
  };
}

export function openApiDocument(bodyLimitBytes: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    "/api/v1/health": { get: { summary: "liveness", responses: { "200": { description: "ok" } } } },
    "/api/v1/catalog/{kind}": {
      get: {
        summary: "List a catalog (every figure with its sources)",
        parameters: [{ name: "kind", in: "path", required: true, schema: { enum: ["chips", "systems", "networks", "models", "formats"] } }],
        responses: { "200": { description: "entries" }, "404": { description: "unknown kind", content: { "application/json": { schema: errorSchema } } } },
      },
    },
    "/api/v1/catalog/{kind}/{id}": {
      get: {
        summary: "One catalog entry",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { enum: ["chips", "systems", "networks", "models", "formats"] } },
          { name: "id", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: { "200": { description: "entry" }, "404": { description: "unknown id, with suggestions", content: { "application/json": { schema: errorSchema } } } },
      },
    },
  };
  const results: Record<string, unknown> = { train: trainResult, infer: inferResult };
  for (const q of questions) paths[`/api/v1/${q.id}`] = post(`${q.summary}. Body at most ${bodyLimitBytes} bytes.`, q.input, results[q.id] ?? { type: "object" });
  return {
    openapi: "3.1.0",
    info: { title: "danlu", version: "0.1.0", description: "Analytical planner for LLM compute. SI units in every number." },
    paths,
  };
}
