/**
 * Random TypeScript test files from a small grammar: runner and mocking imports, `vi.mock`/`jest.mock`
 * calls, nested describe blocks with vitest, jest and Playwright test calls, JSDoc BVJ blocks,
 * decorated test classes, and statements that mock, spy or call real services.
 */
import fc from "fast-check";
import { bvjBodyArbitrary } from "./bvj-arbitrary.js";
import { identifierArbitrary, layoutArbitrary, nest, render, type Line } from "./layout.js";

const importArbitrary = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(
  'import { describe, it, test, expect, vi, beforeEach } from "vitest";',
  'import * as vitest from "vitest";',
  'import { test, expect } from "@playwright/test";',
  'import { jest, describe, it } from "@jest/globals";',
  'import test from "node:test";',
  'import sinon from "sinon";',
  'import * as td from "testdouble";',
  'import nock from "nock";',
  'import { SSotBase, api } from "../test-framework/ssot";',
  'import { apiUrl } from "../test-framework/ssot.js";',
  'import type { Page } from "@playwright/test";',
  'const { mock } = require("node:test");',
  'const sinon = require("sinon");',
  'export {};',
  ) },
  { weight: 1, arbitrary: fc.constantFrom("import {", 'import x from "') },
);

const hookArbitrary = fc.constantFrom(
  'vi.mock("../src/payments", () => ({ charge: vi.fn() }));',
  'vi.mock("./db");',
  'jest.mock("axios");',
  "vi.useFakeTimers();",
  'vi.stubGlobal("fetch", vi.fn());',
  "beforeEach(() => { vi.restoreAllMocks(); });",
  "const base = test.extend({ user: async ({}, use) => { await use(1); } });",
  'mock.method(console, "log");',
  "declare const page: Page;",
  "let value: number | undefined;",
);

const statementArbitrary = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(
    "expect(value).toBe(1);",
    'const response = await fetch(`${apiUrl}/cart`, { method: "POST" });',
    "expect(response.status).toBe(201);",
    'await page.goto("/checkout");',
    'await expect(page.getByText("Thank you")).toBeVisible();',
    "const fn = vi.fn();",
    'const spy = vi.spyOn(console, "log");',
    'sinon.stub(client, "send");',
    'jest.spyOn(Math, "random").mockReturnValue(0.5);',
    "const m = jest.fn<() => number>();",
    "if (value) { return; }",
    "for (const item of [1, 2]) { expect(item).toBeGreaterThan(0); }",
    "const x = <T,>(a: T): T => a;",
    "const y = value satisfies number | undefined;",
    "label: { break label; }",
  ) },
  { weight: 10, arbitrary: identifierArbitrary.map((name) => `const ${name} = ${name};`) },
  // Broken lines, now and then.
  { weight: 1, arbitrary: fc.constantFrom("}", "({", "`unterminated ${", "const = ;") },
  { weight: 1, arbitrary: fc.string({ maxLength: 25 }) },
);

const jsdocArbitrary = fc.option(bvjBodyArbitrary, { freq: 3 });

function jsdocLines(body: string[] | null): Line[] {
  if (!body) {
    return [];
  }
  return [{ depth: 0, text: "/**" }, ...body.map((text) => ({ depth: 0, text: ` * ${text}` })), { depth: 0, text: " */" }];
}

const titleArbitrary = fc.oneof(
  fc.constantFrom('"keeps items"', "'empties the cart'", "`with ${value}`", '"😀 unicode title"', '""', "name", "String(1)"),
  fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
);

interface TestCall {
  jsdoc: string[] | null;
  callee: string;
  title: string;
  isAsync: boolean;
  statements: string[];
}

const testCallArbitrary: fc.Arbitrary<TestCall> = fc.record({
  jsdoc: jsdocArbitrary,
  callee: fc.constantFrom("it", "test", "it.skip", "test.only", "test.fixme", "it.each([[1], [2]])", "test.concurrent", "base", "specify", "xit"),
  title: titleArbitrary,
  isAsync: fc.boolean(),
  statements: fc.array(statementArbitrary, { maxLength: 4 }),
});

