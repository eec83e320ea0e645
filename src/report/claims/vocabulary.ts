/**
 * The words and marks the claim patterns know, in one place so that teaching the extractor a new
 * phrasing is an edit here. Words are lower-case (tokens are matched by their lower-case form); a set
 * of marks is a string of punctuation characters, matched with isPunctIn.
 */

// --- Numbers: hedges, and the words that make a number an identifier or a date rather than a count

/** Words that hedge the number after them ("about 18"). */
export const APPROX_WORDS: ReadonlySet<string> = new Set(["about", "approximately", "approx", "around", "roughly", "nearly", "almost", "circa", "ca", "over", "some"]);
/** Two-word hedges ("more than 18"). */
export const APPROX_PAIRS: readonly (readonly [string, string])[] = [
  ["more", "than"], ["at", "least"], ["upwards", "of"], ["close", "to"], ["north", "of"], ["greater", "than"], ["in", "excess"],
];
export const MONTHS: ReadonlySet<string> = new Set([
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
  "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
]);
/** A number right after one of these is an identifier or an ordinal, not a count. */
export const NOT_COUNT_PREV: ReadonlySet<string> = new Set([
  "section", "sections", "issue", "issues", "step", "steps", "phase", "version", "v", "line", "lines", "page", "item",
  "sprint", "week", "day", "pr", "priority", "chapter", "part", "top", "first", "last", "q", "rfc", "python", "node",
  "sonnet", "gpt", "release", "build", "iteration", "round", "test", "epic", "ticket", "bug", "task", "milestone",
  "stage", "level", "tier", "wave", "batch", "figure", "table", "appendix", "no", "number", "id", "port", "pid",
  "rule", "commit", "loop", "attempt", "run", "case", "scenario", "session", "grade", "ch", "p", "pp", "node.js",
]);

// --- What a count counts: the nouns after it and the words that may follow them

/** Words that may stand between a count and "tests" ("18 integration tests"). */
export const TEST_ADJ: ReadonlySet<string> = new Set([
  "integration", "unit", "e2e", "end-to-end", "individual", "total", "distinct", "separate", "comprehensive", "async",
  "asynchronous", "sync", "synchronous", "parametrized", "parameterized", "pytest", "api", "functional", "regression",
  "acceptance", "independent", "isolated", "dedicated", "automated", "smoke", "contract", "component", "discrete",
  "unique", "standalone", "existing", "collected", "real", "real-service", "live", "mission-critical", "critical",
  "python", "jest", "vitest", "mocha", "behavioural", "behavioral", "detailed", "thorough", "robust",
  ...["new", "newly", "added", "proposed"],
]);
/** "test methods": the count is of tests. */
export const TEST_NOUN_AFTER: ReadonlySet<string> = new Set(["methods", "method", "cases", "case", "functions", "function"]);
/** "test files", "test data": the count is of something else. */
export const NOT_TEST_NOUN_AFTER: ReadonlySet<string> = new Set([
  "file", "files", "suite", "suites", "class", "classes", "module", "modules", "run", "runs", "plan", "plans", "data",
  "coverage", "fixture", "fixtures", "helper", "helpers", "infrastructure", "framework", "frameworks", "result",
  "results", "report", "reports", "environment", "environments", "database", "databases", "user", "users", "account",
  "accounts", "scenarios", "scenario", "directories", "directory", "folders", "folder", "runner", "runners", "ids",
  "names", "time", "times", "failures", "failure", "errors", "lines", "line",
]);
/** Words that may stand between a count and "files". */
export const FILE_ADJ: ReadonlySet<string> = new Set([...TEST_ADJ, "test", "spec", "source", "typescript", "javascript", "py", "ts", "js"]);
/** Words after a count's noun that leave the count whole ("18 tests covering X"). */
export const FOLLOW_OK: ReadonlySet<string> = new Set([
  "covering", "covers", "cover", "focused", "focusing", "focussed", "for", "on", "in", "total", "overall", "all",
  "each", "including", "plus", "validating", "testing", "exercising", "checking", "verifying", "spanning", "across",
  "against", "organized", "organised", "grouped", "written", "created", "collected", "defined", "implemented", "and",
  "within", "under", "targeting", "around", "about",
]);
/** Marks after a count's noun that leave the count whole. */
export const FOLLOW_PUNCT = ",.)(;-|:![";
/** "171 tests [written] across 11 files". */
export const PARTICIPLES: ReadonlySet<string> = new Set(["created", "written", "implemented", "collected", "defined", "spread", "distributed", "authored", "delivered", "organized", "organised", "audited", "reviewed"]);
export const ACROSS: ReadonlySet<string> = new Set(["across", "in", "spanning", "over"]);
/** Words that may follow "across 11 files" and leave it a count of the suite's files. */
export const ACROSS_FILES_FOLLOW: ReadonlySet<string> = new Set(["in", "under", "within", "covering", "and", "so", "for", "during", "this", "today"]);
/** Words that may follow "11 test files" and leave it a count of the suite's files. */
export const FILES_FOLLOW_OK: ReadonlySet<string> = new Set(["created", "written", "added", "audited", "reviewed", "analyzed", "analysed", "examined", "inspected", "validated", "checked", "scanned", "total", "altogether", "overall"]);
/** "17/18 tests [have all] passed". */
export const PASSED_FILLER: ReadonlySet<string> = new Set(["have", "has", "are", "were", "all"]);
export const PASSED_VERBS: ReadonlySet<string> = new Set(["passed", "passing", "pass", "passes", "succeeded", "succeeding", "green", "ok"]);

