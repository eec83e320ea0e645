/**
 * Every rule in the registry has a doc in docs/rules/<name>.md, and the doc agrees with the rule: its title,
 * its description line, its URL, its options, its flat-config examples and its examples. The ```python,
 * ```ts, ```tsx and ```js blocks under `### Incorrect` and `### Correct` are linted with ESLint's real
 * Linter: Python with the real Python language, JS/TS with @typescript-eslint/parser, as the recommended
 * configs set them. An Incorrect block must produce at least one error of the rule, a Correct block none.
 * A ```text block right after an example lists the exact report, one `line:column  message` per line. An
 * `<!-- options: {...} -->` comment right before a block gives the rule options for that block. A block
 * right after a `<!-- file: PATH -->` comment is no example: it is written at PATH (relative to the
 * example's folder) next to the next example, which is linted in a folder of its own with those files
 * (a conftest.py whose fixture reaches the example's tests). Every doc has examples in both languages.
 *
 * docs/test-collection.md is checked the same way: each example there is followed by a ```text block that
 * lists the tests the model collects from it, one `line:column  id` per line, with its marks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { rules, type RuleName } from "../../lib/rules/index.js";
import plugin, { getTestFileModel } from "../../src/index.js";
import { packageInfo } from "../../src/package-info.js";

const DOCS_FOLDER = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
const TEST_COLLECTION_DOC = fileURLToPath(new URL("../../docs/test-collection.md", import.meta.url));
/**
 * Where the examples of each language are linted from: paths the recommended configs match, and that
 * pytest collects.
 */
const EXAMPLE_FILENAMES = {
  python: "tests/integration/test_example.py",
  ts: "tests/integration/orders.test.ts",
  tsx: "tests/integration/orders.test.tsx",
  js: "tests/integration/orders.test.js",
} as const;
type ExampleLanguage = keyof typeof EXAMPLE_FILENAMES;
const EXAMPLE_LANGUAGES = Object.keys(EXAMPLE_FILENAMES) as ExampleLanguage[];
const EXAMPLE_SECTIONS = ["Incorrect", "Correct"] as const;
/** The `##` sections every rule doc has, in this order. */
const REQUIRED_SECTIONS = ["Rule details", "Options", "How tests are found", "Limits", "When not to use it"];

type Section = (typeof EXAMPLE_SECTIONS)[number];

interface CodeBlock {
  /** The info string after the opening fence (`python`, `text`, `js`). */
  language: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The text of the nearest heading above the block (`### Incorrect` → "Incorrect"), with its level. */
  heading: { level: number; text: string } | null;
  /** The last non-blank line before the opening fence (0-based index and trimmed text), unless a block ends there. */
  lineBefore: { index: number; text: string } | null;
  /** The block right before this one, when only blank lines separate them. */
  previousBlock: CodeBlock | null;
}

interface Example {
  section: Section;
  language: ExampleLanguage;
  code: string;
  line: number;
  options: Record<string, unknown> | undefined;
  /** The expected report (`line:column  message` per line), when the doc gives one. */
  expectedReport: string | null;
  /** Files written next to the example, by path relative to its folder. */
  files: Record<string, string>;
}

interface ParsedDoc {
  text: string;
  lines: string[];
  blocks: CodeBlock[];
  /** `##` headings in order. */
  sections: string[];
  examples: Example[];
}

const OPTIONS_COMMENT = /^<!--\s*options:\s*([\s\S]*?)\s*-->$/u;
const FILE_COMMENT = /^<!--\s*file:\s*(\S+)\s*-->$/u;

function readDoc(name: string): string | null {
  try {
    return readFileSync(join(DOCS_FOLDER, `${name}.md`), "utf8");
  } catch {
    return null;
  }
}

