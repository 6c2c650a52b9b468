/**
 * Typed access to Hugging Face config keys; every failure is an InputError naming `${path}.${key}`.
 * @module
 */
import { InputError } from "../../errors.ts";

export type Config = Record<string, unknown>;

/**
 * Physical upper bounds on config sizes: far above any published model, low enough that the search and the
 * arithmetic stay finite and fast (a 1e300-layer config is rejected here, not looped over).
 */
const configKeyMaxima: Readonly<Record<string, number>> = {
  num_hidden_layers: 1e4,
  n_layer: 1e4,
  hidden_size: 1e6,
  n_embd: 1e6,
  num_local_experts: 1e5,
  num_experts: 1e5,
  n_routed_experts: 1e5,
  n_shared_experts: 1e5,
  num_experts_per_tok: 1e5,
  n_group: 1e5,
  topk_group: 1e5,
  max_position_embeddings: 1e8,
  n_positions: 1e8,
  n_ctx: 1e8,
  sliding_window: 1e8,
};

/** Largest accepted value of an integer config key (default 1e7: widths, heads, vocabulary, ranks). */
export function configKeyMaximum(key: string): number {
  return configKeyMaxima[key] ?? 1e7;
}

/** Typed access to config keys; every failure is an InputError naming `${path}.${key}`. */
export class Reader {
  constructor(
    readonly config: Config,
    readonly path: string,
    readonly family: string,
  ) {}

  has(key: string): boolean {
    return this.config[key] !== undefined && this.config[key] !== null;
  }

  fail(key: string, expected: string, value?: unknown): never {
    throw new InputError({
      path: `${this.path}.${key}`,
      ...(value === undefined ? {} : { value: JSON.stringify(value) }),
      expected,
    });
  }

  private integer(key: string, min: number): number {
    const value = this.config[key];
    const max = configKeyMaximum(key);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(key, `${min > 0 ? "a positive integer" : "a non-negative integer"} <= ${max.toExponential().replace("e+", "e")}`, value);
    }
    return value;
  }

  /** A required size: absent or null is an error. */
  size(key: string): number {
    if (!this.has(key)) this.fail(key, `a positive integer (required for model_type ${this.family})`);
    return this.integer(key, 1);
  }

  /** The first present key of `keys` (aliases such as n_positions / n_ctx), required. */
  sizeOf(keys: readonly string[]): number {
    const key = keys.find((k) => this.has(k));
    if (key === undefined) this.fail(keys[0], `a positive integer (required for model_type ${this.family})`);
    return this.integer(key, 1);
  }

  /** Optional positive integer: absent or null → `fallback`. */
  optionalSize(key: string, fallback: number): number {
    return this.has(key) ? this.integer(key, 1) : fallback;
  }

  /** Optional non-negative integer: absent or null → `fallback`. */
  optionalCount(key: string, fallback: number): number {
    return this.has(key) ? this.integer(key, 0) : fallback;
  }

  /** Present (maybe null) non-negative integer; absent is an error, null → 0. */
  nullableCount(key: string, nullMeans: string): number {
    if (!(key in this.config)) {
      this.fail(key, `a non-negative integer or null (${nullMeans}); required for model_type ${this.family}`);
    }
    return this.config[key] === null ? 0 : this.integer(key, 0);
  }

  flag(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const value = this.config[key];
    if (typeof value !== "boolean") this.fail(key, "true or false", value);
    return value;
  }

  /** Optional finite number (ratios such as ffn_mult): absent or null → `fallback`. */
  optionalNumber(key: string, fallback: number): number {
    if (!this.has(key)) return fallback;
    const value = this.config[key];
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(key, "a finite number", value);
    return value;
  }

  /** Optional string: absent or null → `fallback`. */
  optionalString(key: string, fallback: string): string {
    if (!this.has(key)) return fallback;
    const value = this.config[key];
    if (typeof value !== "string") this.fail(key, "a string", value);
    return value;
  }

  /** Optional list of strings (layer_types): absent or null → undefined. */
  stringList(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const value = this.config[key];
    if (!Array.isArray(value) || value.length > 1e4 || !value.every((v) => typeof v === "string" && v.length <= 256)) this.fail(key, "a list of at most 1e4 strings", value);
    return value as string[];
  }

  integerList(key: string): number[] {
    if (!this.has(key)) return [];
    const value = this.config[key];
    if (!Array.isArray(value) || value.length > 1e4 || !value.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1e4)) {
      this.fail(key, "a list of at most 1e4 layer indices (integers from 0 to 9999)", value);
    }
    return value as number[];
  }
}

/** `value` as a plain object (or undefined when absent/null); anything else is an error naming `path`. */
export function objectAt(config: Config, key: string, path: string): Config | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InputError({ path: `${path}.${key}`, value: JSON.stringify(value), expected: "an object" });
  }
  return value as Config;
}