// --- The sentence around a count

/** Words before a count that leave it about the whole suite ("The suite has 171 tests"). */
export const NEUTRAL_PRE: ReadonlySet<string> = new Set([
  "a", "an", "the", "total", "of", "with", "and", "this", "that", "audit", "report", "suite", "we", "i", "it", "covers",
  "covering", "contains", "containing", "includes", "including", "has", "have", "had", "comprising", "comprises",
  "spanning", "created", "wrote", "written", "validated", "validates", "delivered", "reviewed", "audited", "analyzed",
  "analysed", "examined", "found", "there", "are", "is", "were", "was", "overall", "now", "currently", "today", "our",
  "added", "adds", "add", "proposed", "proposes", "introduced", "introduces",
  "its", "in", "session", "all", "together", "altogether", "so", "far", "combined", "which", "checked", "scanned",
  ...APPROX_WORDS, "more", "than", "at", "least", "upwards", "close", "to",
]);
export const SENTENCE_BREAK = ".;:|!?";
export const CLAUSE_BREAK = ".;()-,:|!?[";

// --- Per-file claims

/** "test_db.py [has] 18 tests". */
export const FILE_COUNT_VERBS: ReadonlySet<string> = new Set(["has", "contains", "with", "includes", "defines", "holds"]);
/** "test_a.py and test_b.py: 30 tests" is about both files together. */
export const JOINERS: ReadonlySet<string> = new Set(["and", "or", "&", "+", ",", "/"]);
/** "[Contains] 18 tests" in a file's section. */
export const LEAD_VERBS: ReadonlySet<string> = new Set(["contains", "includes", "has", "defines", "holds", "collects"]);
/** "File: x.py", "Test Suite: test_x.py" name the section's file. */
export const FILE_START_LABEL: ReadonlySet<string> = new Set(["file", "test", "suite", "module", "path", "location", "name", "spec", "source"]);

// --- Labels ("Total Tests:") and what they say the number after them counts

