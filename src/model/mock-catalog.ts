/**
 * What counts as a mock by default: the libraries that replace real code or real services with fakes,
 * and the pytest fixtures that hand out such fakes. Rules add to and exempt from these through options.
 */

/** Python modules (and everything below them) that mock, patch or fake. */
export const PYTHON_MOCK_MODULES: readonly string[] = [
  "unittest.mock", "mock", "pytest_mock", "asynctest",
  // Fakes of HTTP services, clients, stores and clocks.
  "responses", "requests_mock", "respx", "httpretty", "aioresponses", "pytest_httpx", "fakeredis", "mongomock",
  "moto", "freezegun", "time_machine",
  // Stubs of AWS service responses (`botocore.stub.Stubber`).
  "botocore.stub",
];

/** pytest fixtures that hand out fakes, with the module that provides them (so `allow` can exempt them). */
export const MOCK_FIXTURES: ReadonlyMap<string, string> = new Map([
  ["mocker", "pytest_mock"],
  ["class_mocker", "pytest_mock"],
  ["module_mocker", "pytest_mock"],
  ["package_mocker", "pytest_mock"],
  ["session_mocker", "pytest_mock"],
  ["requests_mock", "requests_mock"],
  ["httpx_mock", "pytest_httpx"],
  ["respx_mock", "respx"],
]);

/** The monkeypatch methods that swap real attributes or items for something else. */
export const MONKEYPATCH_PATCHING_METHODS: ReadonlySet<string> = new Set(["setattr", "delattr", "setitem", "delitem"]);

/** The module named by `allow` to exempt monkeypatch's patching methods. */
export const MONKEYPATCH_MODULE = "_pytest.monkeypatch";

/** JS/TS packages (and their subpaths) that mock, stub or fake, and the `__mocks__` folders of Jest. */
export const JS_MOCK_MODULES: readonly string[] = [
  "sinon", "testdouble", "jest-mock-extended", "vitest-mock-extended", "ts-mockito", "@sinonjs/fake-timers",
  "proxyquire", "mock-fs", "__mocks__",
  // Fakes of HTTP services.
  "nock", "msw", "fetch-mock", "jest-fetch-mock", "vitest-fetch-mock", "axios-mock-adapter",
];

/**
 * JS/TS packages a class that extends one of their classes is a mock by (no-test-doubles): the banned
 * packages, and Jest's `jest-mock` (`ModuleMocker`), which tests rarely import but mock classes extend.
 */
export const JS_MOCK_CLASS_MODULES: readonly string[] = [...JS_MOCK_MODULES, "jest-mock"];

/**
 * The mocking APIs of the test runners themselves, as `object.method` (`jest` and `vi` whether global
 * or imported, `node:test`'s `mock`).
 */
export const JS_MOCK_APIS: readonly string[] = [
  "jest.mock", "jest.doMock", "jest.unstable_mockModule", "jest.fn", "jest.spyOn", "jest.createMockFromModule",
  "jest.genMockFromModule", "jest.replaceProperty", "jest.mocked", "jest.setMock", "jest.useFakeTimers",
  "vi.mock", "vi.doMock", "vi.fn", "vi.spyOn", "vi.stubGlobal", "vi.stubEnv", "vi.mocked", "vi.hoisted",
  "vi.importMock", "vi.useFakeTimers", "node:test.mock",
];

/**
 * Is `qualifiedName` `module` itself or something inside it? Members follow a `.`; JS subpaths
 * (`msw/node`) follow a `/`.
 */
export function isWithinModule(qualifiedName: string, module: string): boolean {
  return qualifiedName === module || qualifiedName.startsWith(`${module}.`) || qualifiedName.startsWith(`${module}/`);
}
