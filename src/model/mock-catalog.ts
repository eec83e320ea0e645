/**
 * What counts as a mock by default: the libraries that replace real code or real services with fakes,
 * and the pytest fixtures that hand out such fakes. Rules add to and exempt from these through options.
 */

/** Modules (and everything below them) that mock, patch or fake. */
export const DEFAULT_MOCK_MODULES: readonly string[] = [
  "unittest.mock", "mock", "pytest_mock", "asynctest",
  // Fakes of HTTP services, clients, stores and clocks.
  "responses", "requests_mock", "respx", "httpretty", "aioresponses", "pytest_httpx", "fakeredis", "mongomock",
  "moto", "freezegun", "time_machine",
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

/** Is `qualifiedName` `module` itself or something inside it? */
export function isWithinModule(qualifiedName: string, module: string): boolean {
  return qualifiedName === module || qualifiedName.startsWith(`${module}.`);
}