export const TEST_WORDS: ReadonlySet<string> = new Set(["test", "tests", "testcases"]);
export const TEST_LABEL_VOCAB: ReadonlySet<string> = new Set([
  "test", "tests", "testcases", "methods", "method", "cases", "case", "functions", "function", "total", "number", "of",
  "count", "no", "created", "written", "collected", "integration", "unit", "e2e", "individual", "overall", "audited",
  "found", "defined", "in", "file", "new", "added", "proposed",
]);
export const PASSED_WORDS: ReadonlySet<string> = new Set(["passed", "passing", "pass", "passes"]);
export const PASSED_LABEL_VOCAB: ReadonlySet<string> = new Set(["tests", "test", "passed", "passing", "pass", "passes", "results", "result", "cases", "methods", "status", "run"]);
export const FILE_LABEL_VOCAB: ReadonlySet<string> = new Set([
  "files", "file", "test", "tests", "total", "audited", "reviewed", "analyzed", "analysed", "examined", "number", "of",
  "count", "integration", "spec", "scanned", "checked", "no", "created", "inspected", "new", "added", "changed",
  "modified", "proposed",
]);
export const LINES_LABEL_VOCAB: ReadonlySet<string> = new Set(["lines", "line", "loc", "sloc", "count", "of", "code", "total", "number"]);
export const SIZE_LABEL_VOCAB: ReadonlySet<string> = new Set(["size", "length", "file"]);
/** Labels that say nothing of what the number counts ("Summary:"), so the line reads as a sentence. */
export const NEUTRAL_LABELS: ReadonlySet<string> = new Set([
  "summary", "total", "totals", "overall", "result", "results", "key", "achievement", "achievements", "finding",
  "findings", "highlights", "highlight", "scope", "tldr", "tl", "dr", "bottom", "line", "metrics", "audit", "done",
  "note", "status", "update", "verdict", "conclusion", "evidence", "outcome", "final", "assessment", "the", "and",
  "executive", "in", "short", "brief", "numbers", "headline", "suite", "report", "overview",
]);

// --- Line limits: "12 test files exceed the 300 line limit"

export const LIMIT_LABEL_LEAD: ReadonlySet<string> = new Set(["number", "of", "no", "count", "test", "spec", "integration", "python"]);
export const FILES_WORDS: ReadonlySet<string> = new Set(["files", "file"]);
export const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an", "our", "its", "their"]);
export const OVER_WORDS: ReadonlySet<string> = new Set([
  "exceed", "exceeds", "exceeding", "exceeded", "over", "above", "beyond", "past", "surpass", "surpasses", "surpassing",
  "break", "breaks", "breaking", "violate", "violates", "violating", "breach", "breaching",
]);
/** "longer than". */
export const OVER_PAIRS: ReadonlySet<string> = new Set(["larger", "longer", "bigger", "more", "greater"]);
/** "12 files [are still] over". */
export const OVER_FILLER: ReadonlySet<string> = new Set(["are", "is", "still", "that", "which", "now", "currently", "all", "with", "having", "have", "contain", "containing", "each"]);
export const LIMIT_WORDS: ReadonlySet<string> = new Set(["limit", "cap", "max", "maximum", "threshold", "budget", "rule", "ceiling", "guideline"]);

// --- The three policies: no mocks, a required base class, Business Value Justifications