/** Splits a Markdown doc into its fenced code blocks (with the heading each sits under) and its `##` sections. */
function parseDoc(text: string): ParsedDoc {
  const lines = text.split(/\r?\n/u);
  const blocks: CodeBlock[] = [];
  const sections: string[] = [];
  let heading: CodeBlock["heading"] = null;
  let lastNonBlank: { index: number; text: string; closedBlock: CodeBlock | null } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^```(\S*)\s*$/u.exec(line);
    if (fence) {
      const start = i;
      const body: string[] = [];
      i += 1;
      while (i < lines.length && lines[i] !== "```") {
        body.push(lines[i]!);
        i += 1;
      }
      if (i === lines.length) {
        throw new Error(`The code block opened at line ${start + 1} is never closed.`);
      }
      const block: CodeBlock = {
        language: fence[1]!,
        code: `${body.join("\n")}\n`,
        line: start + 1,
        heading,
        lineBefore: lastNonBlank?.closedBlock === null ? { index: lastNonBlank.index, text: lastNonBlank.text } : null,
        previousBlock: lastNonBlank?.closedBlock ?? null,
      };
      blocks.push(block);
      lastNonBlank = { index: i, text: "```", closedBlock: block };
      continue;
    }
    const headingMatch = /^(#{1,6})\s+(.*?)\s*$/u.exec(line);
    if (headingMatch) {
      heading = { level: headingMatch[1]!.length, text: headingMatch[2]! };
      if (heading.level === 2) {
        sections.push(heading.text);
      }
    }
    if (line.trim() !== "") {
      lastNonBlank = { index: i, text: line.trim(), closedBlock: null };
    }
  }
  return { text, lines, blocks, sections, examples: examplesOf(blocks, lines) };
}

function isExampleLanguage(language: string): language is ExampleLanguage {
  return (EXAMPLE_LANGUAGES as string[]).includes(language);
}

function exampleSection(block: CodeBlock): Section | null {
  const heading = block.heading;
  return heading?.level === 3 && (EXAMPLE_SECTIONS as readonly string[]).includes(heading.text) ? (heading.text as Section) : null;
}

/** The linted examples, with their options, files and expected reports; misplaced comments and reports are errors. */
function examplesOf(blocks: CodeBlock[], lines: string[]): Example[] {
  const examples: Example[] = [];
  const reportsByBlock = new Map<CodeBlock, string>();
  for (const block of blocks) {
    if (block.language === "text" && exampleSection(block) !== null) {
      if (block.previousBlock === null || !isExampleLanguage(block.previousBlock.language)) {
        throw new Error(`The text block at line ${block.line} does not follow a ${EXAMPLE_LANGUAGES.join(", ")} example.`);
      }
      reportsByBlock.set(block.previousBlock, block.code);
    }
  }
  const usedComments = new Set<number>();
  let files: Record<string, string> = {};
  for (const block of blocks) {
    const file = block.lineBefore === null ? null : FILE_COMMENT.exec(block.lineBefore.text);
    if (file) {
      files[file[1]!] = block.code;
      usedComments.add(block.lineBefore!.index);
      continue;
    }
    const section = exampleSection(block);
    const language = block.language;
    if (!isExampleLanguage(language) || section === null) {
      continue;
    }
    const comment = block.lineBefore === null ? null : OPTIONS_COMMENT.exec(block.lineBefore.text);
    let options: Record<string, unknown> | undefined;
    if (comment) {
      const parsed: unknown = JSON.parse(comment[1]!);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new Error(`The options comment before line ${block.line} must hold a JSON object.`);
      }
      options = parsed as Record<string, unknown>;
      usedComments.add(block.lineBefore!.index);
    }
    examples.push({ section, language, code: block.code, line: block.line, options, expectedReport: reportsByBlock.get(block) ?? null, files });
    files = {};
  }
  if (Object.keys(files).length > 0) {
    throw new Error(`The files ${Object.keys(files).join(", ")} are followed by no example.`);
  }
  // An options or file comment anywhere else would be ignored without a word.
  lines.forEach((line, index) => {
    if (/<!--\s*(options|file)\b/u.test(line) && !usedComments.has(index)) {
      throw new Error(`The comment at line ${index + 1} is not right before a code block it applies to.`);
    }
  });
  return examples;
}

