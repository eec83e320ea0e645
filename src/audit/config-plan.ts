/**
 * Which config audits each file, and with what. The root config is `--config`, else the one ESLint's
 * lookup finds for the working directory. ESLint 10 looks a config up from each file's folder, so a
 * config file added below the root (`tests/payments/eslint.config.js` holding `export default [{}]`)
 * would take that folder out of the audit: such a nested config is recorded, and unless
 * `--allow-nested-config` its files are audited with the root config and the nested one is never
 * loaded (loading runs it). Allowed, a nested config audits its files, and each policy it turns off
 * where the root config has it on is an exemption of the whole file ("narrower config"). A test file a
 * config ignores is audited all the same, every finding in it exempted ("ignore").
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { ESLint, type Linter } from "eslint";
import { UsageError } from "./errors.js";
import type { WholeFileExemption } from "./exemptions.js";
import type { AnyPolicy } from "../policies/registry.js";
import { ruleIdOf } from "../policies/policy.js";
import type { PolicyOptions } from "./file-report.js";
import { optionsOver, perPolicy } from "./policies.js";
import type { PolicyName } from "./report-types.js";

/** ESLint's bulk suppressions file, at its default place in the working directory. */
export const SUPPRESSIONS_FILE = "eslint-suppressions.json";

export interface ConfigPlanOptions {
  cwd: string;
  /** `--config`: one config for every file, no lookup. */
  configFile?: string | undefined;
  allowNestedConfig: boolean;
  /** The policies judged: their rules' options are read from each config. */
  policies: readonly AnyPolicy[];
}

/** How one file is audited. */
export interface FilePlan {
  /** Absolute. */
  path: string;
  /** The config ESLint's lookup gives the file (or `--config`), absolute. */
  config: string;
  /** Lints the file. */
  eslint: ESLint;
  /** The options each policy is judged with; null where its rule is off. */
  options: PolicyOptions;
  /** Policies the whole file is exempted from; their rules' findings in this lint are exemptions, not violations. */
  wholeFile: Partial<Record<PolicyName, WholeFileExemption>>;
  /** Whether ESLint applies the file's inline config comments (not with `linterOptions.noInlineConfig`). */
  inlineConfig: boolean;
}

/** A config's view of a file: the instance that lints it, and the options it gives the policies. */
interface View {
  eslint: ESLint;
  options: PolicyOptions;
  /** The config ignores the file, which it would otherwise audit: `eslint` is then an instance that ignores nothing. */
  ignored: boolean;
  inlineConfig: boolean;
}

/** The options each policy's rule gets in `config`, over the rule's defaults, or null where the rule is off (at any severity it is on). */
function policyOptions(config: Linter.Config, policies: readonly AnyPolicy[]): PolicyOptions {
  return Object.fromEntries(policies.map((policy) => [policy.key, optionsOver(policy, null, config.rules?.[ruleIdOf(policy)])]));
}

function auditsAnything(options: PolicyOptions): boolean {
  return Object.values(options).some((entry) => entry !== null);
}

/** A config that fails to load, as a configuration error: one line, with a hint for the commonest cause. */
function configError(error: unknown, configFile: string): UsageError {
  const message = (error as Error).message.replace(/\s+/gu, " ").trim();
  const hint = /Cannot use import statement outside a module|require is not defined in ES module scope|Unexpected token 'export'/u.test((error as Error).message)
    ? ' (the config is ESM but package.json says "type": "commonjs": name it eslint.config.mjs)'
    : "";
  return new UsageError(`cannot load the ESLint config ${relative(process.cwd(), configFile) || configFile}: ${message}${hint}`);
}

export class ConfigPlanner {
  readonly #options: ConfigPlanOptions;
  readonly #instances = new Map<string, ESLint>();
  /** The config file each instance was made for (undefined: the lookup). */
  readonly #configs = new Map<ESLint, string | undefined>();
  /** The root config, absolute; undefined when there is none. */
  readonly root: string | undefined;
  /** Nested configs that govern audited files: how many, and whether they were used. */
  readonly nested = new Map<string, { files: number; used: boolean }>();

  private constructor(options: ConfigPlanOptions, root: string | undefined) {
    this.#options = options;
    this.root = root;
  }

  static async create(options: ConfigPlanOptions): Promise<ConfigPlanner> {
    // Finding a config file does not load it: nothing runs before a file is planned.
    const root = options.configFile === undefined ? await new ESLint({ cwd: options.cwd }).findConfigFile() : resolve(options.cwd, options.configFile);
    return new ConfigPlanner(options, root);
  }