/** A percentage next to one of these is about something else (coverage, pass rates, speed). */
export const UNRELATED: ReadonlySet<string> = new Set([
  "coverage", "covered", "uptime", "availability", "success", "successful", "pass", "passing", "passed", "rate", "rates",
  "reduction", "reduces", "reduced", "faster", "slower", "improvement", "accuracy", "confidence", "performance",
  "latency", "complete", "completed", "completion", "done", "progress", "load", "cpu", "memory", "score", "see", "refer",
  "except", "but", "although", "however", "failure", "failures", "failed", "failing", "error", "errors", "flaky",
  "throughput", "increase", "decrease", "growth", "revenue", "arr", "budget", "utilization", "usage", "satisfaction",
  "reliability", "speed", "speedup", "probability", "chance", "likely", "confident", "sure", "certainty", "mock",
  "mocks", "mocked", "mocking", "use", "uses",
]);
export const MOCK_FREE: ReadonlySet<string> = new Set([
  "mock-free", "mockless", "mock-less", "unmocked", "no-mock", "no-mocks", "zero-mock", "zero-mocks", "non-mock",
  "non-mocked", "nomock", "nomocks", "mocks-free", "no-mocking",
]);
export const MOCK_WORDS: ReadonlySet<string> = new Set(["mock", "mocks", "mocked", "mocking", "mockups", "fakes", "stubs"]);
export const NEGATIONS: ReadonlySet<string> = new Set(["no", "zero", "without", "non", "not", "never", "0"]);
export const NO_ZERO: ReadonlySet<string> = new Set(["no", "zero"]);
export const REAL_WORDS: ReadonlySet<string> = new Set(["real", "live", "actual"]);
export const REAL_NOUNS: ReadonlySet<string> = new Set([
  "services", "dependencies", "infrastructure", "databases", "database", "backends", "apis", "integrations", "endpoints",
  "redis", "postgres", "postgresql", "http", "network", "connections", "systems", "service",
]);
export const USE_VERBS: ReadonlySet<string> = new Set(["use", "uses", "using", "hit", "hits", "hitting", "exercise", "exercises", "run", "runs", "talk", "talks", "call", "calls", "against", "rely", "relies"]);
export const USE_PREPOSITIONS: ReadonlySet<string> = new Set(["against", "on", "with", "to"]);
export const INHERIT_WORDS: ReadonlySet<string> = new Set(["inherit", "inherits", "inheriting", "inherited", "inheritance", "subclass", "subclasses", "subclassing", "derive", "derives", "deriving", "derived"]);
export const EXTEND_WORDS: ReadonlySet<string> = new Set(["extend", "extends", "extending"]);
/** "inherit [from the] SSotBaseTestCase". */
export const CLASS_LEAD: ReadonlySet<string> = new Set(["from", "the", "directly", "properly", "a", "our", "shared", "common", "canonical", "ssot"]);
export const CLASS_CASE: ReadonlySet<string> = new Set(["class", "case", "classes"]);
/** The subject of "all tests …". */
export const SUBJECT_NOUNS: ReadonlySet<string> = new Set(["tests", "test", "testcases"]);
export const SUBJECT_AFTER_TEST: ReadonlySet<string> = new Set(["methods", "method", "cases", "case", "classes", "class", "files", "file", "functions", "function", "modules", "module", "suites", "suite"]);
/** "all tests [properly] inherit …". */
export const ADVERBS: ReadonlySet<string> = new Set(["properly", "correctly", "now", "already", "consistently", "successfully", "also", "all", "directly", "explicitly", "fully", "each", "completely", "entirely"]);
export const HAVE_VERBS: ReadonlySet<string> = new Set(["include", "includes", "has", "have", "contain", "contains", "carry", "carries", "provide", "provides", "document", "documents", "feature", "features", "declare", "declares", "ship", "ships"]);
/** "[and] all tests …" still starts a clause. */
export const BEFORE_ALL_OK: ReadonlySet<string> = new Set(["and", "now", "currently", "also", "today", "finally", "so"]);
/** "[a comprehensive] Business Value Justification for every test". */
export const BVJ_LEAD: ReadonlySet<string> = new Set(["comprehensive", "complete", "detailed", "full", "a", "the", "documented", "explicit", "clear", "thorough"]);
export const QUANTIFIERS: ReadonlySet<string> = new Set(["all", "any", "the", "every"]);
/** "no test [uses] mocks". */
export const NO_TEST_VERBS: ReadonlySet<string> = new Set(["uses", "use", "contains", "contain", "imports", "import"]);

// --- Table headers and total rows

export const FILE_HEADER_WORDS: ReadonlySet<string> = new Set(["file", "files", "path", "module", "suite", "location", "testfile", "filename"]);
export const TESTS_HEADER_VOCAB: ReadonlySet<string> = new Set(["tests", "test", "methods", "method", "cases", "case", "count", "functions", "number", "of", "no", "total", "n", "integration", "unit", "e2e", "collected", "testcases"]);
export const TESTS_HEADER_KEY: ReadonlySet<string> = new Set(["tests", "count", "methods", "cases", "functions", "testcases"]);
export const TOTAL_CELLS: ReadonlySet<string> = new Set(["total", "totals", "overall", "sum", "all", "grand"]);
export const TOTAL_CELL_VOCAB: ReadonlySet<string> = new Set([...TOTAL_CELLS, "files", "tests"]);
export const LINES_HEADER_VOCAB: ReadonlySet<string> = new Set([...LINES_LABEL_VOCAB, "size", "length", "file"]);