/** The 0-based line range [start, end) of the `##` section called `title`, heading excluded; null when absent. */
function sectionRange(doc: ParsedDoc, title: string): [number, number] | null {
  const start = doc.lines.indexOf(`## ${title}`);
  if (start === -1) {
    return null;
  }
  const end = doc.lines.findIndex((line, index) => index > start && /^##\s/u.test(line));
  return [start + 1, end === -1 ? doc.lines.length : end];
}

// The examples are linted in an empty folder whose pytest.ini holds pytest's defaults, so no file or
// configuration around the repository can change what they report.
const exampleRoot = mkdtempSync(join(tmpdir(), "testaudit-docs-"));
writeFileSync(join(exampleRoot, "pytest.ini"), "[pytest]\n");
afterAll(() => {
  rmSync(exampleRoot, { recursive: true, force: true });
});

/** The config an example of `language` is linted with: the Python language, or the TypeScript parser for JS/TS. */
function exampleConfig(language: ExampleLanguage, rulesConfig: Linter.RulesRecord, extraPlugins: Record<string, object> = {}): Linter.Config[] {
  const plugins = { testaudit: plugin, ...extraPlugins } as Linter.Config["plugins"];
  if (language === "python") {
    return [{ files: ["**/*.py"], language: "testaudit/python", plugins, rules: rulesConfig }];
  }
  return [{ files: ["**/*.{js,ts,tsx,mjs}"], plugins, languageOptions: { parser: tsParser }, rules: rulesConfig }];
}

/** The folders of examples that come with files: exampleRoot's pytest.ini, and the files. */
const exampleFolders = new Map<Example, string>();

function exampleFolder(example: Example): string {
  if (Object.keys(example.files).length === 0) {
    return exampleRoot;
  }
  let folder = exampleFolders.get(example);
  if (folder === undefined) {
    folder = mkdtempSync(join(exampleRoot, "example-"));
    for (const [path, code] of Object.entries({ "pytest.ini": "[pytest]\n", ...example.files })) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), code);
    }
    exampleFolders.set(example, folder);
  }
  return folder;
}

function lintExample(name: RuleName, example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: exampleFolder(example) });
  const ruleEntry: Linter.RuleEntry = example.options === undefined ? "error" : ["error", example.options];
  return linter.verify(example.code, exampleConfig(example.language, { [`testaudit/${name}`]: ruleEntry }), EXAMPLE_FILENAMES[example.language]);
}

/**
 * Runs a flat-config example of an Options section (`import testaudit from "eslint-plugin-testaudit";
 * export default [...]`) with the real plugin and returns the config array it exports.
 */
function evaluateFlatConfig(code: string): Linter.Config[] {
  const importLine = 'import testaudit from "eslint-plugin-testaudit";';
  const lines = code.split("\n");
  expect(lines.filter((line) => line.startsWith("import ")), "the only import is the plugin's").toEqual([importLine]);
  const body = lines
    .filter((line) => line !== importLine)
    .join("\n")
    .replace(/^export default /mu, "return ");
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the doc's own example, run as written.
  const example = new Function("testaudit", body) as (testaudit: typeof plugin) => unknown;
  const config = example(plugin);
  expect(Array.isArray(config), "the example exports a config array").toBe(true);
  return config as Linter.Config[];
}

function formatReport(messages: Linter.LintMessage[]): string {
  return messages.map((message) => `${message.line}:${message.column}  ${message.message}\n`).join("");
}

const ruleNames = Object.keys(rules) as RuleName[];

