/**
 * RuleTester matrix for `testaudit/no-test-doubles` on JS/TS: test-double classes declared anywhere in
 * a test file (declarations, class expressions, by name or by extending a mocking package's class),
 * imported from project files (named, aliased, default, namespace, re-exported) and made with `new` or
 * called; mock factories called; class-based suites, packages and type-only imports left alone.
 * Real ESLint with @typescript-eslint/parser, real files in temporary folder trees.
 */
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, jsRuleTester, plugin, type ExpectedError } from "../rule-tester.js";
import { doubleClass, doubleImport, doubleUse, factoryCall, inherits, PREFIX, SUFFIX } from "./no-test-doubles-errors.js";

const { inTree } = caseTrees("testaudit-no-test-doubles-js-");

const rule = plugin.rules["no-test-doubles"];

const TEST_FILE = "web/integration/mail.test.ts";

/** The web app's test support: fakes, a mock class on jest-mock, an index that re-exports, a factory. */
const SUPPORT = {
  "web/support/fakes.ts": dedent`
    import { ModuleMocker } from "jest-mock";

    export class FakeMailer {
      sent: string[] = [];
      send(to: string) {
        this.sent.push(to);
      }
    }

    export class Recorder extends ModuleMocker {}

    export default class StubClock {
      now() {
        return 0;
      }
    }

    export class RealMailer {}
  `,
  "web/support/index.ts": 'export { FakeMailer as Mailer } from "./fakes";\nexport * from "./fakes";\n',
  "web/support/factory.ts": dedent`
    import { FakeMailer } from "./fakes";

    export class SSotMockFactory {
      static createMailer() {
        return new FakeMailer();
      }
    }
  `,
};

interface Case {
  name: string;
  code: string;
  options?: [{ patterns?: string[]; factories?: string[] }];
}

function clean(testCase: Case): Case & { filename: string } {
  return inTree(SUPPORT, TEST_FILE, testCase);
}

function flagged(testCase: Case & { errors: ExpectedError[] }): Case & { errors: ExpectedError[]; filename: string } {
  return inTree(SUPPORT, TEST_FILE, testCase);
}

jsRuleTester.run("no-test-doubles (JS/TS)", rule, {
  valid: [
    clean({
      name: "a class-based suite named like a double is a test",
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class MockServerTests {
          @test
          answers() {}
        }
      `,
    }),
    clean({
      name: "look-alike names, variables and functions, and a real project class",
      code: dedent`
        import { it } from "vitest";
        import { RealMailer } from "../support/fakes";

        class Mockingbird {}
        const fakeUser = { id: 1 };
        function makeFake() {
          return {};
        }

        it("sends", () => {
          new Mockingbird();
          new RealMailer();
          makeFake();
        });
      `,
    }),
    clean({
      name: "classes of packages are not the project's (no-mocks bans mocking packages)",
      code: dedent`
        import { it } from "vitest";
        import { MockAgent } from "undici";

        it("fetches", () => {
          new MockAgent();
        });
      `,
    }),
    clean({
      name: "a type-only import brings nothing that runs",
      code: dedent`
        import type { FakeMailer } from "../support/fakes";
        import { type StubClockType } from "../support/fakes";

        export function send(mailer: FakeMailer) {
          return mailer;
        }
      `,
    }),
    clean({
      name: "patterns: [] reports no class by its name",
      options: [{ patterns: [] }],
      code: "class FakeMailer {}\nnew FakeMailer();\n",
    }),
  ],
  invalid: [
    flagged({
      name: "classes declared in the file, at the top, in a describe callback and as a class expression, and the instances made",
      code: dedent`
        import { describe, it } from "vitest";

        class StubClock {}

        describe("mail", () => {
          class InlineFake {}
          const PaymentStub = class {};
          it("sends", () => {
            new StubClock();
            new InlineFake();
            new PaymentStub();
          });
        });
      `,
      errors: [
        doubleClass("StubClock", PREFIX, at(3, 7, 16)),
        doubleClass("InlineFake", SUFFIX, at(6, 9, 19)),
        doubleClass("PaymentStub", SUFFIX, at(7, 9, 20)),
        doubleUse("StubClock", "StubClock", PREFIX, at(9, 9, 18)),
        doubleUse("InlineFake", "InlineFake", SUFFIX, at(10, 9, 19)),
        doubleUse("PaymentStub", "PaymentStub", SUFFIX, at(11, 9, 20)),
      ],
    }),
    flagged({
      name: "a class extending a mocking package's class, whatever its name",
      code: dedent`
        import { ModuleMocker } from "jest-mock";
        import * as sinon from "sinon";

        class Mocker extends ModuleMocker {}
        class Sandbox extends sinon.SinonSandbox {}
      `,
      errors: [doubleClass("Mocker", inherits("jest-mock.ModuleMocker"), at(4, 7, 13)), doubleClass("Sandbox", inherits("sinon.SinonSandbox"), at(5, 7, 14))],
    }),
    flagged({
      name: "doubles imported from project files: named, aliased, default, re-exported under another name, through a namespace",
      code: dedent`
        import { FakeMailer } from "../support/fakes";
        import { Recorder as Rec } from "../support/fakes";
        import Clock from "../support/fakes";
        import { Mailer } from "../support";
        import * as fakes from "../support/fakes";

        new FakeMailer();
        new Rec();
        new Clock();
        new Mailer();
        new fakes.FakeMailer();
      `,
      errors: [
        doubleImport("FakeMailer", "FakeMailer", PREFIX, at(1, 10, 20)),
        doubleImport("Recorder as Rec", "Recorder", inherits("jest-mock.ModuleMocker"), at(2, 10, 25)),
        doubleImport("Clock", "StubClock", PREFIX, at(3, 8, 13)),
        doubleImport("Mailer", "FakeMailer", PREFIX, at(4, 10, 16)),
        doubleUse("FakeMailer", "FakeMailer", PREFIX, at(7, 5, 15)),
        doubleUse("Rec", "Recorder", inherits("jest-mock.ModuleMocker"), at(8, 5, 8)),
        doubleUse("Clock", "StubClock", PREFIX, at(9, 5, 10)),
        doubleUse("Mailer", "FakeMailer", PREFIX, at(10, 5, 11)),
        doubleUse("fakes.FakeMailer", "FakeMailer", PREFIX, at(11, 5, 21)),
      ],
    }),
    flagged({
      name: "mock factories: the factory and its methods, called or made with new",
      options: [{ factories: ["SSotMockFactory"] }],
      code: dedent`
        import { beforeEach, it } from "vitest";
        import { SSotMockFactory } from "../support/factory";

        let mailer: unknown;
        beforeEach(() => {
          mailer = SSotMockFactory.createMailer();
        });

        it("sends", () => {
          new SSotMockFactory();
        });
      `,
      errors: [factoryCall("SSotMockFactory.createMailer", "SSotMockFactory", at(6, 12, 40)), factoryCall("SSotMockFactory", "SSotMockFactory", at(10, 7, 22))],
    }),
    flagged({
      name: "patterns replace the defaults",
      options: [{ patterns: ["Simulator$"] }],
      code: "class PaymentSimulator {}\nclass FakeClock {}\n",
      errors: [doubleClass("PaymentSimulator", "its name matches /Simulator$/", at(1, 7, 23))],
    }),
  ],
});