// --- Scope: claims about the tests a change added ("12 new tests", "All proposed tests …", "this session")

/** A line with one of these speaks of the tests a change added or touched. */
export const SCOPE_WORDS: ReadonlySet<string> = new Set(["new", "newly", "added", "proposed", "changed", "modified"]);
/** "… during this session", "in this PR". */
export const SCOPE_AFTER_THIS: ReadonlySet<string> = new Set(["session", "session's", "sessions", "pr", "change", "changeset", "commit", "branch", "patch", "diff"]);

// --- Test results: "6/6 tests passed", "ALL TESTS PASSED", "Execution Time: ~2 seconds"

export const SECONDS_WORDS: ReadonlySet<string> = new Set(["s", "sec", "secs", "second", "seconds"]);
export const MINUTES_WORDS: ReadonlySet<string> = new Set(["m", "min", "mins", "minute", "minutes"]);
export const MILLIS_WORDS: ReadonlySet<string> = new Set(["ms", "millisecond", "milliseconds"]);
/** A label of a test run's duration ("Execution Time:", "Test duration:"). */
export const DURATION_LABEL_VOCAB: ReadonlySet<string> = new Set(["execution", "run", "runtime", "test", "tests", "suite", "total", "time", "duration", "elapsed", "wall", "clock"]);
export const DURATION_LABEL_KEY: ReadonlySet<string> = new Set(["time", "duration", "runtime", "elapsed"]);

// --- Totals in parentheses: "Test Infrastructure: 95.8% compliant (287 files)"

export const PAREN_SUBJECT_VOCAB: ReadonlySet<string> = new Set([
  "test", "tests", "testing", "infrastructure", "suite", "suites", "files", "file", "integration", "unit", "e2e", "total",
  "all", "code", "methods", "method", "cases", "functions", "compliant", "compliance", "the", "our",
  ...SCOPE_WORDS,
]);

// --- File size issues whose limit the report states elsewhere: "12 test file size issues"

export const SIZE_ISSUE_WORDS: ReadonlySet<string> = new Set(["issues", "issue", "violations", "violation", "problems", "warnings", "findings", "offenders", "offences", "offenses"]);

// --- Sizes of named files

export const BYTES_WORDS: ReadonlySet<string> = new Set(["bytes", "byte"]);
export const METHOD_NOUNS: ReadonlySet<string> = new Set(["methods", "method", "functions", "function"]);
export const METHOD_ADJ: ReadonlySet<string> = new Set(["public", "defined", "total"]);

// --- References and classes: "684 files containing `WebSocketManager` references"

export const REFERENCE_VERBS: ReadonlySet<string> = new Set([
  "containing", "contain", "contains", "reference", "references", "referencing", "mention", "mentions", "mentioning",
  "import", "imports", "importing", "use", "uses", "using", "with", "that", "which", "have", "having", "include",
  "includes", "including",
]);
export const REFERENCE_NOUNS: ReadonlySet<string> = new Set(["references", "reference", "imports", "import", "usages", "usage", "uses", "mentions", "occurrences", "class", "calls"]);
export const DISTINCT_WORDS: ReadonlySet<string> = new Set(["distinct", "different", "separate", "unique", "competing", "duplicate"]);
export const CLASS_NOUNS: ReadonlySet<string> = new Set(["classes", "class", "implementations", "definitions"]);
export const SINGLE_WORDS: ReadonlySet<string> = new Set(["single", "one", "sole", "only", "unique"]);
export const IMPLEMENTATION_NOUNS: ReadonlySet<string> = new Set(["implementation", "class", "definition"]);

// --- Syntax: "All files compile without errors", "100% syntax validation"

export const COMPILE_WORDS: ReadonlySet<string> = new Set(["compile", "compiles", "parse", "parses"]);
export const SYNTAX_AFTER: ReadonlySet<string> = new Set(["validation", "validated", "valid", "check", "checks", "checked", "compliance", "correctness", "clean", "errors"]);
/** "Zero mocks anywhere [in the suite]". */
export const ANYWHERE_WORDS: ReadonlySet<string> = new Set(["anywhere", "at", "whatsoever", "used"]);
