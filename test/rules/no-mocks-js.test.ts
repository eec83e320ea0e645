/**
 * RuleTester matrix for `testaudit/no-mocks` on JS and TypeScript test files: the runners' mocking APIs
 * (global and imported), the mocking and fake-service libraries in every import form, names bound to
 * them through aliases, destructuring, `require` and dynamic `import()`, the look-alikes it must leave
 * alone (shadowing locals and parameters among them), TypeScript-only syntax, its options, one report
 * per line, and inline disable directives. Real ESLint, real @typescript-eslint/parser and espree.
 */
import dedent from "dedent";
import { at, espreeRuleTester, jsRuleTester, plugin, type ExpectedError as SharedExpectedError } from "../rule-tester.js";

type MessageId = "mockImport" | "mockUse" | "mockApi";

type ExpectedError = SharedExpectedError<MessageId>;

type Span = ReturnType<typeof at>;

const mockImport = (name: string, module: string, span: Span): ExpectedError => ({
  messageId: "mockImport", data: { name, module }, ...span,
});
const mockUse = (name: string, module: string, span: Span): ExpectedError => ({
  messageId: "mockUse", data: { name, module }, ...span,
});
const mockApi = (name: string, module: string, span: Span): ExpectedError => ({
  messageId: "mockApi", data: { name, module }, ...span,
});

const TS = "orders.test.ts";
const TSX = "checkout.spec.tsx";
const JS = "api.test.js";
const MJS = "api.test.mjs";

const rule = plugin.rules["no-mocks"] as never;

/** A runner's mocking API called on its global object, one per case: `jest.mock("./db");`. */
const RUNNER_API_CALLS: { api: string; args: string }[] = [
  { api: "jest.mock", args: `"./db"` },
  { api: "jest.doMock", args: `"./db", () => ({})` },
  { api: "jest.unstable_mockModule", args: `"./db.js", () => ({})` },
  { api: "jest.fn", args: "" },
  { api: "jest.spyOn", args: `orders, "save"` },
  { api: "jest.createMockFromModule", args: `"./db"` },
  { api: "jest.replaceProperty", args: `config, "region", "eu"` },
  { api: "jest.useFakeTimers", args: "" },
  { api: "vi.mock", args: `"./db"` },
  { api: "vi.doMock", args: `"./db", () => ({})` },
  { api: "vi.fn", args: "" },
  { api: "vi.spyOn", args: `orders, "save"` },
  { api: "vi.stubGlobal", args: `"fetch", realFetch` },
  { api: "vi.stubEnv", args: `"APP_ENV", "test"` },
  { api: "vi.mocked", args: "orders.save" },
  { api: "vi.hoisted", args: "() => ({ save: vi.fn() })" },
  { api: "vi.useFakeTimers", args: "" },
];

/**
 * The first import of each mocking or fake-service library, one per case, with the qualified name and
 * span the report carries (the imported name, or the specifier of a side-effect import).
 */
const LIBRARY_IMPORTS: { code: string; name: string; module: string; column: number; endColumn: number }[] = [
  { code: `import sinon from "sinon";`, name: "sinon", module: "sinon", column: 8, endColumn: 13 },
  { code: `import { createSandbox } from "sinon";`, name: "sinon.createSandbox", module: "sinon", column: 10, endColumn: 23 },
  { code: `import * as td from "testdouble";`, name: "testdouble", module: "testdouble", column: 8, endColumn: 15 },
  { code: `import td from "testdouble";`, name: "testdouble", module: "testdouble", column: 8, endColumn: 10 },
  { code: `import { mock, mockDeep } from "jest-mock-extended";`, name: "jest-mock-extended.mock", module: "jest-mock-extended", column: 10, endColumn: 14 },
  { code: `import { mock as fake, instance } from "ts-mockito";`, name: "ts-mockito.mock", module: "ts-mockito", column: 10, endColumn: 22 },
  { code: `import nock from "nock";`, name: "nock", module: "nock", column: 8, endColumn: 12 },
  { code: `import { setupServer } from "msw/node";`, name: "msw/node.setupServer", module: "msw", column: 10, endColumn: 21 },
  { code: `import { http, HttpResponse } from "msw";`, name: "msw.http", module: "msw", column: 10, endColumn: 14 },
  { code: `import fetchMock from "fetch-mock";`, name: "fetch-mock", module: "fetch-mock", column: 8, endColumn: 17 },
  { code: `import mockFs from "mock-fs";`, name: "mock-fs", module: "mock-fs", column: 8, endColumn: 14 },
  { code: `import proxyquire from "proxyquire";`, name: "proxyquire", module: "proxyquire", column: 8, endColumn: 18 },
  { code: `import FakeTimers from "@sinonjs/fake-timers";`, name: "@sinonjs/fake-timers", module: "@sinonjs/fake-timers", column: 8, endColumn: 18 },
  { code: `import { install } from "@sinonjs/fake-timers";`, name: "@sinonjs/fake-timers.install", module: "@sinonjs/fake-timers", column: 10, endColumn: 17 },
  { code: `import { orders } from "../__mocks__/orders";`, name: "__mocks__.orders", module: "__mocks__", column: 10, endColumn: 16 },
  { code: `import db from "__mocks__/db";`, name: "__mocks__", module: "__mocks__", column: 8, endColumn: 10 },
  { code: `import "./__mocks__/setup";`, name: "__mocks__", module: "__mocks__", column: 8, endColumn: 27 },
  { code: `export { orders } from "./__mocks__/orders";`, name: "__mocks__", module: "__mocks__", column: 24, endColumn: 44 },
  { code: `export * from "sinon";`, name: "sinon", module: "sinon", column: 15, endColumn: 22 },
];