  /** An ESLint for one config file (`undefined`: ESLint's lookup), honouring ignores or not; made once. */
  #eslint(configFile: string | undefined, ignore: boolean): ESLint {
    const key = `${configFile ?? ""}\0${String(ignore)}`;
    let eslint = this.#instances.get(key);
    if (!eslint) {
      // As the eslint command does, only when the file is there: without one, ESLint would read for it and copy every result, file by file.
      const suppressions = existsSync(resolve(this.#options.cwd, SUPPRESSIONS_FILE));
      eslint = new ESLint({ cwd: this.#options.cwd, overrideConfigFile: configFile, applySuppressions: suppressions, ignore });
      this.#instances.set(key, eslint);
      this.#configs.set(eslint, configFile);
    }
    return eslint;
  }

  async #view(eslint: ESLint, path: string): Promise<View | null> {
    const config = (await eslint.calculateConfigForFile(path)) as Linter.Config | undefined;
    if (config !== undefined) {
      const options = policyOptions(config, this.#options.policies);
      return auditsAnything(options) ? { eslint, options, ignored: false, inlineConfig: config.linterOptions?.noInlineConfig !== true } : null;
    }
    const unignored = this.#eslint(this.#configs.get(eslint), false);
    if (unignored === eslint) {
      return null;
    }
    const view = await this.#view(unignored, path);
    return view ? { ...view, ignored: true } : null;
  }

  /** How `path` is audited, or null when no config audits it. Reads nothing but configs. */
  async plan(path: string): Promise<FilePlan | null> {
    const { configFile } = this.#options;
    const governing = configFile === undefined ? await this.#eslint(undefined, true).findConfigFile(path) : this.root;
    try {
      return await this.#plan(path, governing);
    } catch (error) {
      throw error instanceof UsageError || governing === undefined ? error : configError(error, governing);
    }
  }

  async #plan(path: string, governing: string | undefined): Promise<FilePlan | null> {
    const { configFile, allowNestedConfig } = this.#options;
    if (governing === undefined) {
      throw new UsageError(`no ESLint config file (eslint.config.js, .mjs, .cjs, .ts, ...) for ${path}, nor in ${this.#options.cwd} or above it; give one with --config`);
    }
    const nested = governing !== this.root;
    if (nested && this.root === undefined && !allowNestedConfig) {
      throw new UsageError(`no ESLint config at the root (${this.#options.cwd} or above), only the nested ${governing}: run testaudit where the config is, give --config, or --allow-nested-config`);
    }
    // The root config's view: with --config, or for a nested config's file, the root config alone.
    const rootEslint = configFile !== undefined || nested ? this.#eslint(this.root, true) : this.#eslint(undefined, true);
    const root = this.root === undefined ? null : await this.#view(rootEslint, path);
    let plan: FilePlan | null;
    if (!nested || !allowNestedConfig) {
      plan = root && { path, config: governing, eslint: root.eslint, options: root.options, wholeFile: root.ignored ? this.#whole(root.options, { kind: "ignore", source: this.root! }) : {}, inlineConfig: root.inlineConfig };
    } else {
      plan = await this.#nestedPlan(path, governing, root);
    }
    if (plan && nested) {
      const entry = this.nested.get(governing) ?? { files: 0, used: allowNestedConfig };
      entry.files += 1;
      this.nested.set(governing, entry);
    }
    return plan;
  }

  /** A file whose nested config is allowed: audited with it, and exempted where it is narrower than the root's. */
  async #nestedPlan(path: string, governing: string, root: View | null): Promise<FilePlan | null> {
    const own = await this.#view(this.#eslint(undefined, true), path);
    if (own && !own.ignored) {
      const wholeFile: FilePlan["wholeFile"] = {};
      const options = perPolicy(this.#options.policies, (policy) => {
        const rootOptions = root?.options[policy] ?? null;
        if (own.options[policy] === null && rootOptions !== null) {
          wholeFile[policy] = root?.ignored ? { kind: "ignore", source: this.root! } : { kind: "narrowerConfig", source: governing };
          return rootOptions;
        }
        return own.options[policy] ?? null;
      });
      return { path, config: governing, eslint: own.eslint, options, wholeFile, inlineConfig: own.inlineConfig };
    }
    // The nested config ignores the file, or gives it no testaudit rule: judged as the root config would, every policy exempted.
    const judge = root ?? own;
    if (!judge) {
      return null;
    }
    const exemption: WholeFileExemption = root?.ignored ? { kind: "ignore", source: this.root! } : own?.ignored ? { kind: "ignore", source: governing } : { kind: "narrowerConfig", source: governing };
    return { path, config: governing, eslint: judge.eslint, options: judge.options, wholeFile: this.#whole(judge.options, exemption), inlineConfig: judge.inlineConfig };
  }

  #whole(options: PolicyOptions, exemption: WholeFileExemption): FilePlan["wholeFile"] {
    return Object.fromEntries(Object.keys(options).filter((policy) => options[policy] !== null).map((policy) => [policy, exemption]));
  }
}