describe.each(ruleNames)("docs/rules/%s.md", (name) => {
  const rule = rules[name];
  const text = readDoc(name);
  let doc: ParsedDoc | null = null;
  let parseError: unknown = null;
  try {
    doc = text === null ? null : parseDoc(text);
  } catch (error) {
    parseError = error;
  }

  /** The parsed doc; a missing or malformed doc fails the test that needs it, with the reason. */
  const parsed = (): ParsedDoc => {
    if (doc === null) {
      throw new Error(text === null ? `docs/rules/${name}.md is missing.` : `docs/rules/${name}.md cannot be read: ${String(parseError)}`);
    }
    return doc;
  };

  it("exists", () => {
    expect(text, `docs/rules/${name}.md is missing`).not.toBeNull();
  });

  it("has well-formed code blocks, options comments and reports", () => {
    expect(parseError).toBeNull();
  });

  it("starts with `# testaudit/<name>` and the rule's description on its own line", () => {
    expect(parsed().lines[0]).toBe(`# testaudit/${name}`);
    const description = parsed().lines.slice(1).find((line) => line.trim() !== "");
    expect(description).toBe(rule.meta!.docs!.description);
  });

  it("is the page meta.docs.url points to, as released with this version", () => {
    expect(rule.meta!.docs!.url).toBe(`https://github.com/testaudit/eslint-plugin-testaudit/blob/v${packageInfo.version}/docs/rules/${name}.md`);
  });

  it("has the required sections, in order, and Incorrect and Correct examples in Python and in JS/TS", () => {
    expect(parsed().sections.filter((section) => REQUIRED_SECTIONS.includes(section))).toEqual(REQUIRED_SECTIONS);
    for (const section of EXAMPLE_SECTIONS) {
      const examples = parsed().examples.filter((example) => example.section === section);
      expect(examples.filter((example) => example.language === "python").length, `${section} Python examples`).toBeGreaterThan(0);
      expect(examples.filter((example) => example.language !== "python").length, `${section} JS/TS examples`).toBeGreaterThan(0);
    }
  });

  it("documents every option of the schema in its Options section, with a flat-config example", () => {
    const schema = (rule.meta!.schema as { properties?: Record<string, unknown> }[])[0];
    const range = sectionRange(parsed(), "Options");
    expect(range).not.toBeNull();
    const [start, end] = range!;
    const options = parsed().lines.slice(start, end).join("\n");
    for (const property of Object.keys(schema?.properties ?? {})) {
      expect(options, `option \`${property}\``).toContain(`\`${property}\``);
    }
    const configBlocks = parsed().blocks.filter((block) => block.language === "js" && block.line > start && block.line <= end);
    expect(configBlocks.some((block) => block.code.includes(`"testaudit/${name}"`))).toBe(true);
  });

  it("has flat-config examples that spread configs.recommended and override inside its files, which ESLint accepts", () => {
    const range = sectionRange(parsed(), "Options");
    expect(range).not.toBeNull();
    const configBlocks = parsed().blocks.filter((block) => block.language === "js" && block.line > range![0] && block.line <= range![1]);
    const recommendedFiles = [plugin.configs["recommended-python"].files, plugin.configs["recommended-js"].files];
    for (const block of configBlocks) {
      // configs.recommended is an array of config objects: it must be spread, and it has no `files` of its own.
      expect(block.code, `config example at line ${block.line}`).toContain("...testaudit.configs.recommended,");
      expect(block.code, `config example at line ${block.line}`).not.toMatch(/configs\.recommended\.files|configs\.recommended\]/u);
      const config = evaluateFlatConfig(block.code);
      expect(config.slice(0, 2)).toEqual(plugin.configs.recommended);
      const overrides = config.slice(2);
      expect(overrides.length).toBeGreaterThan(0);
      for (const override of overrides) {
        // An override outside the recommended globs would lack the plugin (and, for Python, the language).
        expect(recommendedFiles).toContainEqual(override.files);
      }
      // ESLint validates each rule's options against its schema when it computes a file's config.
      const linter = new Linter({ configType: "flat", cwd: exampleRoot });
      for (const filename of [EXAMPLE_FILENAMES.python, EXAMPLE_FILENAMES.ts]) {
        const messages = linter.verify("", config, filename);
        expect(messages.filter((message) => message.fatal === true || message.ruleId === null), `${filename} with the example at line ${block.line}`).toEqual([]);
      }
    }
  });

  it("shows, with its real text, every message the rule can report, its suggestions' too", () => {
    const reported = new Map<string, string[]>();
    const report = (messageId: string, text: string): void => void reported.set(messageId, [...(reported.get(messageId) ?? []), text]);
    for (const example of parsed().examples.filter((candidate) => candidate.section === "Incorrect")) {
      for (const message of lintExample(name, example)) {
        report(message.messageId!, message.message);
        for (const suggestion of message.suggestions ?? []) {
          report(suggestion.messageId!, suggestion.desc);
        }
      }
    }
    for (const messageId of Object.keys(rule.meta!.messages!)) {
      const texts = reported.get(messageId) ?? [];
      expect(texts.length, `no Incorrect example reports ${messageId}`).toBeGreaterThan(0);
      expect(texts.some((message) => parsed().text.includes(message)), `no ${messageId} message is quoted in the doc`).toBe(true);
    }
  });

  const examples = doc?.examples ?? [];
  it.each(examples.map((example) => [`${example.section} ${example.language} example at line ${example.line}`, example] as const))("%s", (_title, example) => {
    const messages = lintExample(name, example);
    expect(messages.filter((message) => message.fatal === true || message.ruleId !== `testaudit/${name}`)).toEqual([]);
    if (example.section === "Correct") {
      expect(formatReport(messages)).toBe("");
      expect(example.expectedReport).toBeNull();
    } else {
      expect(messages.length).toBeGreaterThan(0);
    }
    if (example.expectedReport !== null) {
      expect(formatReport(messages)).toBe(example.expectedReport);
    }
  });
});

