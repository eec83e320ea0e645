/**
 * Require every skip and expected failure of a test to say why (and, with `allowSkips: false`, forbid skips).
 */
import type { SkipMark } from "../../src/model/test-file-model.js";
import { findSkipProblems } from "../../src/policies/skip-reason.js";
import { displayPath, docsUrl, onTestFile, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ allowSkips: boolean }];
type MessageIds = "missingReason" | "skipNotAllowed" | "addReason";

/** The reason a suggestion writes: a placeholder the author replaces with why. */
const PLACEHOLDER_REASON = '"TODO"';

/** Both languages' source code turns a line and column into an offset (JS's SourceCode and the Python language's). */
interface IndexedSourceCode {
  getIndexFromLoc(position: { line: number; column: number }): number;
}

/** What a mark does, in words: whom it skips or expects to fail. */
function effectOf(mark: SkipMark, group: string): string {
  const whom = mark.scope === "group" ? `the tests of its ${group}` : mark.scope === "module" ? "every test in the file" : "a test";
  return mark.kind === "skip" ? `skips ${whom}` : `expects ${whom} to fail`;
}

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "suggestion",
    languages: RULE_LANGUAGES,
    hasSuggestions: true,
    docs: {
      description: "Require every skipped or expected-to-fail test to give a reason",
      recommended: false,
      url: docsUrl("require-skip-reason"),
    },
    messages: {
      missingReason: "'{{api}}' {{effect}} without saying why{{where}}.",
      skipNotAllowed: "'{{api}}' {{effect}}; skipping is not allowed here{{where}}.",
      addReason: "Add the placeholder reason {{reason}}, to be replaced with why.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowSkips: {
            type: "boolean",
            description: "Whether tests may be skipped at all; false reports every skip, with or without a reason (expected failures still need one).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowSkips: true }],
  },

  create(context) {
    const [{ allowSkips }] = context.options;
    const sourceCode = context.sourceCode as unknown as IndexedSourceCode;

    return onTestFile(context, (model) => {
      const group = model.language === "python" ? "class" : "group";
      for (const { kind, mark, loc } of findSkipProblems(model, { allowSkips })) {
        // A mark of another file (a test inherited or imported from there) is named where it is.
        const where = mark.path === undefined ? "" : ` (the mark is in ${displayPath(context, mark.path)}:${mark.loc.start.line})`;
        const edit = kind === "missingReason" && mark.path === undefined ? mark.addReason : null;
        context.report({
          loc,
          messageId: kind,
          data: { api: mark.api, effect: effectOf(mark, group), where },
          suggest: edit
            ? [
                {
                  messageId: "addReason",
                  data: { reason: PLACEHOLDER_REASON },
                  fix: (fixer) => fixer.replaceTextRange([sourceCode.getIndexFromLoc(edit.loc.start), sourceCode.getIndexFromLoc(edit.loc.end)], `${edit.before}${PLACEHOLDER_REASON}${edit.after}`),
                },
              ]
            : null,
        });
      }
    });
  },
};

export default rule;
