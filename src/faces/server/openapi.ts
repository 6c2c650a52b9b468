/**
 * The OpenAPI 3.1 document of the JSON API, generated from the zod schemas of planners/questions.ts: each
 * question's input (the request body, the same schema that validates it) and its result (the 200 response).
 * @module
 */
import { type JsonSchema, questionSchemas } from "../../planners/schema.ts";

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

/** A schema as OpenAPI embeds it: without the JSON Schema dialect line. */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

function post(summary: string, input: JsonSchema, result: JsonSchema) {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { "application/json": { schema: embedded(input) } } },
      responses: {
        "200": { description: "the answer", content: { "application/json": { schema: embedded(result) } } },
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
    "/api/v1/health": {
      get: {
        summary: "liveness, version and the questions served",
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["status", "version", "questions"],
                  properties: { status: { const: "ok" }, version: { type: "string" }, questions: { type: "array", items: { type: "string" } } },
                },
              },
            },
          },
        },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "this document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
    },
    "/api/v1/catalog/{kind}": {
      get: {
        summary: "List a catalog (every figure with its sources)",
        parameters: [{ name: "kind", in: "path", required: true, schema: { enum: ["chips", "systems", "networks", "models", "formats"] } }],
        responses: {
          "200": { description: "entries, each with its sources", content: { "application/json": { schema: { type: "array", items: { type: "object", required: ["id"] } } } } },
          "404": { description: "unknown kind", content: { "application/json": { schema: errorSchema } } },
        },
      },
    },
    "/api/v1/catalog/{kind}/{id}": {
      get: {
        summary: "One catalog entry",
        parameters: [
          { name: "kind", in: "path", required: true, schema: { enum: ["chips", "systems", "networks", "models", "formats"] } },
          { name: "id", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "the entry with its sources", content: { "application/json": { schema: { type: "object", required: ["id"] } } } },
          "404": { description: "unknown id, with suggestions", content: { "application/json": { schema: errorSchema } } },
        },
      },
    },
  };
  for (const q of questionSchemas()) paths[`/api/v1/${q.id}`] = post(`${q.summary}. Body at most ${bodyLimitBytes} bytes.`, q.input, q.output);
  return {
    openapi: "3.1.0",
    info: { title: "danlu", version: "0.1.0", description: "Analytical planner for LLM compute. SI units in every number." },
    paths,
  };
}
