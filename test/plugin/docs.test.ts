/**
 * Every rule in the registry has a doc in docs/rules/<name>.md, and the doc agrees with the rule: its title,
 * its description line, its URL, its options, and its examples. The ```python blocks under `### Incorrect`
 * and `### Correct` are linted with ESLint's real Linter and the real Python language: an Incorrect block
 * must produce at least one error of the rule, a Correct block none. A ```text block right after an
 * example lists the exact report, one `line:column  message` per line. An
 * `<!-- options: {...} -->` comment right before a block gives the rule options for that block.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { rules, type RuleName } from "../../lib/rules/index.js";
import plugin from "../../src/index.js";

const DOCS_FOLDER = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
/** Where the examples are linted from: a path the recommended config matches, and that pytest collects. */
const EXAMPLE_FILENAME = "tests/integration/test_example.py";
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
  code: string;
  line: number;
  options: Record<string, unknown> | undefined;
  /** The expected report (`line:column  message` per line), when the doc gives one. */
  expectedReport: string | null;
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
        lineBefore: lastNonBlank && lastNonBlank.closedBlock === null ? { index: lastNonBlank.index, text: lastNonBlank.text } : null,
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

function exampleSection(block: CodeBlock): Section | null {
  const heading = block.heading;
  return heading?.level === 3 && (EXAMPLE_SECTIONS as readonly string[]).includes(heading.text) ? (heading.text as Section) : null;
}

/** The linted examples, with their options and expected reports; misplaced options comments and reports are errors. */
function examplesOf(blocks: CodeBlock[], lines: string[]): Example[] {
  const examples: Example[] = [];
  const reportsByBlock = new Map<CodeBlock, string>();
  for (const block of blocks) {
    if (block.language === "text" && exampleSection(block) !== null) {
      if (block.previousBlock?.language !== "python") {
        throw new Error(`The text block at line ${block.line} does not follow a python example.`);
      }
      reportsByBlock.set(block.previousBlock, block.code);
    }
  }
  const usedComments = new Set<number>();
  for (const block of blocks) {
    const section = exampleSection(block);
    if (block.language !== "python" || section === null) {
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
    examples.push({ section, code: block.code, line: block.line, options, expectedReport: reportsByBlock.get(block) ?? null });
  }
  // An options comment anywhere else would be ignored without a word.
  lines.forEach((line, index) => {
    if (/<!--\s*options\b/u.test(line) && !usedComments.has(index)) {
      throw new Error(`The options comment at line ${index + 1} is not right before an Incorrect or Correct python example.`);
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

function lintExample(name: RuleName, example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", cwd: exampleRoot });
  const ruleEntry: Linter.RuleEntry = example.options === undefined ? "error" : ["error", example.options];
  return linter.verify(
    example.code,
    [
      {
        files: ["**/*.py"],
        language: "testaudit/python",
        plugins: { testaudit: plugin },
        rules: { [`testaudit/${name}`]: ruleEntry },
      } as Linter.Config,
    ],
    EXAMPLE_FILENAME,
  );
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

  it("is the page meta.docs.url points to", () => {
    expect(rule.meta!.docs!.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, "u"));
  });

  it("has the required sections, in order, and Incorrect and Correct examples", () => {
    expect(parsed().sections.filter((section) => REQUIRED_SECTIONS.includes(section))).toEqual(REQUIRED_SECTIONS);
    expect(parsed().examples.filter((example) => example.section === "Incorrect").length).toBeGreaterThan(0);
    expect(parsed().examples.filter((example) => example.section === "Correct").length).toBeGreaterThan(0);
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

  it("shows, with its real text, every message the rule can report", () => {
    const reported = new Map<string, string[]>();
    for (const example of parsed().examples.filter((candidate) => candidate.section === "Incorrect")) {
      for (const message of lintExample(name, example)) {
        reported.set(message.messageId!, [...(reported.get(message.messageId!) ?? []), message.message]);
      }
    }
    for (const messageId of Object.keys(rule.meta!.messages!)) {
      const texts = reported.get(messageId) ?? [];
      expect(texts.length, `no Incorrect example reports ${messageId}`).toBeGreaterThan(0);
      expect(texts.some((message) => parsed().text.includes(message)), `no ${messageId} message is quoted in the doc`).toBe(true);
    }
  });

  const examples = doc?.examples ?? [];
  it.each(examples.map((example) => [`${example.section} example at line ${example.line}`, example] as const))("%s", (_title, example) => {
    const messages = lintExample(name, example);
    expect(messages.filter((message) => message.fatal || message.ruleId !== `testaudit/${name}`)).toEqual([]);
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
