/**
 * The Business Value Justification policy over a test-file model: which blocks are incomplete and
 * which tests no block covers. Shared by the `require-bvj` rule and the CLI's audit.
 */
import { assessBvjBlock, isCompleteAssessment, type BvjAssessment, type BvjPolicy } from "./bvj-assessment.js";
import type { BvjBlock, CollectedTest, Docstring, TestFileModel } from "../model/test-file-model.js";
import type { PolicyVerdict } from "./policy.js";

export type BvjSource = "function" | "class" | "module";

export interface BvjPolicyOptions extends BvjPolicy {
  from: readonly BvjSource[];
}

/** complete: a complete block covers the test; incomplete: only incomplete ones do; missing: none does. */
export type BvjCoverage = "complete" | "incomplete" | "missing";

export interface IncompleteBlock {
  block: BvjBlock;
  assessment: BvjAssessment;
  /** The file the block is in when it is not the linted one (a test inherited or imported from there), else null. */
  path: string | null;
  /** The first test it covers, where a block of another file is reported. */
  test: CollectedTest;
}

export interface BvjAudit {
  /** Blocks in the docstrings covering some test, in the order tests first meet them, that are not complete. */
  incompleteBlocks: IncompleteBlock[];
  /** Tests with no block at all in their sources, one per definition. */
  uncovered: CollectedTest[];
  coverage: Map<CollectedTest, BvjCoverage>;
  /** The blocks covering each test, complete or not: where a report about its coverage sits. */
  blocksOf: Map<CollectedTest, BvjBlock[]>;
}

/** The docstrings that may cover `test`, nearest first. */
function docstringsCovering(test: CollectedTest, model: TestFileModel, from: readonly BvjSource[]): Docstring[] {
  const docstrings: (Docstring | null)[] = [];
  if (from.includes("function")) {
    docstrings.push(test.docstring);
  }
  if (from.includes("class")) {
    docstrings.push(...test.groupDocstrings);
  }
  if (from.includes("module")) {
    docstrings.push(model.moduleDocstring);
  }
  return docstrings.filter((docstring): docstring is Docstring => docstring !== null);
}

export function auditBvj(model: TestFileModel, options: BvjPolicyOptions): BvjAudit {
  const assessments = new Map<BvjBlock, IncompleteBlock>();
  const assess = (block: BvjBlock, docstring: Docstring, test: CollectedTest): BvjAssessment => {
    let entry = assessments.get(block);
    if (!entry) {
      entry = { block, assessment: assessBvjBlock(block, options), path: docstring.path ?? null, test };
      assessments.set(block, entry);
    }
    return entry.assessment;
  };
  const uncovered = new Map<object, CollectedTest>();
  const coverage = new Map<CollectedTest, BvjCoverage>();
  const blocksOf = new Map<CollectedTest, BvjBlock[]>();
  for (const test of model.tests) {
    const docstrings = docstringsCovering(test, model, options.from);
    blocksOf.set(test, docstrings.flatMap((docstring) => docstring.bvjBlocks));
    const assessed = docstrings.flatMap((docstring) => docstring.bvjBlocks.map((block) => assess(block, docstring, test)));
    if (assessed.length === 0) {
      uncovered.set(test.definitionKey, test);
      coverage.set(test, "missing");
    } else {
      coverage.set(test, assessed.some(isCompleteAssessment) ? "complete" : "incomplete");
    }
  }
  const incompleteBlocks = [...assessments.values()].filter((entry) => !isCompleteAssessment(entry.assessment));
  return { incompleteBlocks, uncovered: [...uncovered.values()], coverage, blocksOf };
}

/**
 * The BVJ verdicts: a test complies when a complete block covers it; the file when every block covering
 * a test is complete and every test is covered. An incomplete block of this file is reported at its
 * heading, one of another file at the first test it covers; an uncovered test at its name.
 */
export function judgeBvj(model: TestFileModel, options: BvjPolicyOptions): PolicyVerdict {
  const audit = auditBvj(model, options);
  const blockSite = (entry: IncompleteBlock): number => (entry.path === null ? entry.block.headingLoc : entry.test.nameLoc).start.line;
  const uncoveredSites = new Map(audit.uncovered.map((test) => [test.definitionKey, test.nameLoc.start.line]));
  const coverages = model.tests.map((test) => audit.coverage.get(test) ?? "missing");
  const tests = model.tests.map((test, index) => {
    const coverage = coverages[index]!;
    if (coverage === "missing") {
      return { compliant: false, sites: [uncoveredSites.get(test.definitionKey) ?? test.nameLoc.start.line] };
    }
    const blocks = new Set(audit.blocksOf.get(test));
    return { compliant: coverage === "complete", sites: coverage === "complete" ? [] : audit.incompleteBlocks.filter((entry) => blocks.has(entry.block)).map(blockSite) };
  });
  return {
    compliant: audit.incompleteBlocks.length === 0 && audit.uncovered.length === 0 && coverages.every((coverage) => coverage === "complete"),
    sites: [...audit.incompleteBlocks.map(blockSite), ...uncoveredSites.values()],
    tests,
    details: { tests: coverages.map((bvj) => ({ bvj })) },
  };
}