function testCallLines(call: TestCall): Line[] {
  return [
    ...jsdocLines(call.jsdoc),
    { depth: 0, text: `${call.callee}(${call.title}, ${call.isAsync ? "async " : ""}({ page }) => {` },
    ...nest(call.statements.map((text) => ({ depth: 0, text }))),
    { depth: 0, text: "});" },
  ];
}

const describeArbitrary: fc.Arbitrary<Line[]> = fc.letrec<{ block: Line[] }>((tie) => ({
  block: fc
    .tuple(
      jsdocArbitrary,
      fc.constantFrom("describe", "test.describe", "describe.skip", "suite", "describe.each([[1]])"),
      titleArbitrary,
      fc.array(fc.oneof({ weight: 3, arbitrary: testCallArbitrary.map(testCallLines) }, { weight: 1, arbitrary: tie("block") }), { maxLength: 3, depthIdentifier: "describe" }),
    )
    .map(([jsdoc, callee, title, children]) => [
      ...jsdocLines(jsdoc),
      { depth: 0, text: `${callee}(${title}, () => {` },
      ...nest(children.flat()),
      { depth: 0, text: "});" },
    ]),
})).block;

interface TestClass {
  jsdoc: string[] | null;
  name: string;
  base: string | null;
  decorators: string[];
  methods: { decorators: string[]; name: string; statements: string[] }[];
}

const classArbitrary: fc.Arbitrary<TestClass> = fc.record({
  jsdoc: jsdocArbitrary,
  name: identifierArbitrary.map((name) => `${name}Tests`),
  base: fc.option(fc.constantFrom("SSotBase", "ssot.SSotBase", "Object", "Base<T>", "(class {})")),
  decorators: fc.array(fc.constantFrom("@suite", "@Test()", "@test.skip", "@decorate(1, 2)"), { maxLength: 2 }),
  methods: fc.array(fc.record({ decorators: fc.array(fc.constantFrom("@test", "@Test()", "@timeout(5000)"), { maxLength: 2 }), name: identifierArbitrary, statements: fc.array(statementArbitrary, { maxLength: 3 }) }), { maxLength: 3 }),
});

function classLines(cls: TestClass): Line[] {
  return [
    ...jsdocLines(cls.jsdoc),
    ...cls.decorators.map((text) => ({ depth: 0, text })),
    { depth: 0, text: `export class ${cls.name}${cls.base ? ` extends ${cls.base}` : ""} {` },
    ...nest(
      cls.methods.flatMap((method) => [
        ...method.decorators.map((text) => ({ depth: 0, text })),
        { depth: 0, text: `async ${method.name}(): Promise<void> {` },
        ...nest(method.statements.map((text) => ({ depth: 0, text }))),
        { depth: 0, text: "}" },
      ]),
    ),
    { depth: 0, text: "}" },
  ];
}

const topLevelArbitrary: fc.Arbitrary<Line[]> = fc.oneof(
  { weight: 3, arbitrary: describeArbitrary },
  { weight: 2, arbitrary: testCallArbitrary.map(testCallLines) },
  { weight: 1, arbitrary: classArbitrary.map(classLines) },
  { weight: 1, arbitrary: hookArbitrary.map((text) => [{ depth: 0, text }]) },
  { weight: 1, arbitrary: fc.constantFrom("// a comment", "// eslint-disable-next-line testaudit/no-mocks", "/* block */", "#!/usr/bin/env node").map((text) => [{ depth: 0, text }]) },
);

/** A whole file: a leading JSDoc, imports, module-level mocks, then describe blocks, tests and classes. */
export const tsModuleArbitrary: fc.Arbitrary<string> = fc
  .tuple(jsdocArbitrary, fc.array(importArbitrary, { maxLength: 4 }), fc.array(topLevelArbitrary, { maxLength: 5 }), layoutArbitrary)
  .map(([jsdoc, imports, blocks, layout]) =>
    render([...jsdocLines(jsdoc), ...imports.map((text) => ({ depth: 0, text })), ...blocks.flatMap((block) => [{ depth: 0, text: "" }, ...block])], layout),
  );
