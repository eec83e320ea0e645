/**
 * Disallow tests whose runner never waits for their asynchronous work, so they cannot fail.
 */
import { DEFAULT_UNAWAITED_ASYNC_OPTIONS, findUnawaitedAsyncTests, type UnawaitedAsyncOptions, type UnawaitedFinding } from "../../src/policies/unawaited-async.js";
import { docsUrl, onTestFile, quoted, RULE_LANGUAGES, type TestauditRule } from "../../src/rule-kit/define-rule.js";

type Options = [{ asyncBases: string[] }];
type MessageIds = UnawaitedFinding["kind"];

const rule: TestauditRule<Options, MessageIds> = {
  meta: {
    type: "problem",
    languages: RULE_LANGUAGES,
    docs: {
      description: "Disallow async tests and promises that the test runner never awaits",
      recommended: true,
      url: docsUrl("no-unawaited-async-tests"),
    },
    messages: {
      unawaitedTestCase:
        "Async test {{test}} never runs: {{cls}} is a unittest.TestCase but not an IsolatedAsyncioTestCase, so unittest calls it, drops the coroutine unawaited and counts a pass. Inherit from unittest.IsolatedAsyncioTestCase.",
      unrunCoroutine:
        "Async test {{test}} never runs: no async plugin is set up to run it, so pytest skips it with a warning (pytest 8.4 and later fail it). Mark it @pytest.mark.asyncio (pytest-asyncio), @pytest.mark.anyio or @pytest.mark.trio, or set asyncio_mode = auto.",
      droppedPromise:
        "Test {{test}} does not wait for {{promise}}: the test can end before the promise settles, so a failure there cannot fail it. Return or await it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          asyncBases: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "More Python base classes (plain or dotted names) whose runner awaits async test methods, such as a project's own async test case.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ asyncBases: [...DEFAULT_UNAWAITED_ASYNC_OPTIONS.asyncBases] }],
  },

  create(context) {
    const [options] = context.options;
    return onTestFile(context, (model) => {
      for (const finding of findUnawaitedAsyncTests(model, options satisfies UnawaitedAsyncOptions)) {
        const data: Record<string, string> = { test: quoted(finding.test.name) };
        if (finding.kind === "unawaitedTestCase") {
          data.cls = quoted(finding.cls.name);
        } else if (finding.kind === "droppedPromise") {
          data.promise = quoted(finding.promise.written);
        }
        context.report({ loc: finding.loc, messageId: finding.kind, data });
      }
    });
  },
};

export default rule;
