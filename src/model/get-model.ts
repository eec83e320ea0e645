/**
 * The test-file model of the file a rule is linting, built on first request and shared by every rule
 * that runs on the same file.
 */
import { PythonSourceCode } from "../../parsers/python/python-source-code.js";
import { buildPythonModel } from "./python/build-model.js";
import type { TestFileModel } from "./test-file-model.js";

const models = new WeakMap<object, TestFileModel>();

export interface ModelContext {
  sourceCode: unknown;
  filename: string;
  cwd: string;
}

export function getTestFileModel(context: ModelContext): TestFileModel {
  const { sourceCode } = context;
  if (!(sourceCode instanceof PythonSourceCode)) {
    throw new TypeError(`testaudit has no test-file model for ${context.filename}: it is not Python source code.`);
  }
  let model = models.get(sourceCode);
  if (!model) {
    model = buildPythonModel(sourceCode, context.filename, context.cwd);
    models.set(sourceCode, model);
  }
  return model;
}