jsRuleTester.run("no-mocks", rule, {
  valid: [
    // ---- Parameters and locals that shadow the runner's globals ----
    {
      // A parameter named `vi` or `jest` is the caller's object, not the runner's, even when the
      // runner's `vi` is imported in the same file.
      filename: TS,
      code: dedent`
        import { vi } from "vitest";

        function helper(vi: Recorder) {
          return vi.fn();
        }
        const withJest = (jest: Runner) => jest.mock("./db");
        const typed = function ({ spyOn }: Recorder, jest = runner) {
          return [spyOn(orders, "save"), jest.useFakeTimers()];
        };
      `,
    },
    {
      // Parameters named like mocking functions are the caller's values.
      filename: TS,
      code: dedent`
        function build(mock: Order, stub: Payment, fn: () => void) {
          mock.total();
          stub.charge();
          fn();
        }
        const next = [1, 2].map((vi) => vi + 1);
      `,
    },
    {
      // Locals named like the runner's objects and functions, in a test body.
      filename: TS,
      code: dedent`
        test("locals", () => {
          const vi = makeRecorder();
          vi.fn();
          const jest = { mock: (name: string) => name };
          jest.mock("./db");
          const mock = createOrder();
          const stub = mock.stub();
          const fn = () => stub;
          fn();
        });
      `,
    },
    {
      // Catch parameters, loop variables, class names and function declarations shadow too.
      filename: TS,
      code: dedent`
        try {
          run();
        } catch (vi) {
          vi.fn();
        }
        for (const jest of runners) {
          jest.spyOn(orders, "save");
        }
        {
          class vi {
            static fn(): void {}
          }
          vi.fn();
        }
        function scoped() {
          function jest() {}
          jest.mock = () => undefined;
          jest.mock();
        }
      `,
    },
    {
      // A module-level declaration of the same name is the file's own variable.
      filename: TS,
      code: dedent`
        const vi = { fn: () => 1, spyOn: () => 2 };
        vi.fn();
        const { spyOn } = vi;
        spyOn();
      `,
    },
    {
      // Members and keys named like the runner's objects are not its globals.
      filename: TS,
      code: dedent`
        class Harness {
          vi = createRecorder();
          jest = { mock: () => 1 };
          run() {
            this.vi.fn();
            this.jest.mock();
          }
        }
        const options = { vi: 1, jest: true, mock: "off" };
        context.sinon.stub();
        window.nock?.("http://localhost");
      `,
    },

    // ---- Names that merely contain "mock", and mocking words in strings and comments ----
    {
      filename: TS,
      code: dedent`
        import { mockOrders, stubPayments } from "./fixtures";
        import { orders } from "./fixtures/mocks";
        import { createMockServer } from "../helpers/mock-server";
        import { data } from "./not__mocks__/data";
        import sinonChai from "sinon-chai";

        const mockData = { orders: mockOrders, fn: () => stubPayments };
        mockData.fn();
        const mocked = createMockServer(orders, data);
        mocked.start(sinonChai);
      `,
    },
    {
      filename: TS,
      code: dedent`
        /**
         * No vi.mock("./db"), no jest.fn(), no sinon.stub() and no import of "msw" here.
         */
        // import sinon from "sinon"; vi.spyOn(orders, "save")
        const text = "vi.mock('./db'); import nock from 'nock'";
        const template = \`jest.fn() and require("sinon")\`;
        /* const { fn } = vi; */
        expect(text).toContain("mock");
      `,
    },
    {
      // Spy matchers on real objects are assertions, not mocks.
      filename: TS,
      code: dedent`
        import { expect, test } from "vitest";

        test("saves", async () => {
          const saved = await orders.save(order);
          expect(saved).toEqual(order);
          expect(auditLog.append).toHaveBeenCalled();
          expect(auditLog.append).toHaveBeenCalledWith(order.id);
        });
      `,
    },
    {
      // The runner's helpers that mock nothing.
      filename: TS,
      code: dedent`
        import { vi } from "vitest";

        await vi.waitFor(() => expect(queue.size).toBe(0));
        await vi.waitUntil(() => server.ready);
        vi.setConfig({ testTimeout: 30_000 });
        vi.resetConfig();
        const real = await vi.importActual<typeof import("./db")>("./db");
      `,
    },
    {
      filename: JS,
      code: dedent`
        jest.setTimeout(30_000);
        jest.retryTimes(2);
        const db = jest.requireActual("./db");
        const { isolateModules } = jest;
        isolateModules(() => db.connect());
      `,
    },
    {
      // Importing the runners themselves.
      filename: TS,
      code: dedent`
        import { describe, expect, it, test, beforeEach } from "vitest";
        import * as vitest from "vitest";
        import { test as base, expect as pwExpect } from "@playwright/test";
        import { jest, expect as jestExpect } from "@jest/globals";
        import { describe as nodeDescribe, it as nodeIt } from "node:test";
        import type { Page } from "@playwright/test";

        const test2 = base.extend<{ page: Page }>({});
        jest.setTimeout(5_000);
        vitest.vi.setConfig({ testTimeout: 5_000 });
      `,
    },

    // ---- TypeScript-only syntax without mocks parses and is left alone ----
    {
      filename: TS,
      code: dedent`
        import type { Order } from "./orders";
        import { suite, test } from "@testdeck/vitest";

        enum Status { Open, Closed }
        type Repo<T> = { find(id: string): Promise<T> };
        const config = { region: "eu" } as const satisfies Record<string, string>;
        declare const repo: Repo<Order>;
        const found = repo!.find("1") as Promise<Order>;
        const ids = <string[]>[];

        @suite
        class OrdersTest {
          private readonly status: Status = Status.Open;

          @test
          async finds(): Promise<void> {
            await found;
          }
        }
      `,
    },
    {
      // JSX in a .tsx spec.
      filename: TSX,
      code: dedent`
        import { render, screen } from "@testing-library/react";

        test("renders", () => {
          render(<Checkout onPay={() => undefined} mock="none" />);
          expect(screen.getByText("Pay")).toBeTruthy();
        });
      `,
    },

    // ---- Disable directives ----
    {
      filename: TS,
      code: dedent`
        // eslint-disable-next-line rule-to-test/no-mocks -- the payment gateway has no sandbox (PAY-7)
        import { setupServer } from "msw/node";
        import { vi } from "vitest";

        // eslint-disable-next-line rule-to-test/no-mocks -- PAY-7
        const server = setupServer();
        vi.useFakeTimers(); // eslint-disable-line rule-to-test/no-mocks -- the clock is the unit under test
      `,
    },
    {
      filename: JS,
      code: dedent`
        /* eslint-disable rule-to-test/no-mocks -- legacy suite, migrated in ORD-12 */
        const sinon = require("sinon");
        jest.mock("./db");
        sinon.stub(orders, "save");
        /* eslint-enable rule-to-test/no-mocks */
      `,
    },

    // ---- Options ----
    {
      // allow `msw` exempts msw and its subpaths, imports and uses alike.
      filename: TS,
      code: dedent`
        import { http, HttpResponse } from "msw";
        import { setupServer } from "msw/node";

        const server = setupServer(http.get("/orders", () => HttpResponse.json([])));
        server.listen();
      `,
      options: [{ allow: ["msw"] }],
    },
    {
      // allow `vi.useFakeTimers` exempts that API, global or imported.
      filename: TS,
      code: dedent`
        import { vi as runner } from "vitest";

        vi.useFakeTimers();
        runner.useFakeTimers({ now: 0 });
        vi.advanceTimersByTime(1_000);
        vi.useRealTimers();
      `,
      options: [{ allow: ["vi.useFakeTimers"] }],
    },
    {
      // `modules` bans a package and its subpaths, not a sibling with a common prefix.
      filename: TS,
      code: dedent`
        import { realDb } from "@acme/fakes-real";
        import { fake } from "@acme/fake";
        import { fakes } from "@acme/testing";

        realDb(fake, fakes);
      `,
      options: [{ modules: ["@acme/fakes"] }],
    },
    { filename: TS, code: `import { test } from "vitest";\n`, options: [{}] },
    { filename: TS, code: `import { test } from "vitest";\n`, options: [{ modules: [], allow: [] }] },
    // The global object's own members, and a `require` whose name is not a constant: nothing a reader can tell.
    {
      filename: JS,
      code: dedent`
        globalThis.fetch = realFetch;
        window.location.assign("/orders");
        const driver = require(process.env.DB_DRIVER);
        const globalThis = { vi: { fn() {} } };
      `,
    },
    // A file that declares its own `globalThis`: its members are the file's.
    { filename: JS, code: "const globalThis = { vi: { fn() {} } };\nglobalThis.vi.fn();\n" },
  ],

  invalid: [
    // ---- Mocks a reader finds only by computing the name or going through the global object ----
    {
      filename: JS,
      code: dedent`
        const library = "si" + "non";
        const sinon = require(library);
        const nock = require(\`no\${"ck"}\`);
        sinon.stub();
      `,
      errors: [
        mockImport("sinon", "sinon", at(2, 15, 31)),
        mockImport("nock", "nock", at(3, 14, 34)),
        mockUse("sinon.stub", "sinon", at(4, 1, 11)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        globalThis.vi.fn();
        const { vi: runner } = globalThis;
        runner.mock("./db");
        window["jest"].spyOn(orders, "save");
      `,
      errors: [
        mockApi("globalThis.vi.fn", "vi.fn", at(1, 1, 17)),
        mockApi("runner.mock", "vi.mock", at(3, 1, 12)),
        mockApi("window.jest.spyOn", "jest.spyOn", at(4, 1, 21)),
      ],
    },
    // ---- The runners' mocking APIs on their globals ----
    ...RUNNER_API_CALLS.map(({ api, args }) => ({
      filename: TS,
      code: `${api}(${args});\n`,
      errors: [mockApi(api, api, at(1, 1, 1 + api.length))],
    })),
    {
      // The same on plain JS files, and inside test bodies.
      filename: JS,
      code: dedent`
        describe("orders", () => {
          beforeEach(() => {
            jest.useFakeTimers();
          });
          it("saves", () => {
            const save = jest.spyOn(orders, "save");
          });
        });
      `,
      errors: [
        mockApi("jest.useFakeTimers", "jest.useFakeTimers", at(3, 5, 23)),
        mockApi("jest.spyOn", "jest.spyOn", at(6, 18, 28)),
      ],
    },
    {
      // A chain after the call, a mock passed as an argument, a member read without a call.
      filename: TS,
      code: dedent`
        vi.fn().mockResolvedValue(order);
        vi.spyOn(orders, "save").mockImplementation(async () => order);
        orders.on("saved", vi.fn());
        const factory = jest.fn;
        handlers.map(vi.mocked);
      `,
      errors: [
        mockApi("vi.fn", "vi.fn", at(1, 1, 6)),
        mockApi("vi.spyOn", "vi.spyOn", at(2, 1, 9)),
        mockApi("vi.fn", "vi.fn", at(3, 20, 25)),
        mockApi("jest.fn", "jest.fn", at(4, 17, 24)),
        mockApi("vi.mocked", "vi.mocked", at(5, 14, 23)),
      ],
    },
    {
      // A member chain split over lines spans them.
      filename: TS,
      code: dedent`
        vi
          .spyOn(orders, "save")
          .mockResolvedValue(order);
      `,
      errors: [{ messageId: "mockApi", data: { name: "vi.spyOn", module: "vi.spyOn" }, line: 1, column: 1, endLine: 2, endColumn: 9 }],
    },
    {
      // `vi.hoisted` creating mocks for `vi.mock`: both lines reported.
      filename: TS,
      code: dedent`
        const { save } = vi.hoisted(() => ({
          save: vi.fn(),
        }));
        vi.mock("./db", () => ({ save }));
      `,
      errors: [
        mockApi("vi.hoisted", "vi.hoisted", at(1, 18, 28)),
        mockApi("vi.fn", "vi.fn", at(2, 9, 14)),
        mockApi("vi.mock", "vi.mock", at(4, 1, 8)),
      ],
    },

    // ---- The runners' mocking APIs, imported ----
    {
      filename: TS,
      code: dedent`
        import { describe, it, vi } from "vitest";

        vi.mock("./db");
        it("saves", () => {
          vi.spyOn(orders, "save");
        });
      `,
      errors: [
        mockApi("vi.mock", "vi.mock", at(3, 1, 8)),
        mockApi("vi.spyOn", "vi.spyOn", at(5, 3, 11)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        import { jest } from "@jest/globals";

        jest.unstable_mockModule("./db.js", () => ({ save: jest.fn() }));
        jest.replaceProperty(process, "env", {});
      `,
      errors: [
        mockApi("jest.unstable_mockModule", "jest.unstable_mockModule", at(3, 1, 25)),
        mockApi("jest.replaceProperty", "jest.replaceProperty", at(4, 1, 21)),
      ],
    },
    {
      // Renamed on import, or read off the runner module's namespace.
      filename: TS,
      code: dedent`
        import { vi as runner } from "vitest";
        import * as vitest from "vitest";
        import * as globals from "@jest/globals";

        runner.stubGlobal("fetch", realFetch);
        vitest.vi.stubEnv("APP_ENV", "test");
        globals.jest.createMockFromModule("./db");
      `,
      errors: [
        mockApi("runner.stubGlobal", "vi.stubGlobal", at(5, 1, 18)),
        mockApi("vitest.vi.stubEnv", "vi.stubEnv", at(6, 1, 18)),
        mockApi("globals.jest.createMockFromModule", "jest.createMockFromModule", at(7, 1, 34)),
      ],
    },
    {
      // Taken from the runner module with `require` or a dynamic `import()` (taking them is no mock).
      filename: TS,
      code: dedent`
        const { vi } = require("vitest");
        const { jest: j } = await import("@jest/globals");

        vi.fn();
        j.doMock("./db");
      `,
      errors: [
        mockApi("vi.fn", "vi.fn", at(4, 1, 6)),
        mockApi("j.doMock", "jest.doMock", at(5, 1, 9)),
      ],
    },
    {
      // node:test's `mock`.
      filename: MJS,
      code: dedent`
        import { mock, test } from "node:test";

        test("saves", () => {
          mock.method(orders, "save");
        });
      `,
      errors: [
        mockApi("node:test.mock", "node:test.mock", at(1, 10, 14)),
        mockApi("mock.method", "node:test.mock", at(4, 3, 14)),
      ],
    },

    // ---- Imports of the mocking and fake-service libraries ----
    ...LIBRARY_IMPORTS.map(({ code, name, module, column, endColumn }) => ({
      filename: TS,
      code: `${code}\n`,
      errors: [mockImport(name, module, at(1, column, endColumn))],
    })),

    // ---- Uses of what they bind ----
    {
      filename: TS,
      code: dedent`
        import sinon from "sinon";
        import { createSandbox } from "sinon";

        const sandbox = createSandbox();
        sinon.stub(orders, "save").resolves(order);
        const clock = sinon.useFakeTimers();
      `,
      errors: [
        mockImport("sinon", "sinon", at(1, 8, 13)),
        mockImport("sinon.createSandbox", "sinon", at(2, 10, 23)),
        mockUse("createSandbox", "sinon", at(4, 17, 30)),
        mockUse("sinon.stub", "sinon", at(5, 1, 11)),
        mockUse("sinon.useFakeTimers", "sinon", at(6, 15, 34)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        import * as td from "testdouble";

        const save = td.replace(orders, "save");
        td.when(save(order)).thenResolve(order);
      `,
      errors: [
        mockImport("testdouble", "testdouble", at(1, 8, 15)),
        mockUse("td.replace", "testdouble", at(3, 14, 24)),
        mockUse("td.when", "testdouble", at(4, 1, 8)),
      ],
    },
    {
      // Generic calls of jest-mock-extended and ts-mockito.
      filename: TS,
      code: dedent`
        import { mock, mockDeep, type DeepMockProxy } from "jest-mock-extended";
        import { instance, mock as fake, when } from "ts-mockito";

        const repo = mock<OrderRepo>();
        const deep: DeepMockProxy<Db> = mockDeep<Db>();
        const gateway = fake(PaymentGateway);
        when(gateway.charge(1)).thenResolve(receipt);
        const real = instance(gateway);
      `,
      errors: [
        mockImport("jest-mock-extended.mock", "jest-mock-extended", at(1, 10, 14)),
        mockImport("ts-mockito.instance", "ts-mockito", at(2, 10, 18)),
        mockUse("mock", "jest-mock-extended", at(4, 14, 18)),
        mockUse("DeepMockProxy", "jest-mock-extended", at(5, 13, 26)),
        mockUse("fake", "ts-mockito", at(6, 17, 21)),
        mockUse("when", "ts-mockito", at(7, 1, 5)),
        mockUse("instance", "ts-mockito", at(8, 14, 22)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        import nock from "nock";

        nock("http://localhost").get("/orders").reply(200, []);
        afterEach(() => nock.cleanAll());
      `,
      errors: [
        mockImport("nock", "nock", at(1, 8, 12)),
        mockUse("nock", "nock", at(3, 1, 5)),
        mockUse("nock.cleanAll", "nock", at(4, 17, 30)),
      ],
    },
    {
      // msw: the server from msw/node and its request handlers.
      filename: TS,
      code: dedent`
        import { setupServer } from "msw/node";
        import { http, HttpResponse } from "msw";

        const server = setupServer(
          http.get("/orders", () => HttpResponse.json([])),
        );
        server.use(http.post("/orders", () => new HttpResponse(null, { status: 201 })));
      `,
      errors: [
        mockImport("msw/node.setupServer", "msw", at(1, 10, 21)),
        mockImport("msw.http", "msw", at(2, 10, 14)),
        mockUse("setupServer", "msw", at(4, 16, 27)),
        mockUse("http.get", "msw", at(5, 3, 11)),
        mockUse("http.post", "msw", at(7, 12, 21)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        import fetchMock from "fetch-mock";
        import mockFs from "mock-fs";

        fetchMock.get("/orders", []);
        mockFs({ "/data/orders.json": "[]" });
        afterEach(() => mockFs.restore());
      `,
      errors: [
        mockImport("fetch-mock", "fetch-mock", at(1, 8, 17)),
        mockImport("mock-fs", "mock-fs", at(2, 8, 14)),
        mockUse("fetchMock.get", "fetch-mock", at(4, 1, 14)),
        mockUse("mockFs", "mock-fs", at(5, 1, 7)),
        mockUse("mockFs.restore", "mock-fs", at(6, 17, 31)),
      ],
    },
    {
      filename: TS,
      code: dedent`
        import FakeTimers from "@sinonjs/fake-timers";

        const clock = FakeTimers.install({ now: 0 });
        clock.tick(1_000);
      `,
      errors: [
        mockImport("@sinonjs/fake-timers", "@sinonjs/fake-timers", at(1, 8, 18)),
        mockUse("FakeTimers.install", "@sinonjs/fake-timers", at(3, 15, 33)),
      ],
    },
    {
      // `jest.mock` of a module with a `__mocks__` folder, and a direct import from one.
      filename: TS,
      code: dedent`
        import { orders as fakeOrders } from "./__mocks__/orders";

        jest.mock("./orders");
        const all = fakeOrders();
      `,
      errors: [
        mockImport("__mocks__.orders", "__mocks__", at(1, 10, 30)),
        mockApi("jest.mock", "jest.mock", at(3, 1, 10)),
        mockUse("fakeOrders", "__mocks__", at(4, 13, 23)),
      ],
    },

    {
      // A parameter shadows a mocking library's import inside its function only.
      filename: TS,
      code: dedent`
        import { mock } from "jest-mock-extended";
        import sinon from "sinon";

        function helper(mock: Factory) {
          return mock();
        }
        const run = (sinon: Sandbox) => sinon.stub();
        const repo = mock<OrderRepo>();
      `,
      errors: [
        mockImport("jest-mock-extended.mock", "jest-mock-extended", at(1, 10, 14)),
        mockImport("sinon", "sinon", at(2, 8, 13)),
        mockUse("mock", "jest-mock-extended", at(8, 14, 18)),
      ],
    },

    // ---- Names bound through aliases, destructuring, require and dynamic import() ----
    {
      // Aliases, an alias of an alias, and a method read into a variable.
      filename: TS,
      code: dedent`
        const v = vi;
        v.fn();
        const again = v;
        again.spyOn(orders, "save");
        const spyOn = jest.spyOn;
        spyOn(orders, "load");
      `,
      errors: [
        mockApi("v.fn", "vi.fn", at(2, 1, 5)),
        mockApi("again.spyOn", "vi.spyOn", at(4, 1, 12)),
        mockApi("jest.spyOn", "jest.spyOn", at(5, 15, 25)),
        mockApi("spyOn", "jest.spyOn", at(6, 1, 6)),
      ],
    },
    {
      // Destructuring, with renames and defaults; each taken name is reported where it is taken.
      filename: TS,
      code: dedent`
        const { fn } = vi;
        const {
          spyOn: spy,
          stubEnv = noop,
        } = vi;

        fn();
        spy(orders, "save");
        stubEnv("APP_ENV", "test");
      `,
      errors: [
        mockApi("fn", "vi.fn", at(1, 9, 11)),
        mockApi("spyOn", "vi.spyOn", at(3, 3, 13)),
        mockApi("stubEnv", "vi.stubEnv", at(4, 3, 17)),
        mockApi("fn", "vi.fn", at(7, 1, 3)),
        mockApi("spy", "vi.spyOn", at(8, 1, 4)),
        mockApi("stubEnv", "vi.stubEnv", at(9, 1, 8)),
      ],
    },
    {
      // require: the require call is the import; the name it is stored in is not a use, its reads are.
      filename: JS,
      code: dedent`
        const sinon = require("sinon");
        const { stub } = require("sinon");
        const proxyquire = require("proxyquire").noCallThru();

        sinon.spy(orders, "save");
        stub(orders, "load");
        const subject = proxyquire("./orders", {});
      `,
      errors: [
        mockImport("sinon", "sinon", at(1, 15, 31)),
        mockUse("stub", "sinon", at(2, 9, 13)),
        mockImport("proxyquire", "proxyquire", at(3, 20, 41)),
        mockUse("sinon.spy", "sinon", at(5, 1, 10)),
        mockUse("stub", "sinon", at(6, 1, 5)),
      ],
    },
    {
      // Dynamic import(): reported as an import; the namespace it resolves to binds like `import * as`.
      filename: TS,
      code: dedent`
        const nock = await import("nock");
        const { setupServer } = await import("msw/node");
        import("fetch-mock").then((module) => module.default);

        nock.default("http://localhost");
        const server = setupServer();
      `,
      errors: [
        mockImport("nock", "nock", at(1, 20, 34)),
        mockUse("setupServer", "msw", at(2, 9, 20)),
        mockImport("fetch-mock", "fetch-mock", at(3, 1, 21)),
        mockUse("nock.default", "nock", at(5, 1, 13)),
        mockUse("setupServer", "msw", at(6, 16, 27)),
      ],
    },
    {
      // Passing the library around is a use too.
      filename: TS,
      code: dedent`
        import * as td from "testdouble";

        register(td);
        const helpers = { td, sinon: require("sinon") };
      `,
      errors: [
        mockImport("testdouble", "testdouble", at(1, 8, 15)),
        mockUse("td", "testdouble", at(3, 10, 12)),
        mockUse("td", "testdouble", at(4, 19, 21)),
      ],
    },

    // ---- TypeScript-only syntax ----
    {
      // A type-only import of a mocking library is still an import of it, and its types are uses.
      filename: TS,
      code: dedent`
        import type { SinonStub } from "sinon";
        import { type SinonSpy } from "sinon";

        let save: SinonStub;
        declare const load: SinonSpy<[string], Promise<Order>>;
      `,
      errors: [
        mockImport("sinon.SinonStub", "sinon", at(1, 15, 24)),
        mockImport("sinon.SinonSpy", "sinon", at(2, 10, 23)),
        mockUse("SinonStub", "sinon", at(4, 11, 20)),
        mockUse("SinonSpy", "sinon", at(5, 21, 29)),
      ],
    },
    {
      // Generic calls, `satisfies`, `as` casts, `<T>` assertions, non-null assertions, optional and
      // computed members.
      filename: TS,
      code: dedent`
        const total = vi.fn<() => number>();
        const save = jest.fn<typeof orders.save>() satisfies unknown;
        (vi as any).fn();
        (vi as unknown as typeof jest).spyOn(orders, "save");
        (<any>vi).stubGlobal("fetch", realFetch);
        (vi satisfies object).mock("./db");
        vi!.useFakeTimers();
        vi?.mocked(orders.save);
        vi["doMock"]("./db");
        const r = vi as any;
        r.fn();
      `,
      errors: [
        mockApi("vi.fn", "vi.fn", at(1, 15, 20)),
        mockApi("jest.fn", "jest.fn", at(2, 14, 21)),
        mockApi("vi.fn", "vi.fn", at(3, 2, 15)),
        mockApi("vi.spyOn", "vi.spyOn", at(4, 2, 37)),
        mockApi("vi.stubGlobal", "vi.stubGlobal", at(5, 7, 21)),
        mockApi("vi.mock", "vi.mock", at(6, 2, 27)),
        mockApi("vi.useFakeTimers", "vi.useFakeTimers", at(7, 1, 18)),
        mockApi("vi.mocked", "vi.mocked", at(8, 1, 11)),
        mockApi("vi.doMock", "vi.doMock", at(9, 1, 13)),
        mockApi("r.fn", "vi.fn", at(11, 1, 5)),
      ],
    },
    {
      // `satisfies` on msw handlers; decorators on a class-based suite and in a decorator argument.
      filename: TS,
      code: dedent`
        import { http, type RequestHandler } from "msw";
        import { suite, test } from "@testdeck/vitest";

        const handlers = [http.get("/orders", resolver)] satisfies RequestHandler[];

        @suite
        class OrdersTest {
          @Inject(vi.fn())
          private readonly repo!: OrderRepo;

          @test
          async saves(): Promise<void> {
            vi.spyOn(this.repo, "save");
          }
        }
      `,
      errors: [
        mockImport("msw.http", "msw", at(1, 10, 14)),
        mockUse("http.get", "msw", at(4, 19, 27)),
        mockApi("vi.fn", "vi.fn", at(8, 11, 16)),
        mockApi("vi.spyOn", "vi.spyOn", at(13, 5, 13)),
      ],
    },
    {
      // A .tsx spec: mocks in JSX attributes.
      filename: TSX,
      code: dedent`
        import { render } from "@testing-library/react";
        import { vi } from "vitest";

        test("pays", () => {
          const onPay = vi.fn<(amount: number) => void>();
          render(<Checkout onPay={onPay} onCancel={vi.fn()} />);
        });
      `,
      errors: [
        mockApi("vi.fn", "vi.fn", at(5, 17, 22)),
        mockApi("vi.fn", "vi.fn", at(6, 44, 49)),
      ],
    },

    // ---- One report per line: the first finding on it ----
    {
      filename: TS,
      code: dedent`
        import sinon from "sinon"; import nock from "nock";
        vi.fn(); jest.fn(); sinon.stub();
        const a = vi.fn(), b = vi.spyOn(orders, "save");
        expect(a).toBe(b); nock("http://localhost");
        const { fn, spyOn } = vi;
      `,
      errors: [
        mockImport("sinon", "sinon", at(1, 8, 13)),
        mockApi("vi.fn", "vi.fn", at(2, 1, 6)),
        mockApi("vi.fn", "vi.fn", at(3, 11, 16)),
        mockUse("nock", "nock", at(4, 20, 24)),
        mockApi("fn", "vi.fn", at(5, 9, 11)),
      ],
    },

    // ---- Options ----
    {
      // `modules` bans a package and its subpaths, in every import form, on top of the defaults.
      filename: TS,
      code: dedent`
        import fakes from "@acme/fakes";
        import { fakeDb } from "@acme/fakes/db";
        const http = require("@acme/fakes/http");
        import nock from "nock";

        fakes.payments.charge(1);
        fakeDb.reset();
        http.serve();
      `,
      options: [{ modules: ["@acme/fakes"] }],
      errors: [
        mockImport("@acme/fakes", "@acme/fakes", at(1, 8, 13)),
        mockImport("@acme/fakes/db.fakeDb", "@acme/fakes", at(2, 10, 16)),
        mockImport("@acme/fakes/http", "@acme/fakes", at(3, 14, 41)),
        mockImport("nock", "nock", at(4, 8, 12)),
        mockUse("fakes.payments.charge", "@acme/fakes", at(6, 1, 22)),
        mockUse("fakeDb.reset", "@acme/fakes", at(7, 1, 13)),
        mockUse("http.serve", "@acme/fakes", at(8, 1, 11)),
      ],
    },
    {
      // allow `msw` leaves the other libraries banned.
      filename: TS,
      code: dedent`
        import { setupServer } from "msw/node";
        import nock from "nock";

        const server = setupServer();
        nock("http://localhost");
      `,
      options: [{ allow: ["msw"] }],
      errors: [
        mockImport("nock", "nock", at(2, 8, 12)),
        mockUse("nock", "nock", at(5, 1, 5)),
      ],
    },
    {
      // allow a subpath: msw/node is exempt, msw itself is not.
      filename: TS,
      code: dedent`
        import { setupServer } from "msw/node";
        import { http } from "msw";

        setupServer(http.get("/orders", resolver));
      `,
      options: [{ allow: ["msw/node"] }],
      errors: [
        mockImport("msw.http", "msw", at(2, 10, 14)),
        mockUse("http.get", "msw", at(4, 13, 21)),
      ],
    },
    {
      // allow `vi.useFakeTimers` leaves the rest of vi's mocking API, and Jest's fake timers, banned.
      filename: TS,
      code: dedent`
        vi.useFakeTimers();
        vi.fn();
        jest.useFakeTimers();
      `,
      options: [{ allow: ["vi.useFakeTimers"] }],
      errors: [
        mockApi("vi.fn", "vi.fn", at(2, 1, 6)),
        mockApi("jest.useFakeTimers", "jest.useFakeTimers", at(3, 1, 19)),
      ],
    },

    // ---- Disable directives ----
    {
      // Each directive covers only its own line.
      filename: TS,
      code: dedent`
        // eslint-disable-next-line rule-to-test/no-mocks -- kept until ORD-12
        import sinon from "sinon";
        import nock from "nock";

        // eslint-disable-next-line rule-to-test/no-mocks -- ORD-12
        vi.mock("./db");
        vi.mock("./queue");
        sinon.stub(orders, "save"); // eslint-disable-line rule-to-test/no-mocks
      `,
      errors: [
        mockImport("nock", "nock", at(3, 8, 12)),
        mockApi("vi.mock", "vi.mock", at(7, 1, 8)),
      ],
    },
    {
      // Other tools' suppressions do not silence this rule.
      filename: TS,
      code: dedent`
        // @ts-expect-error -- jest's types are not installed
        jest.fn(); // istanbul ignore next
      `,
      errors: [mockApi("jest.fn", "jest.fn", at(2, 1, 8))],
    },
  ],
});

/** Plain JS through ESLint's default parser, espree: the same facts from its scope manager. */
espreeRuleTester.run("no-mocks (espree)", rule, {
  valid: [
    {
      filename: JS,
      code: dedent`
        function helper(vi) {
          return vi.fn();
        }
        const jest = { mock() {} };
        jest.mock("./db");
        const mockData = require("./fixtures/mock-data");
        expect(mockData.save).toHaveBeenCalled();
      `,
    },
    {
      // A CommonJS file: a function declaration named `jest` shadows the global in the whole file.
      filename: "api.test.cjs",
      code: dedent`
        jest.mock("./db");
        function jest() {}
      `,
    },
    {
      filename: MJS,
      code: dedent`
        import { describe, it, vi } from "vitest";

        describe("api", () => {
          it("waits", async () => {
            await vi.waitFor(() => true);
          });
        });
      `,
    },
  ],
  invalid: [
    {
      filename: JS,
      code: dedent`
        const sinon = require("sinon");
        const { stub } = require("sinon");
        jest.mock("./db");

        it("saves", () => {
          sinon.stub(orders, "save");
          stub(orders, "load");
        });
      `,
      errors: [
        mockImport("sinon", "sinon", at(1, 15, 31)),
        mockUse("stub", "sinon", at(2, 9, 13)),
        mockApi("jest.mock", "jest.mock", at(3, 1, 10)),
        mockUse("sinon.stub", "sinon", at(6, 3, 13)),
        mockUse("stub", "sinon", at(7, 3, 7)),
      ],
    },
    {
      filename: MJS,
      code: dedent`
        import { vi } from "vitest";
        import nock from "nock";

        const v = vi;
        v.spyOn(orders, "save");
        const { http } = await import("msw");
        http.get("/orders", resolver);
      `,
      errors: [
        mockImport("nock", "nock", at(2, 8, 12)),
        mockApi("v.spyOn", "vi.spyOn", at(5, 1, 8)),
        mockUse("http", "msw", at(6, 9, 13)),
        mockUse("http.get", "msw", at(7, 1, 9)),
      ],
    },
    {
      // A CommonJS file with the runner's globals.
      filename: "api.test.cjs",
      code: dedent`
        const fetchMock = require("fetch-mock");
        jest.spyOn(orders, "save");
        vi.stubGlobal("fetch", fetchMock);
      `,
      errors: [
        mockImport("fetch-mock", "fetch-mock", at(1, 19, 40)),
        mockApi("jest.spyOn", "jest.spyOn", at(2, 1, 11)),
        mockApi("vi.stubGlobal", "vi.stubGlobal", at(3, 1, 14)),
      ],
    },
  ],
});