/**
 * A rule that reports every test the model collects from a file, at its name, as `id` with its marks:
 * what docs/test-collection.md says is collected, run through the same model the rules read.
 */
const listTestsPlugin = {
  rules: {
    "list-tests": {
      meta: { type: "suggestion", languages: ["testaudit/python", "js/js"], schema: [] },
      create(context: Parameters<typeof getTestFileModel>[0] & { report(descriptor: object): void }) {
        const list = (): void => {
          for (const test of getTestFileModel(context).tests) {
            const marks = [test.skipped && "skipped", test.todo && "todo", test.parametrized && "parametrized"].filter(Boolean);
            context.report({ loc: test.nameLoc, message: marks.length === 0 ? test.id : `${test.id} (${marks.join(", ")})` });
          }
        };
        return { module: list, Program: list };
      },
    },
  },
};

describe("docs/test-collection.md", () => {
  const text = readFileSync(TEST_COLLECTION_DOC, "utf8");
  const doc = parseDoc(text);
  const examples = doc.blocks.filter((block) => isExampleLanguage(block.language));
  const reports = new Map(doc.blocks.filter((block) => block.language === "text" && block.previousBlock !== null).map((block) => [block.previousBlock!, block.code]));

  it("has a JS/TS section with examples", () => {
    expect(doc.sections).toContain("JS/TS");
    expect(examples.filter((block) => block.language !== "python").length).toBeGreaterThan(0);
  });

  it.each(examples.map((block) => [`${block.language} example at line ${block.line}`, block] as const))("%s lists exactly the tests collected", (_title, block) => {
    const language = block.language as ExampleLanguage;
    const expected = reports.get(block);
    expect(expected, "a text block right after the example lists its tests").toBeDefined();
    const linter = new Linter({ configType: "flat", cwd: exampleRoot });
    const messages = linter.verify(block.code, exampleConfig(language, { "collection/list-tests": "error" }, { collection: listTestsPlugin }), EXAMPLE_FILENAMES[language]);
    expect(messages.filter((message) => message.ruleId !== "collection/list-tests")).toEqual([]);
    expect(formatReport(messages)).toBe(expected);
  });
});
