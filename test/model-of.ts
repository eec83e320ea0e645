/**
 * The test-file model ESLint's rules get for a piece of code, built the way a lint builds it: through the
 * real Linter, with the Python language for `.py` files and @typescript-eslint/parser for JS/TS.
 */
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import plugin, { getTestFileModel } from "../src/index.js";
import type { TestFileModel } from "../src/model/test-file-model.js";

type ModelContext = Parameters<typeof getTestFileModel>[0];

/** The model of `code` linted as `filename` (relative to `cwd`, the process's folder by default). */
export function modelOf(code: string, filename: string, cwd?: string): TestFileModel {
  let model: TestFileModel | undefined;
  const read = (context: ModelContext): void => {
    model = getTestFileModel(context);
  };
  const probe = {
    meta: { schema: [] },
    create: (context: ModelContext) => ({
      module: () => {
        read(context);
      },
      Program: () => {
        read(context);
      },
    }),
  };
  const plugins = { testaudit: plugin, probe: { rules: { model: probe } } } as Linter.Config["plugins"];
  const config: Linter.Config = filename.endsWith(".py")
    ? { files: ["**/*.py"], language: "testaudit/python", plugins, rules: { "probe/model": "error" } }
    : { files: ["**/*.{js,ts,tsx,mjs,cjs}"], languageOptions: { parser: tsParser }, plugins, rules: { "probe/model": "error" } };
  const messages = new Linter({ configType: "flat", cwd }).verify(code, [config], filename);
  if (!model) {
    throw new Error(`No model was built for ${filename}: ${JSON.stringify(messages)}`);
  }
  return model;
}
