/**
 * The test-file model of the file a rule is linting, built on first request and shared by every rule
 * that runs on the same file.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { PythonSourceCode } from "../../parsers/python/python-source-code.js";
import { buildJsModel } from "./js/build-model.js";
import { buildPythonModel } from "./python/build-model.js";
import { flushDependencies } from "./dependencies.js";
import { startLint } from "./fs-snapshot.js";
import type { TestFileModel } from "./test-file-model.js";

const models = new WeakMap<object, TestFileModel>();

/**
 * Where the `testaudit` CLI collects the models the rules build while ESLint lints, so an audit parses
 * nothing twice. Keyed on a global symbol: the CLI and the user's config may load two copies of this module.
 */
const MODEL_SINK = Symbol.for("testaudit.modelSink");

/** Given each model as it is built, with the source code it was built from (for its inline config comments). */
type ModelSink = (model: TestFileModel, sourceCode: unknown) => void;

export function setModelSink(sink: ModelSink | undefined): void {
  (globalThis as Record<symbol, unknown>)[MODEL_SINK] = sink;
}

export interface ModelContext {
  sourceCode: unknown;
  filename: string;
  cwd: string;
}

/** ESLint's JS SourceCode (espree or @typescript-eslint/parser): its root is a Program with a scope manager. */
function isJsSourceCode(sourceCode: unknown): sourceCode is TSESLint.SourceCode {
  const candidate = sourceCode as { ast?: { type?: unknown }; scopeManager?: unknown };
  return candidate.ast?.type === "Program" && candidate.scopeManager !== undefined;
}

export function getTestFileModel(context: ModelContext): TestFileModel {
  const { sourceCode } = context;
  let model = models.get(sourceCode as object);
  if (model) {
    return model;
  }
  startLint();
  if (sourceCode instanceof PythonSourceCode) {
    model = buildPythonModel(sourceCode, context.filename, context.cwd);
  } else if (isJsSourceCode(sourceCode)) {
    model = buildJsModel(sourceCode, context.filename, context.cwd);
  } else {
    throw new TypeError(`testaudit has no test-file model for ${context.filename}: it is neither Python nor JS/TS source code.`);
  }
  models.set(sourceCode, model);
  flushDependencies(context.cwd);
  ((globalThis as Record<symbol, unknown>)[MODEL_SINK] as ModelSink | undefined)?.(model, sourceCode);
  return model;
}
