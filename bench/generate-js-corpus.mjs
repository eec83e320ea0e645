#!/usr/bin/env node
/**
 * Writes a synthetic but realistic JS/TS integration-test corpus for the benchmark:
 *   node bench/generate-js-corpus.mjs <empty-or-new-dir> [--seed N] [--files N]
 *
 * Deterministic: its own PRNG (mulberry32), no clock, no environment; the same seed and file count give
 * byte-identical output. Default: 2,000 test files, seed 20260511.
 *
 * What it writes (paths relative to the folder):
 *   integration/<service>/<name>.test.ts   most files: Vitest or Jest suites against real HTTP and databases
 *   integration/<service>/<name>.spec.ts   the same, spec-named
 *   integration/<service>/<name>.test.js   plain JS (ESM or CommonJS), no types
 *   integration/<service>/<name>.test.tsx  React Testing Library over a real API
 *   e2e/<name>.spec.ts                     Playwright suites (test.describe, fixtures via base.extend)
 *   integration/support/*.ts               shared helpers the suites import (not test files, not linted)
 * Files range from about 30 to about 600 lines, about 135 on average; about 1 in 60 is a validation
 * suite of 50 to 80 one-request tests. Most tests carry a JSDoc Business Value Justification
 * block (a few incomplete: missing field, placeholder, unknown segment), some are covered by their
 * describe's or the file's block, some by none. A minority use mocks (vi.mock, vi.fn, jest.fn,
 * jest.spyOn, sinon, nock, msw, a `__mocks__` import), some suites are `@suite` classes (testdeck),
 * and some tests assert only through helpers (no `expect` in the test body).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_SEED = 20260511;
export const DEFAULT_FILES = 2000;

// ---------------------------------------------------------------------------------------------------
// Seeded randomness.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `weighted([[value, weight], ...])`. */
  weighted(entries) {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }
  sample(items, count) {
    const pool = [...items];
    const out = [];
    while (out.length < count && pool.length > 0) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary.

const SERVICES = {
  billing: ["invoice", "credit-note", "payment-method", "tax-rate", "billing-cycle"],
  auth: ["session", "token", "password-reset", "mfa-device", "api-key"],
  orders: ["order", "cart", "checkout", "return-request", "fulfillment"],
  inventory: ["stock-level", "warehouse", "reservation", "sku", "transfer"],
  payments: ["charge", "refund", "payout", "dispute", "ledger-entry"],
  notifications: ["email", "webhook", "push-subscription", "digest", "template"],
  search: ["index", "query", "synonym", "facet", "ranking-rule"],
  catalog: ["product", "category", "price-list", "bundle", "attribute"],
  shipping: ["shipment", "label", "carrier-rate", "pickup", "tracking-event"],
  users: ["user", "team", "invitation", "role", "profile"],
  analytics: ["event", "funnel", "cohort", "dashboard", "data-export"],
  gateway: ["route", "rate-limit", "api-client", "quota", "health-check"],
  subscriptions: ["subscription", "plan", "trial", "coupon", "usage-record"],
  reporting: ["report", "schedule", "snapshot", "metric", "revenue-summary"],
  identity: ["organization", "sso-connection", "directory-sync", "audit-log", "scim-user"],
  media: ["upload", "thumbnail", "transcode-job", "asset", "signed-url"],
  tenancy: ["tenant", "workspace", "data-residency", "feature-flag", "migration"],
  webhooks: ["endpoint", "delivery", "signature", "retry-policy", "event-type"],
};
const SERVICE_NAMES = Object.keys(SERVICES);

const ASPECTS = [
  "lifecycle", "api", "crud", "permissions", "validation", "pagination", "concurrency", "idempotency", "events",
  "search", "export", "import", "retries", "limits", "audit", "migration", "sync", "cleanup", "billing-flow",
  "happy-path", "edge-cases", "errors", "filters", "sorting", "webhooks", "consistency", "rollover", "archival",
];

const E2E_FLOWS = [
  "signup", "login", "checkout", "invoice-download", "team-invite", "password-reset", "plan-upgrade", "cart",
  "search-results", "product-page", "order-history", "refund-request", "settings", "api-keys", "billing-portal",
  "onboarding", "dashboard", "report-builder", "file-upload", "notifications-center", "sso-login", "admin-users",
  "coupon-redeem", "shipment-tracking", "workspace-switch",
];

const SEGMENTS = ["Free", "Early", "Mid", "Enterprise", "Platform/Internal", "Mid/Enterprise", "Free, Early", "Early & Mid"];
const BAD_SEGMENTS = ["Gold", "Premium", "SMB", "All customers"];
const GOALS = [
  "Retention", "Conversion", "Expansion revenue", "Reduce churn", "Reduce support tickets", "Platform stability",
  "Compliance (SOC 2)", "Faster onboarding", "Revenue protection", "Operational efficiency",
];
const VALUE_IMPACTS = [
  "customers see correct totals immediately after checkout",
  "admins can recover access without contacting support",
  "no duplicate charges when clients retry requests",
  "reports match the ledger to the cent",
  "search returns fresh results within seconds of an update",
  "failed deliveries are retried without losing events",
  "teams can onboard new members in one step",
  "usage limits are enforced before overage costs accrue",
  "exports complete for the largest tenants",
  "audit trails satisfy enterprise security reviews",
];
const STRATEGIC_IMPACTS = [
  "protects renewals of our largest accounts",
  "keeps the platform trustworthy for regulated customers",
  "unblocks self-serve growth without sales involvement",
  "reduces on-call load and incident count",
  "a prerequisite for the EU data-residency launch",
  "keeps gross margin predictable as usage grows",
  "differentiates us from cheaper competitors on reliability",
];
const PLACEHOLDERS = ["TBD", "TODO", "N/A", "...", ""];

const STATUSES = ["pending", "active", "completed", "failed", "cancelled", "archived"];
const ADJECTIVES = ["expired", "duplicate", "oversized", "unauthorized", "stale", "concurrent", "partial", "malformed", "archived", "foreign"];
const VERBS = ["creates", "updates", "deletes", "lists", "rejects", "retries", "archives", "restores", "exports", "merges", "validates", "paginates"];

function pascal(name) {
  return name.replace(/(^|-)([a-z])/gu, (_, __, letter) => letter.toUpperCase());
}
function camel(name) {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}
function snake(name) {
  return name.replaceAll("-", "_");
}
function plural(name) {
  if (name.endsWith("y") && !/[aeiou]y$/u.test(name)) {
    return `${name.slice(0, -1)}ies`;
  }
  return /(s|x|ch|sh)$/u.test(name) ? `${name}es` : `${name}s`;
}
function words(name) {
  return name.replaceAll("-", " ");
}

// ---------------------------------------------------------------------------------------------------
// Source writer: lines with indentation.

class Writer {
  constructor() {
    this.lines = [];
    this.depth = 0;
  }
  /** One line, or one statement of several lines (each indented at the current depth). */
  line(text = "") {
    for (const part of text.split("\n")) {
      this.lines.push(part === "" ? "" : `${"  ".repeat(this.depth)}${part}`);
    }
  }
  block(lines) {
    for (const text of lines) {
      this.line(text);
    }
  }
  open(text) {
    this.line(text);
    this.depth += 1;
  }
  close(text) {
    // No blank line before a closing brace.
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") {
      this.lines.pop();
    }
    this.depth -= 1;
    this.line(text);
  }
  get count() {
    return this.lines.length;
  }
  toString() {
    return `${this.lines.join("\n")}\n`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Business Value Justification blocks (as JSDoc body lines, without the `/**` and ` */`).

function bvjLines(rng, { incomplete }) {
  const heading = rng.weighted([
    ["Business Value Justification (BVJ):", 4],
    ["Business Value Justification:", 3],
    ["BVJ:", 2],
    ["**Business Value Justification**", 1],
  ]);
  const style = rng.weighted([["- ", 4], ["numbered", 2], ["", 2], ["- **", 1]]);
  const fields = [
    ["Segment", rng.pick(SEGMENTS)],
    ["Business Goal", rng.pick(GOALS)],
    ["Value Impact", rng.pick(VALUE_IMPACTS)],
    ["Strategic Impact", rng.pick(STRATEGIC_IMPACTS)],
  ];
  if (incomplete) {
    const flaw = rng.int(0, 3);
    if (flaw === 0) {
      fields.splice(rng.int(1, 3), 1); // a missing field
    } else if (flaw === 1) {
      fields[rng.int(1, 3)][1] = rng.pick(PLACEHOLDERS);
    } else if (flaw === 2) {
      fields[0][1] = rng.pick(BAD_SEGMENTS);
    } else {
      fields.splice(2, 2); // only the first two fields written
    }
  }
  const lines = [heading];
  fields.forEach(([name, value], index) => {
    const gap = value === "" ? "" : " ";
    if (style === "numbered") {
      lines.push(`${index + 1}. ${name}:${gap}${value}`);
    } else if (style === "- **") {
      lines.push(`- **${name}**:${gap}${value}`);
    } else {
      lines.push(`${style}${name}:${gap}${value}`);
    }
  });
  return lines;
}

/** A JSDoc comment with an optional summary line and optional BVJ block. */
function jsdoc(w, rng, { summary, bvj, incomplete = false, tags = [] }) {
  const body = [];
  if (summary) {
    body.push(summary);
  }
  if (bvj) {
    if (body.length > 0) {
      body.push("");
    }
    body.push(...bvjLines(rng, { incomplete }));
  }
  for (const tag of tags) {
    body.push(tag);
  }
  if (body.length === 0) {
    return;
  }
  w.line("/**");
  for (const text of body) {
    w.line(text === "" ? " *" : ` * ${text}`);
  }
  w.line(" */");
}

// ---------------------------------------------------------------------------------------------------
// One file's plan.

/** Target line count: most files short to medium, a tail of long ones, between about 30 and 600 (mean about 125). */
function targetLines(rng) {
  const band = rng.weighted([["short", 50], ["medium", 35], ["long", 12], ["huge", 3]]);
  if (band === "short") return rng.int(30, 80);
  if (band === "medium") return rng.int(80, 180);
  if (band === "long") return rng.int(180, 380);
  return rng.int(380, 600);
}

/**
 * The context a file's generators share: language (ts/js), runner style, the entity, the clients in use
 * and the mocks the file brings in.
 */
function makeContext(rng, { kind, service, entity, path }) {
  const ts = kind !== "js";
  const runner =
    kind === "e2e" ? "playwright"
      : kind === "class" ? "testdeck"
        : kind === "tsx" ? rng.weighted([["vitest", 3], ["jest", 2]])
          : rng.weighted([["vitest", 5], ["jest", 4], ["jest-globals", 1]]);
  const db = kind === "e2e" ? "none" : rng.weighted([["pg", 5], ["prisma", 2], ["mongodb", 1], ["knex", 1], ["redis", 1]]);
  const http = kind === "e2e" ? "playwright" : rng.weighted([["fetch", 6], ["supertest", 2], ["axios", 2]]);
  const mockKinds = [];
  if (kind !== "e2e" && rng.chance(0.18)) {
    const available =
      runner === "vitest" ? ["vi", "vi", "nock", "msw", "sinon"]
        : runner === "testdeck" ? ["sinon", "nock"]
          : ["jest", "jest", "nock", "msw", "sinon"];
    mockKinds.push(...new Set(rng.sample(available, rng.int(1, 2))));
  }
  if (kind === "e2e" && rng.chance(0.06)) {
    mockKinds.push("route"); // page.route fakes: not a mocking library, stays legal
  }
  return {
    rng,
    kind,
    ts,
    esm: kind !== "js" || rng.chance(0.6),
    runner,
    db,
    http,
    mocks: mockKinds,
    mocksImport: kind !== "e2e" && rng.chance(0.02),
    service,
    entity,
    Entity: pascal(entity),
    entityCamel: camel(entity),
    table: snake(plural(entity)),
    route: `/api/${service}/${plural(entity)}`,
    path,
    /** How BVJ blocks are placed in this file. */
    bvjMode: rng.weighted([["per-test", 70], ["per-describe", 12], ["module", 8], ["sparse", 10]]),
    assertionHelpers: rng.chance(0.25),
    /** `: Type` only in TypeScript. */
    t: (text) => (ts ? text : ""),
    counter: 0,
  };
}

/** Header comment, imports, types and helpers. */
function writeHeader(w, c) {
  const { rng } = c;
  const moduleSummary = `Integration tests for the ${c.service} service: ${words(plural(c.entity))} against a real ${c.db === "none" ? "browser and API" : `${c.db} database and HTTP API`}.`;
  const moduleBvj = c.bvjMode === "module" || (c.bvjMode === "sparse" && rng.chance(0.3));
  if (rng.chance(0.55) || moduleBvj) {
    jsdoc(w, rng, { summary: moduleSummary, bvj: moduleBvj, incomplete: moduleBvj && rng.chance(0.1), tags: rng.chance(0.3) ? [`@group integration`, `@owner team-${c.service}`] : [] });
    w.line();
  }
  if (c.kind === "tsx" && c.runner === "vitest") {
    w.line("// @vitest-environment jsdom");
  }

  const imports = [];
  const requires = [];
  const add = (spec, names, { type = false } = {}) => {
    if (c.esm) {
      imports.push(type ? `import type ${names} from "${spec}";` : `import ${names} from "${spec}";`);
    } else if (!type) {
      requires.push(`const ${names.replace(/\bas\b/gu, ":")} = require("${spec}");`);
    }
  };

  // Runner.
  const hooks = ["afterAll", "afterEach", "beforeAll", "beforeEach"];
  if (c.runner === "vitest") {
    // Most Vitest files import the API; the rest rely on `globals: true`. CommonJS files use globals.
    if (c.esm && rng.chance(0.8)) {
      add("vitest", `{ ${[...hooks, "describe", "expect", c.useTestFn ? "test" : "it", ...(c.mocks.includes("vi") ? ["vi"] : [])].sort().join(", ")} }`);
    }
  } else if (c.runner === "jest-globals") {
    add("@jest/globals", `{ ${[...hooks, "describe", "expect", "it", ...(c.mocks.includes("jest") ? ["jest"] : [])].sort().join(", ")} }`);
  } else if (c.runner === "playwright") {
    imports.push(`import { test${c.extendTest ? " as base" : ""}, expect, type APIRequestContext, type Page } from "@playwright/test";`);
  } else if (c.runner === "testdeck") {
    imports.push(`import { suite, test, timeout } from "@testdeck/mocha";`);
    imports.push(rng.chance(0.6) ? `import { expect } from "chai";` : `import assert from "node:assert/strict";`);
    c.assertStyle = imports[imports.length - 1].includes("chai") ? "chai" : "assert";
  }

  // Clients.
  if (c.db === "pg") add("pg", "{ Pool }");
  if (c.db === "prisma") add("@prisma/client", "{ PrismaClient }");
  if (c.db === "mongodb") add("mongodb", "{ MongoClient, type Db }".replace(c.ts ? "" : ", type Db", ""));
  if (c.db === "knex") add("knex", c.esm ? "knex" : "knex");
  if (c.db === "redis") add("ioredis", "Redis");
  if (c.http === "supertest") add("supertest", "request");
  if (c.http === "axios") add("axios", c.ts ? "axios, { type AxiosInstance }" : "axios");
  if (c.kind === "tsx") {
    add("@testing-library/react", "{ render, screen, waitFor, within }");
    add("@testing-library/user-event", "userEvent");
    add(`../../../src/${c.service}/components/${c.Entity}Table`, `{ ${c.Entity}Table }`);
  }
  if (c.runner !== "playwright") {
    add("../support/server", c.ts ? "{ startTestServer, type TestServer }" : "{ startTestServer }");
    add("../support/seed", `{ seed${c.Entity}, truncateAll }`);
    if (c.assertionHelpers) add("../support/assertions", "{ assertEventually, assertProblemResponse }");
    if (c.ts && rng.chance(0.5)) add(`../../../src/${c.service}/types`, `{ ${c.Entity}Dto, ${c.Entity}Status }`, { type: true });
    if (c.minimal) add("../support/factories", `{ create${c.Entity} }`);
  } else {
    add("./support/auth", "{ signInAs, testUsers }");
    if (c.minimal) add("./support/factories", `{ create${c.Entity} }`);
  }
  if (c.kind === "class") {
    c.classBase = rng.weighted([["IntegrationSuite", 6], ["DatabaseSuite", 2], ["none", 2]]);
    if (c.classBase === "IntegrationSuite") add("../support/integration-suite", "{ IntegrationSuite }");
    if (c.classBase === "DatabaseSuite") add("@acme/test-framework", "{ DatabaseSuite }");
  }

  // Mocks.
  for (const mock of c.mocks) {
    if (mock === "sinon") add("sinon", c.esm ? (rng.chance(0.7) ? "sinon" : "* as sinon") : "sinon");
    if (mock === "nock") add("nock", "nock");
    if (mock === "msw") {
      add("msw", "{ http, HttpResponse }");
      add("msw/node", "{ setupServer }");
    }
  }
  if (c.mocksImport) {
    add(`../__mocks__/${rng.pick(["stripe", "mailer", "s3", "clock"])}`, `{ ${rng.pick(["fakeStripe", "fakeMailer", "fakeS3", "fakeClock"])} }`);
  }
  if (c.ts && c.esm && rng.chance(0.3)) {
    imports.push(`import { randomUUID } from "node:crypto";`);
  }

  w.block(imports);
  w.block(requires);
  w.line();

  if (c.mocks.includes("vi")) {
    w.line(`vi.mock("../../../src/${c.service}/${rng.pick(["mailer", "clock", "queue", "payments-gateway"])}");`);
    w.line();
  }
  if (c.mocks.includes("jest")) {
    w.line(`jest.mock("../../../src/${c.service}/${rng.pick(["mailer", "clock", "queue", "payments-gateway"])}");`);
    w.line();
  }

  writeTypes(w, c);
  writeHelpers(w, c);
}

function writeTypes(w, c) {
  const { rng } = c;
  if (!c.ts) {
    w.line(`const BASE_HEADERS = { "content-type": "application/json", accept: "application/json" };`);
    w.line();
    return;
  }
  const statuses = rng.sample(STATUSES, rng.int(2, 4));
  if (c.minimal) {
    w.line(`type ${c.Entity}State = ${statuses.map((s) => `"${s}"`).join(" | ")};`);
    w.line(`type ${c.Entity}Payload = { id: string; status: ${c.Entity}State; amountCents: number; createdAt: string; metadata?: Record<string, string> };`);
    w.line(`type ${c.Entity}Row = { id: string; status: string; amount_cents: number; tenant_id: string };`);
    w.line(`const BASE_HEADERS = { "content-type": "application/json", accept: "application/json" } as const;`);
    w.line();
    return;
  }
  if (rng.chance(0.5)) {
    w.line(`type ${c.Entity}State = ${statuses.map((s) => `"${s}"`).join(" | ")};`);
  } else {
    w.open(`enum ${c.Entity}State {`);
    for (const s of statuses) w.line(`${pascal(s)} = "${s}",`);
    w.close("}");
  }
  w.line();
  w.open(`interface ${c.Entity}Payload {`);
  w.line("id: string;");
  w.line(`status: ${c.Entity}State;`);
  w.line("amountCents: number;");
  w.line("createdAt: string;");
  w.line("metadata?: Record<string, string>;");
  if (rng.chance(0.5)) w.line(`tags: readonly string[];`);
  w.close("}");
  w.line();
  w.line(`type ${c.Entity}Row = { id: string; status: string; amount_cents: number; tenant_id: string };`);
  if (rng.chance(0.5)) {
    w.line(`type Paged<T> = { items: T[]; nextCursor: string | null; total: number };`);
  }
  if (rng.chance(0.35)) {
    w.line(`type Create${c.Entity}Input = Omit<${c.Entity}Payload, "id" | "createdAt"> & { idempotencyKey?: string };`);
  }
  w.line();
  w.line(`const BASE_HEADERS = { "content-type": "application/json", accept: "application/json" } as const;`);
  if (rng.chance(0.5)) {
    w.open(`const DEFAULTS = {`);
    w.line(`status: "${statuses[0]}",`);
    w.line(`amountCents: ${rng.int(100, 99999)},`);
    w.line(`tags: ["integration", "${c.service}"],`);
    w.close(`} satisfies Partial<Record<string, unknown>>;`);
  }
  w.line();
}

function writeHelpers(w, c) {
  const { rng, t } = c;
  if (c.minimal) {
    return;
  }
  if (c.runner === "playwright") {
    if (rng.chance(0.6)) {
      w.open(`class ${c.Entity}Page {`);
      w.line(`constructor(private readonly page: Page) {}`);
      w.line();
      w.open(`async open(): Promise<void> {`);
      w.line(`await this.page.goto("/${c.service}/${plural(c.entity)}");`);
      w.line(`await this.page.waitForLoadState("networkidle");`);
      w.close("}");
      w.line();
      w.open(`async create(name: string): Promise<void> {`);
      w.line(`await this.page.getByRole("button", { name: "New ${words(c.entity)}" }).click();`);
      w.line(`await this.page.getByLabel("Name").fill(name);`);
      w.line(`await this.page.getByRole("button", { name: "Save" }).click();`);
      w.close("}");
      w.line();
      w.open(`rows() {`);
      w.line(`return this.page.getByRole("row").filter({ hasNotText: "Loading" });`);
      w.close("}");
      w.close("}");
      w.line();
      c.pageObject = true;
    }
    if (c.extendTest) {
      w.line(`type Fixtures = { ${c.pageObject ? `${c.entityCamel}Page: ${c.Entity}Page; ` : ""}api: APIRequestContext };`);
      w.line();
      w.open(`const test = base.extend<Fixtures>({`);
      if (c.pageObject) {
        w.open(`${c.entityCamel}Page: async ({ page }, use) => {`);
        w.line(`await use(new ${c.Entity}Page(page));`);
        w.close("},");
      }
      w.open(`api: async ({ playwright, baseURL }, use) => {`);
      w.line(`const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: \`Bearer \${process.env.E2E_TOKEN ?? ""}\` } });`);
      w.line(`await use(api);`);
      w.line(`await api.dispose();`);
      w.close("},");
      w.close("});");
      w.line();
    }
    w.open(`async function create${c.Entity}(request: APIRequestContext, name: string): Promise<{ id: string }> {`);
    w.line(`const response = await request.post("${c.route}", { data: { name, amountCents: ${rng.int(100, 5000)} } });`);
    w.line(`if (!response.ok()) {`);
    w.line(`  throw new Error(\`seeding ${words(c.entity)} failed: \${response.status()}\`);`);
    w.line(`}`);
    w.line(`return (await response.json()) as { id: string };`);
    w.close("}");
    w.line();
    return;
  }

  const ret = t(`: Promise<${c.Entity}Payload>`);
  const serverParam = `server${t(": TestServer")}`;
  const inputParam = `input${t(`: Partial<${c.Entity}Payload>`)} = {}`;
  w.open(`async function create${c.Entity}(${serverParam}, ${inputParam})${ret} {`);
  if (c.http === "supertest") {
    w.line(`const response = await request(server.app).post("${c.route}").set(BASE_HEADERS).send({ amountCents: 1000, ...input });`);
    w.line(`if (response.status !== 201) {`);
    w.line(`  throw new Error(\`create ${words(c.entity)} failed with \${response.status}: \${JSON.stringify(response.body)}\`);`);
    w.line(`}`);
    w.line(`return response.body${t(` as ${c.Entity}Payload`)};`);
  } else if (c.http === "axios") {
    w.line(`const { data } = await axios.post${t(`<${c.Entity}Payload>`)}(\`\${server.url}${c.route}\`, { amountCents: 1000, ...input }, { headers: BASE_HEADERS });`);
    w.line(`return data;`);
  } else {
    w.open(`const response = await fetch(\`\${server.url}${c.route}\`, {`);
    w.line(`method: "POST",`);
    w.line(`headers: { ...BASE_HEADERS, authorization: \`Bearer \${server.adminToken}\` },`);
    w.line(`body: JSON.stringify({ amountCents: 1000, ...input }),`);
    w.close("});");
    w.line(`if (!response.ok) {`);
    w.line(`  throw new Error(\`create ${words(c.entity)} failed: \${response.status} \${await response.text()}\`);`);
    w.line(`}`);
    w.line(`return ${c.ts ? `(await response.json()) as ${c.Entity}Payload` : "response.json()"};`);
  }
  w.close("}");
  w.line();

  if (rng.chance(0.5)) {
    const generic = c.ts ? `<T extends { id: string }>` : "";
    w.open(`async function waitFor${c.Entity}${generic}(load${t(": () => Promise<T | undefined>")}, timeoutMs = ${rng.pick([2000, 5000, 10000])})${t(": Promise<T>")} {`);
    w.line(`const deadline = Date.now() + timeoutMs;`);
    w.open(`while (Date.now() < deadline) {`);
    w.line(`const found = await load();`);
    w.open(`if (found) {`);
    w.line(`return found;`);
    w.close("}");
    w.line(`await new Promise((resolve) => setTimeout(resolve, 50));`);
    w.close("}");
    w.line(`throw new Error("timed out waiting for ${words(c.entity)}");`);
    w.close("}");
    w.line();
    c.waitHelper = true;
  }
}

// ---------------------------------------------------------------------------------------------------
// Test bodies.

/** Database handle declarations inside a describe, and the setup/teardown hooks. */
function writeHooks(w, c) {
  const { rng, t } = c;
  w.line(`let server${t(": TestServer")};`);
  const dbType = { pg: "Pool", prisma: "PrismaClient", mongodb: "Db", knex: "ReturnType<typeof knex>", redis: "Redis" }[c.db];
  w.line(`let db${t(`: ${dbType}`)};`);
  if (c.db === "mongodb") w.line(`let mongo${t(": MongoClient")};`);
  if (c.http === "axios" && c.ts) w.line(`let api: AxiosInstance;`);
  if (c.mocks.includes("sinon")) w.line(`const sandbox = sinon.createSandbox();`);
  if (c.mocks.includes("msw")) w.line(`const upstream = setupServer();`);
  w.line();
  const before = c.runner === "vitest" || c.runner === "jest" || c.runner === "jest-globals" ? "beforeAll" : "before";
  w.open(`${before}(async () => {`);
  if (c.db === "pg") w.line(`db = new Pool({ connectionString: process.env.DATABASE_URL${c.ts ? "!" : ""}, max: 4 });`);
  if (c.db === "prisma") w.line(`db = new PrismaClient({ datasources: { db: { url: process.env.DATABASE_URL } } });`);
  if (c.db === "mongodb") {
    w.line(`mongo = await MongoClient.connect(process.env.MONGO_URL ?? "mongodb://localhost:27017");`);
    w.line(`db = mongo.db(\`${c.service}_\${process.pid}\`);`);
  }
  if (c.db === "knex") w.line(`db = knex({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 0, max: 4 } });`);
  if (c.db === "redis") w.line(`db = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379/${rng.int(1, 15)}");`);
  w.line(`server = await startTestServer({ service: "${c.service}", database: process.env.DATABASE_URL });`);
  if (c.http === "axios" && c.ts) w.line(`api = axios.create({ baseURL: server.url, headers: BASE_HEADERS, validateStatus: () => true });`);
  if (c.mocks.includes("msw")) w.line(`upstream.listen({ onUnhandledRequest: "bypass" });`);
  w.close("});");
  w.line();
  if (c.minimal ? rng.chance(0.2) : rng.chance(0.8)) {
    w.open(`beforeEach(async () => {`);
    w.line(`await truncateAll(db, ["${c.table}"${rng.chance(0.5) ? `, "audit_events"` : ""}]);`);
    if (rng.chance(0.5)) w.line(`await seed${c.Entity}(db, { count: ${rng.int(1, 25)}, tenantId: "tenant-${rng.int(1, 9)}" });`);
    w.close("});");
    w.line();
  }
  if (c.mocks.includes("sinon") || c.mocks.includes("nock") || c.mocks.includes("msw")) {
    w.open(`afterEach(() => {`);
    if (c.mocks.includes("sinon")) w.line(`sandbox.restore();`);
    if (c.mocks.includes("nock")) w.line(`nock.cleanAll();`);
    if (c.mocks.includes("msw")) w.line(`upstream.resetHandlers();`);
    w.close("});");
    w.line();
  }
  const after = before === "beforeAll" ? "afterAll" : "after";
  w.open(`${after}(async () => {`);
  w.line(`await server?.close();`);
  if (c.db === "pg") w.line(`await db?.end();`);
  if (c.db === "prisma") w.line(`await db?.$disconnect();`);
  if (c.db === "mongodb") w.line(`await mongo?.close();`);
  if (c.db === "knex") w.line(`await db?.destroy();`);
  if (c.db === "redis") w.line(`db?.disconnect();`);
  if (c.mocks.includes("msw")) w.line(`upstream.close();`);
  w.close("});");
  w.line();
}

/** A query through the file's database client, then an assertion on what it returned. */
function dbCheck(c, idExpr, assert) {
  const { rng, t } = c;
  const status = rng.pick(STATUSES);
  switch (c.db) {
    case "pg":
      return [
        `const { rows } = await db.query${t(`<${c.Entity}Row>`)}("SELECT id, status, amount_cents, tenant_id FROM ${c.table} WHERE id = $1", [${idExpr}]);`,
        assert(`rows`, "toHaveLength", "1"),
        assert(`rows[0]${c.ts ? "!" : ""}.status`, "toBe", `"${status}"`),
      ];
    case "prisma":
      return [
        `const stored = await db.${c.entityCamel}.findUnique({ where: { id: ${idExpr} }, include: { auditEvents: true } });`,
        assert(`stored?.status`, "toBe", `"${status}"`),
        assert(`stored?.auditEvents.length`, "toBeGreaterThan", "0"),
      ];
    case "mongodb":
      return [
        `const stored = await db.collection${t(`<${c.Entity}Row>`)}("${c.table}").findOne({ id: ${idExpr} });`,
        assert(`stored`, "not.toBeNull", ""),
        assert(`stored?.status`, "toEqual", `"${status}"`),
      ];
    case "knex":
      return [
        `const row = await db${t(`<${c.Entity}Row>`)}("${c.table}").where({ id: ${idExpr} }).first();`,
        assert(`row?.amount_cents`, "toBeGreaterThanOrEqual", "0"),
      ];
    case "redis":
    default:
      return [
        `const cached = await db.get(\`${c.service}:${c.entity}:\${${idExpr}}\`);`,
        assert(`cached && JSON.parse(cached).status`, "toBe", `"${status}"`),
      ];
  }
}

/** `expect(actual).matcher(expected)` in the file's assertion style. */
function assertion(c) {
  return (actual, matcher, expected) => {
    if (c.assertStyle === "chai") {
      const chai = { toBe: "to.equal", toEqual: "to.deep.equal", toHaveLength: "to.have.lengthOf", toBeGreaterThan: "to.be.greaterThan", toBeGreaterThanOrEqual: "to.be.at.least", "not.toBeNull": "not.to.be.null", toMatchObject: "to.deep.include", toContain: "to.include" }[matcher] ?? "to.equal";
      return `expect(${actual}).${chai}${chai.endsWith("null") ? "" : `(${expected})`};`;
    }
    if (c.assertStyle === "assert") {
      if (matcher === "toHaveLength") return `assert.equal(${actual}.length, ${expected});`;
      if (matcher === "not.toBeNull") return `assert.ok(${actual});`;
      if (matcher.startsWith("toBeGreater")) return `assert.ok((${actual} ?? 0) ${matcher === "toBeGreaterThan" ? ">" : ">="} ${expected});`;
      if (matcher === "toEqual" || matcher === "toMatchObject") return `assert.deepEqual(${actual}, ${expected});`;
      return `assert.equal(${actual}, ${expected});`;
    }
    return `expect(${actual}).${matcher}(${expected});`;
  };
}

/** Statements of one test body for the API-level runners (Vitest, Jest, testdeck). */
function apiTestBody(c, { mocked, assertViaHelper }) {
  const { rng, t } = c;
  const assert = assertion(c);
  const lines = [];
  const amount = rng.int(100, 250000);
  const serverRef = c.kind === "class" ? "this.server" : "server";
  if (mocked) {
    lines.push(...mockLines(c));
  }
  lines.push(`const ${c.entityCamel} = await create${c.Entity}(${serverRef}, { amountCents: ${amount}${rng.chance(0.4) ? `, metadata: { source: "integration" }` : ""} });`);
  // Each shape declares its own constants, so a test draws each shape at most once.
  const shapes = [["get", 3], ["patch", 2], ["list", 2], ["db", 3], ["error", 1], ["loop", 1], ["concurrent", 1]];
  const steps = rng.int(1, 4);
  for (let step = 0; step < steps; step++) {
    const shape = rng.weighted(shapes);
    shapes.splice(shapes.findIndex(([name]) => name === shape), 1);
    if (shape === "get") {
      if (c.http === "supertest") {
        lines.push(`const fetched = await request(${serverRef}.app).get(\`${c.route}/\${${c.entityCamel}.id}\`).set(BASE_HEADERS);`);
        lines.push(assert("fetched.status", "toBe", "200"));
        lines.push(assert("fetched.body", "toMatchObject", `{ id: ${c.entityCamel}.id, amountCents: ${amount} }`));
      } else if (c.http === "axios") {
        lines.push(`const fetched = await axios.get${t(`<${c.Entity}Payload>`)}(\`\${${serverRef}.url}${c.route}/\${${c.entityCamel}.id}\`, { validateStatus: () => true });`);
        lines.push(assert("fetched.status", "toBe", "200"));
        lines.push(assert("fetched.data.amountCents", "toBe", String(amount)));
      } else {
        lines.push(`const fetched = await fetch(\`\${${serverRef}.url}${c.route}/\${${c.entityCamel}.id}\`, { headers: BASE_HEADERS });`);
        lines.push(assert("fetched.status", "toBe", "200"));
        lines.push(`const body = ${c.ts ? `(await fetched.json()) as ${c.Entity}Payload` : "await fetched.json()"};`);
        lines.push(assert("body.amountCents", "toBe", String(amount)));
      }
    } else if (shape === "patch") {
      const status = rng.pick(STATUSES);
      lines.push(
        [
          `const updated = await fetch(\`\${${serverRef}.url}${c.route}/\${${c.entityCamel}.id}\`, {`,
          `  method: "PATCH",`,
          `  headers: { ...BASE_HEADERS, "if-match": ${c.entityCamel}.${rng.pick(["createdAt", "id"])} },`,
          `  body: JSON.stringify({ status: "${status}" }${c.ts && rng.chance(0.5) ? ` satisfies Partial<${c.Entity}Payload>` : ""}),`,
          `});`,
        ].join("\n"),
      );
      lines.push(assert("updated.status", "toBe", String(rng.pick([200, 200, 204, 409]))));
    } else if (shape === "list") {
      const limit = rng.pick([10, 25, 50, 100]);
      lines.push(`const listed = await fetch(\`\${${serverRef}.url}${c.route}?limit=${limit}&status=${rng.pick(STATUSES)}\`, { headers: BASE_HEADERS });`);
      lines.push(`const page = ${c.ts ? `(await listed.json()) as { items: ${c.Entity}Payload[]; nextCursor: string | null }` : "await listed.json()"};`);
      lines.push(`const ids = page.items.map((item${t(`: ${c.Entity}Payload`)}) => item.id);`);
      lines.push(assert("ids", "toContain", `${c.entityCamel}.id`));
      if (rng.chance(0.5)) lines.push(assert("page.items.length", "toBeGreaterThan", "0"));
    } else if (shape === "db") {
      lines.push(...dbCheck(c, `${c.entityCamel}.id`, assert));
    } else if (shape === "error") {
      const code = rng.pick([400, 401, 403, 404, 409, 422]);
      lines.push(`const rejected = await fetch(\`\${${serverRef}.url}${c.route}/${rng.pick(ADJECTIVES)}-\${${c.entityCamel}.id}\`, { method: "DELETE", headers: BASE_HEADERS });`);
      if (c.assertionHelpers && rng.chance(0.5)) {
        lines.push(`await assertProblemResponse(rejected, { status: ${code}, type: "${c.service}/${rng.pick(ADJECTIVES)}" });`);
      } else {
        lines.push(assert("rejected.status", "toBe", String(code)));
      }
    } else if (shape === "loop") {
      const n = rng.int(2, 6);
      lines.push(
        [
          `for (const amountCents of [${Array.from({ length: n }, () => rng.int(1, 9999)).join(", ")}]) {`,
          `  const created = await create${c.Entity}(${serverRef}, { amountCents });`,
          `  ${assert("created.amountCents", "toBe", "amountCents")}`,
          `}`,
        ].join("\n"),
      );
    } else {
      const n = rng.int(2, 8);
      lines.push(
        [
          `const results = await Promise.all(`,
          `  Array.from({ length: ${n} }, (_, index) => create${c.Entity}(${serverRef}, { amountCents: ${amount} + index })),`,
          `);`,
        ].join("\n"),
      );
      lines.push(assert("new Set(results.map((result) => result.id)).size", "toBe", String(n)));
    }
  }
  if (assertViaHelper) {
    // Only helpers assert here: no `expect` in the test body.
    const kept = lines.filter((statement) => !statement.includes("expect(") && !/^assert[.(]/u.test(statement));
    kept.push(
      [
        `await assertEventually(async () => {`,
        `  const response = await fetch(\`\${${serverRef}.url}${c.route}/\${${c.entityCamel}.id}\`);`,
        `  return response.status === 200;`,
        `});`,
      ].join("\n"),
    );
    return kept;
  }
  return lines;
}

function mockLines(c) {
  const { rng } = c;
  const kind = rng.pick(c.mocks);
  const lines = [];
  if (kind === "vi") {
    lines.push(rng.chance(0.5) ? `const notify = vi.fn().mockResolvedValue({ delivered: true });` : `const now = vi.spyOn(Date, "now").mockReturnValue(${1700000000000 + rng.int(0, 1e9)});`);
  } else if (kind === "jest") {
    lines.push(rng.chance(0.5) ? `const notify = jest.fn().mockResolvedValue({ delivered: true });` : `jest.spyOn(console, "warn").mockImplementation(() => undefined);`);
  } else if (kind === "sinon") {
    lines.push(`const clock = sandbox.useFakeTimers({ now: new Date("2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}T10:00:00Z") });`);
    if (rng.chance(0.5)) lines.push(`sandbox.stub(${c.kind === "class" ? "this.server" : "server"}.mailer, "send").resolves();`);
  } else if (kind === "nock") {
    lines.push(
      [
        `nock("https://api.${rng.pick(["stripe.com", "sendgrid.com", "twilio.com", "example-partner.io"])}")`,
        `  .post("/v1/${rng.pick(["charges", "messages", "events", "verify"])}")`,
        `  .reply(${rng.pick([200, 201, 202])}, { id: "ext_${rng.int(1000, 9999)}", status: "ok" });`,
      ].join("\n"),
    );
  } else if (kind === "msw") {
    lines.push(
      [
        `upstream.use(`,
        `  http.get("https://partner.example.com/${rng.pick(["rates", "accounts", "catalog"])}", () => HttpResponse.json({ ok: true, items: [] })),`,
        `);`,
      ].join("\n"),
    );
  }
  return lines;
}

/** Statements of a Playwright test. */
function e2eTestBody(c) {
  const { rng } = c;
  const lines = [];
  const user = rng.pick(["admin", "owner", "member", "billingManager", "viewer"]);
  lines.push(`await signInAs(page, testUsers.${user});`);
  if (c.pageObject && c.extendTest && rng.chance(0.7)) {
    lines.push(`await ${c.entityCamel}Page.open();`);
    lines.push(`await ${c.entityCamel}Page.create("${words(c.entity)} ${rng.int(1, 999)}");`);
    lines.push(`await expect(${c.entityCamel}Page.rows()).toHaveCount(${rng.int(1, 20)});`);
  } else {
    lines.push(`await page.goto("/${c.service}/${plural(c.entity)}${rng.chance(0.3) ? `?status=${rng.pick(STATUSES)}` : ""}");`);
  }
  const steps = rng.int(1, 5);
  const declared = new Set();
  for (let step = 0; step < steps; step++) {
    let shape = rng.weighted([["click", 3], ["fill", 2], ["api", 2], ["assertText", 3], ["download", 1], ["step", 1]]);
    if (declared.has(shape)) {
      shape = "click";
    }
    if (shape === "api" || shape === "download") {
      declared.add(shape);
    }
    if (shape === "click") {
      lines.push(`await page.getByRole("${rng.pick(["button", "link", "tab", "menuitem"])}", { name: "${rng.pick(["Save", "Continue", "Export", "Delete", "Invite", "Upgrade", "Details"])}" }).click();`);
    } else if (shape === "fill") {
      lines.push(`await page.getByLabel("${rng.pick(["Email", "Name", "Amount", "Company", "Coupon code"])}").fill("${rng.pick(["ada@example.com", "Acme Corp", "42.00", "WELCOME10"])}");`);
      lines.push(`await page.keyboard.press("Enter");`);
    } else if (shape === "api") {
      lines.push(`const seeded = await create${c.Entity}(${c.extendTest ? "api" : "request"}, "seed-${rng.int(1, 99999)}");`);
      lines.push(`await page.goto(\`/${c.service}/${plural(c.entity)}/\${seeded.id}\`);`);
      lines.push(`await expect(page).toHaveURL(new RegExp(seeded.id));`);
    } else if (shape === "assertText") {
      lines.push(`await expect(page.getByText("${rng.pick(["Saved", "Invitation sent", "Payment received", "No results", "Export ready", "Access denied"])}")).toBeVisible(${rng.chance(0.3) ? `{ timeout: ${rng.pick([5000, 10000, 15000])} }` : ""});`);
    } else if (shape === "download") {
      lines.push(`const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);`);
      lines.push(`expect(download.suggestedFilename()).toMatch(/\\.(csv|pdf)$/);`);
    } else {
      lines.push(
        [
          `await test.step("${rng.pick(["verify totals", "check audit log", "confirm email banner", "reload and persist"])}", async () => {`,
          `  await page.reload();`,
          `  await expect(page.getByTestId("${c.entity}-summary")).toContainText("${rng.pick(STATUSES)}");`,
          `});`,
        ].join("\n"),
      );
    }
  }
  return lines;
}

/** One request and one assertion: the tests of a validation table written out test by test. */
function tinyTestBody(c) {
  const { rng } = c;
  const field = rng.pick(["amountCents", "currency", "email", "name", "tenantId", "status", "tags", "metadata"]);
  const value = rng.pick(["-1", '""', "null", '"x".repeat(300)', "[]", '{ nested: { deep: true } }', '"not-an-email"', "1e309"]);
  return [
    `const response = await fetch(\`\${server.url}${c.route}\`, { method: "POST", headers: BASE_HEADERS, body: JSON.stringify({ ${field}: ${value} }) });`,
    assertion(c)("response.status", "toBe", String(rng.pick([400, 422]))),
  ];
}

/** Statements of a React Testing Library test over a real API. */
function tsxTestBody(c) {
  const { rng } = c;
  const assert = assertion(c);
  const lines = [];
  lines.push(`const ${c.entityCamel} = await create${c.Entity}(server, { amountCents: ${rng.int(100, 9999)} });`);
  lines.push(`const actor = userEvent.setup();`);
  lines.push(`render(<${c.Entity}Table apiUrl={server.url} pageSize={${rng.pick([10, 20, 50])}} onSelect={(id: string) => void id} />);`);
  lines.push(`const table = await screen.findByRole("table", { name: /${words(plural(c.entity))}/i });`);
  if (rng.chance(0.6)) {
    lines.push(`await actor.click(within(table).getByRole("button", { name: "${rng.pick(["Sort by amount", "Next page", "Refresh"])}" }));`);
  }
  lines.push(`await waitFor(() => ${assert(`within(table).getAllByRole("row").length`, "toBeGreaterThan", "1").slice(0, -1)});`);
  lines.push(assert(`screen.getByText(${c.entityCamel}.id)`, "toBeTruthy", ""));
  if (rng.chance(0.4)) {
    lines.push(...dbCheck(c, `${c.entityCamel}.id`, assert));
  }
  return lines;
}

function testTitle(c) {
  const { rng } = c;
  c.counter += 1;
  const verb = rng.pick(VERBS);
  const tail = rng.weighted([
    [`${words(c.entity)} ${rng.pick(["for a new tenant", "with an idempotency key", "after a retry", "across pages", "for the owner", "in bulk"])}`, 4],
    [`${rng.pick(ADJECTIVES)} ${words(plural(c.entity))}`, 3],
    [`${words(c.entity)} when the ${rng.pick(["cache is cold", "database is under load", "user lacks permission", "payload is ${ADJ}", "tenant is suspended"]).replace("${ADJ}", rng.pick(ADJECTIVES))}`, 3],
  ]);
  return `${verb} ${tail} (#${c.counter})`;
}

/** Where a test's BVJ comes from under this file's mode; the file's describe/module blocks are placed separately. */
function testDoc(w, c) {
  const { rng } = c;
  const own = c.tiny ? rng.chance(0.05) : c.bvjMode === "per-test" ? rng.chance(0.93) : c.bvjMode === "sparse" ? rng.chance(0.35) : rng.chance(0.1);
  if (own) {
    jsdoc(w, rng, { summary: rng.chance(0.4) ? `Checks that the service ${rng.pick(["persists", "rejects", "reconciles", "publishes"])} ${words(plural(c.entity))} end to end.` : null, bvj: true, incomplete: rng.chance(0.1) });
  } else if (rng.chance(0.15)) {
    jsdoc(w, rng, { summary: `Regression test for ${c.service.toUpperCase()}-${rng.int(100, 9999)}.`, bvj: false });
  }
}

/** One `it`/`test` call, possibly `.each`, `.skip`, `.todo` or `.concurrent`. */
function writeTest(w, c) {
  const { rng, t } = c;
  const fn = c.runner === "playwright" || c.useTestFn ? "test" : "it";
  const variant = rng.weighted([["plain", 80], ["each", c.runner === "playwright" ? 0 : 8], ["skip", 3], ["todo", c.runner === "playwright" ? 0 : 2], ["only", 0], ["concurrent", c.runner === "vitest" ? 3 : 0], ["fixme", c.runner === "playwright" ? 3 : 0], ["tagged", c.runner === "vitest" || c.runner === "jest" ? 2 : 0]]);
  testDoc(w, c);
  const title = testTitle(c);
  if (variant === "todo") {
    w.line(`${fn}.todo(${JSON.stringify(title)});`);
    w.line();
    return 2;
  }
  const mocked = c.mocks.length > 0 && c.mocks.some((m) => m !== "route") && rng.chance(0.5);
  const assertViaHelper = c.assertionHelpers && rng.chance(0.3);

  if (c.runner === "playwright") {
    const fixtures = c.extendTest ? `{ page, api${c.pageObject ? `, ${c.entityCamel}Page` : ""} }` : `{ page, request }`;
    const head = variant === "skip" ? `${fn}.skip` : variant === "fixme" ? `${fn}.fixme` : fn;
    w.open(`${head}(${JSON.stringify(title)}, async (${fixtures}) => {`);
    if (c.mocks.includes("route") && rng.chance(0.4)) {
      w.line(`await page.route("**/api/feature-flags", (route) => route.fulfill({ json: { newCheckout: true } }));`);
    }
    w.block(e2eTestBody(c));
    w.close("});");
    w.line();
    return 0;
  }

  const body = c.tiny ? tinyTestBody(c) : c.kind === "tsx" ? tsxTestBody(c) : apiTestBody(c, { mocked, assertViaHelper });
  if (variant === "each") {
    const rows = rng.int(2, 6);
    if (rng.chance(0.3) && c.runner !== "testdeck") {
      // Tagged-template table.
      w.line(`${fn}.each\``);
      w.line(`  status | amountCents | expected`);
      for (let i = 0; i < rows; i++) {
        w.line(`  \${"${rng.pick(STATUSES)}"} | \${${rng.int(0, 99999)}} | \${${rng.int(200, 422)}}`);
      }
      w.open(`\`("$status with $amountCents → $expected", async ({ status, amountCents, expected }) => {`);
    } else {
      const typeArg = c.ts && rng.chance(0.5) ? `<{ status: ${c.Entity}State | string; amountCents: number; expected: number }>` : "";
      w.open(`${fn}.each${typeArg}([`);
      for (let i = 0; i < rows; i++) {
        w.line(`{ status: "${rng.pick(STATUSES)}", amountCents: ${rng.int(0, 99999)}, expected: ${rng.pick([200, 201, 400, 409, 422])} },`);
      }
      w.close(`])("${title} for $status", async ({ status, amountCents, expected }) => {`);
      w.depth += 1;
    }
    w.line(`const response = await fetch(\`\${server.url}${c.route}\`, { method: "POST", headers: BASE_HEADERS, body: JSON.stringify({ status, amountCents }) });`);
    w.line(assertion(c)("response.status", "toBe", "expected"));
    w.block(c.tiny ? [] : body.slice(0, rng.int(0, body.length)));
    w.close("});");
    w.line();
    return 0;
  }
  const head = variant === "skip" ? `${fn}.skip` : variant === "concurrent" ? `${fn}.concurrent` : fn;
  const timeout = rng.chance(0.15) ? `, ${rng.pick([10000, 15000, 30000, 60000])}` : "";
  const tagged = variant === "tagged" && c.runner === "vitest" ? `, { retry: ${rng.int(1, 3)} }` : "";
  if (tagged) {
    w.open(`${head}(${JSON.stringify(title)}${tagged}, async () => {`);
  } else {
    w.open(`${head}(${JSON.stringify(title)}, async ()${t(": Promise<void>")} => {`);
  }
  if (rng.chance(0.15)) {
    w.open("try {");
    w.block(body);
    w.close("} finally {");
    w.depth += 1;
    w.line(`await truncateAll(db, ["${c.table}"]);`);
    w.close("}");
  } else {
    w.block(body);
  }
  w.close(timeout ? `}${timeout});` : "});");
  w.line();
  return 0;
}

/** A describe block with hooks (top level only), tests and maybe nested describes, until `budget` lines are used. */
function writeDescribe(w, c, { title, top, budget }) {
  const { rng } = c;
  const start = w.count;
  if (c.tiny || c.bvjMode === "per-describe" || (c.bvjMode === "sparse" && rng.chance(0.3))) {
    jsdoc(w, rng, { summary: null, bvj: true, incomplete: rng.chance(0.1) });
  }
  const describe = c.runner === "playwright" ? "test.describe" : "describe";
  const each = top && c.runner !== "playwright" && rng.chance(0.05);
  if (each) {
    w.open(`${describe}.each([${rng.sample(["\"eu\"", "\"us\"", "\"apac\""], 2).join(", ")}])("${title} in %s", (region${c.t(": string")}) => {`);
  } else {
    w.open(`${describe}(${JSON.stringify(title)}, () => {`);
  }
  if (top && c.runner === "playwright") {
    if (rng.chance(0.3)) w.line(`test.describe.configure({ mode: "${rng.pick(["serial", "parallel"])}" });`);
    if (rng.chance(0.6)) {
      w.open(`test.beforeEach(async ({ page }) => {`);
      w.line(`await page.context().clearCookies();`);
      w.close("});");
      w.line();
    }
  } else if (top) {
    writeHooks(w, c);
  }
  let tests = 0;
  do {
    if (!top || rng.chance(0.85) || w.count - start < 20) {
      writeTest(w, c);
      tests += 1;
    } else {
      const inner = `when ${rng.pick(["the tenant is on the free plan", "the request is retried", "the payload is large", "the user is an admin", "the upstream is slow", "a webhook is registered"])}`;
      writeDescribe(w, c, { title: inner, top: false, budget: Math.min(budget - (w.count - start), rng.int(30, 90)) });
    }
  } while (w.count - start < budget - 2 && tests < (c.tiny ? 80 : 60));
  w.close("});");
  return w.count - start;
}

/** A testdeck `@suite` class. */
function writeClassSuite(w, c, budget) {
  const { rng, t } = c;
  const start = w.count;
  const name = `${c.Entity}${rng.pick(["ApiSuite", "IntegrationTests", "FlowSuite", "Tests"])}`;
  if (c.bvjMode !== "sparse") {
    jsdoc(w, rng, { summary: `${pascal(c.service)} ${words(plural(c.entity))} through the public API.`, bvj: c.bvjMode !== "per-test" || rng.chance(0.3), incomplete: rng.chance(0.1) });
  }
  const extendsClause = c.classBase === "none" ? "" : ` extends ${c.classBase}`;
  w.line(rng.chance(0.3) ? `@suite(timeout(${rng.pick([20000, 60000])}))` : "@suite");
  w.open(`${rng.chance(0.5) ? "export " : ""}class ${name}${extendsClause} {`);
  w.line(`private server!: TestServer;`);
  w.line(`private db!: Pool;`);
  if (c.mocks.includes("sinon")) w.line(`private readonly sandbox = sinon.createSandbox();`);
  w.line();
  w.open(`async before(): Promise<void> {`);
  w.line(`this.db = new Pool({ connectionString: process.env.DATABASE_URL });`);
  w.line(`this.server = await startTestServer({ service: "${c.service}", database: process.env.DATABASE_URL });`);
  w.line(`await truncateAll(this.db, ["${c.table}"]);`);
  w.close("}");
  w.line();
  w.open(`async after(): Promise<void> {`);
  if (c.mocks.includes("sinon")) w.line(`this.sandbox.restore();`);
  w.line(`await this.server.close();`);
  w.line(`await this.db.end();`);
  w.close("}");
  w.line();
  const savedDb = c.db;
  c.db = "pg";
  let count = 0;
  while (w.count - start < budget - 2 && count < 40) {
    count += 1;
    testDoc(w, c);
    const decorator = rng.weighted([["@test", 8], ["@test.skip", 1], [`@test(timeout(${rng.pick([5000, 15000])}))`, 1]]);
    w.line(decorator);
    const method = rng.chance(0.5) ? JSON.stringify(testTitle(c)) : `${camel(rng.pick(VERBS))}${c.Entity}${pascal(rng.pick(ADJECTIVES))}${count}`;
    w.open(`async ${method}()${t(": Promise<void>")} {`);
    const body = apiTestBody(c, { mocked: c.mocks.length > 0 && rng.chance(0.4), assertViaHelper: false }).map((line) =>
      line.replace(/\bdb\.query/gu, "this.db.query").replace(/\bsandbox\./gu, "this.sandbox."),
    );
    w.block(body);
    w.close("}");
    w.line();
  }
  c.db = savedDb;
  w.close("}");
}

function generateFile(rng, plan) {
  const c = makeContext(rng, plan);
  if (c.runner === "playwright") {
    c.extendTest = rng.chance(0.45);
  }
  // `test(...)` rather than `it(...)`: a matter of taste in Vitest and Jest.
  c.useTestFn = (c.runner === "vitest" || c.runner === "jest") && rng.chance(0.25);
  // About 1 file in 60 is a validation suite of many one-line tests: the files past max-tests-per-file's 50.
  c.tiny = (c.kind === "ts" || c.kind === "spec") && rng.chance(1 / 60);
  const target = c.tiny ? rng.int(420, 600) : targetLines(rng);
  // Short files import their factory instead of defining it, and skip local types and extra hooks.
  c.minimal = !c.tiny && c.kind !== "class" && target < 70;
  if (c.minimal) {
    c.extendTest = false;
  }
  const w = new Writer();
  // The class suites' helpers need a Pool even if the file drew another database.
  if (c.kind === "class") {
    c.db = "pg";
  }
  writeHeader(w, c);
  if (c.kind === "class") {
    writeClassSuite(w, c, Math.max(target - w.count, 30));
  } else {
    const describes = target > 300 && rng.chance(0.4) ? 2 : 1;
    for (let i = 0; i < describes; i++) {
      const remaining = target - w.count;
      const title = i === 0 ? `${c.service}: ${words(plural(c.entity))}` : `${c.service}: ${words(plural(c.entity))} ${rng.pick(["admin API", "bulk operations", "reporting", "webhooks"])}`;
      writeDescribe(w, c, { title, top: true, budget: describes === 1 ? Math.max(remaining, 12) : Math.max(Math.floor(remaining / (describes - i)), 12) });
      if (i < describes - 1) w.line();
    }
  }
  return w.toString();
}

// ---------------------------------------------------------------------------------------------------
// Support files (imported by the suites; not test files, so no benchmark config lints them).

const SUPPORT_FILES = {
  "integration/support/server.ts": `import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  app: Server;
  adminToken: string;
  mailer: { send(message: unknown): Promise<void> };
  close(): Promise<void>;
}

/** Starts the service under test in-process against the real database. */
export async function startTestServer(options: { service: string; database?: string }): Promise<TestServer> {
  const { createApp } = await import(\`../../src/\${options.service}/app.js\`);
  const app: Server = createServer(await createApp({ databaseUrl: options.database }));
  await new Promise<void>((resolve) => app.listen(0, resolve));
  const { port } = app.address() as AddressInfo;
  return {
    url: \`http://127.0.0.1:\${port}\`,
    app,
    adminToken: process.env.ADMIN_TOKEN ?? "test-admin",
    mailer: { send: async () => undefined },
    close: () => new Promise((resolve, reject) => app.close((error) => (error ? reject(error) : resolve()))),
  };
}
`,
  "integration/support/seed.ts": `/** Seeding and cleanup against the real database. */
export async function truncateAll(db: { query(sql: string): Promise<unknown> }, tables: string[]): Promise<void> {
  await db.query(\`TRUNCATE \${tables.map((table) => \`"\${table}"\`).join(", ")} RESTART IDENTITY CASCADE\`);
}

type Seeder = (db: unknown, options: { count: number; tenantId: string }) => Promise<void>;

const seedRows =
  (table: string): Seeder =>
  async (db, options) => {
    const client = db as { query(sql: string, values: unknown[]): Promise<unknown> };
    for (let index = 0; index < options.count; index++) {
      await client.query(\`INSERT INTO "\${table}" (tenant_id, status, amount_cents) VALUES ($1, 'active', $2)\`, [options.tenantId, 100 * (index + 1)]);
    }
  };

${Object.values(SERVICES)
  .flat()
  .map((entity) => `export const seed${pascal(entity)} = seedRows("${snake(plural(entity))}");`)
  .join("\n")}
`,
  "integration/support/assertions.ts": `/** Assertion helpers: they throw, so tests that use only them assert nothing visible to a linter. */
export async function assertEventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition not met in time");
}

export async function assertProblemResponse(response: Response, expected: { status: number; type: string }): Promise<void> {
  if (response.status !== expected.status) {
    throw new Error(\`expected \${expected.status}, got \${response.status}\`);
  }
  const body = (await response.json()) as { type?: string };
  if (!body.type?.endsWith(expected.type)) {
    throw new Error(\`expected problem type \${expected.type}, got \${body.type}\`);
  }
}
`,
  "integration/support/factories.ts": `/** Factories for the short suites: each creates one resource through the real API. */
type Server = { url: string; adminToken: string };

const factory =
  (route: string) =>
  async (server: Server, input: Record<string, unknown> = {}): Promise<{ id: string; amountCents: number; createdAt: string }> => {
    const response = await fetch(\`\${server.url}\${route}\`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: \`Bearer \${server.adminToken}\` },
      body: JSON.stringify({ amountCents: 1000, ...input }),
    });
    if (!response.ok) {
      throw new Error(\`POST \${route} failed: \${response.status}\`);
    }
    return (await response.json()) as { id: string; amountCents: number; createdAt: string };
  };

${Object.entries(SERVICES)
  .flatMap(([service, entities]) => entities.map((entity) => `export const create${pascal(entity)} = factory("/api/${service}/${plural(entity)}");`))
  .join("\n")}
`,
  "e2e/support/factories.ts": `import type { APIRequestContext } from "@playwright/test";

const factory =
  (route: string) =>
  async (request: APIRequestContext, name: string): Promise<{ id: string }> => {
    const response = await request.post(route, { data: { name } });
    if (!response.ok()) {
      throw new Error(\`seeding \${route} failed: \${response.status()}\`);
    }
    return (await response.json()) as { id: string };
  };

${Object.entries(SERVICES)
  .flatMap(([service, entities]) => entities.map((entity) => `export const create${pascal(entity)} = factory("/api/${service}/${plural(entity)}");`))
  .join("\n")}
`,
  "integration/support/integration-suite.ts": `import { BaseTestCase } from "@acme/test-framework/ssot";

/** The base every class-based integration suite extends. */
export abstract class IntegrationSuite extends BaseTestCase {
  protected readonly tenantId = \`tenant-\${process.pid}\`;
}
`,
  "e2e/support/auth.ts": `import type { Page } from "@playwright/test";

export const testUsers = {
  admin: { email: "admin@example.com", password: process.env.E2E_PASSWORD ?? "" },
  owner: { email: "owner@example.com", password: process.env.E2E_PASSWORD ?? "" },
  member: { email: "member@example.com", password: process.env.E2E_PASSWORD ?? "" },
  billingManager: { email: "billing@example.com", password: process.env.E2E_PASSWORD ?? "" },
  viewer: { email: "viewer@example.com", password: process.env.E2E_PASSWORD ?? "" },
} as const;

export async function signInAs(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
`,
};

// ---------------------------------------------------------------------------------------------------
// The corpus.

/**
 * Writes the corpus into `outDir` (created if missing; it must be empty). Returns the test files
 * written (relative paths, sorted), their total lines and bytes.
 */
export function generateJsCorpus(outDir, { seed = DEFAULT_SEED, files = DEFAULT_FILES } = {}) {
  const root = resolve(outDir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    throw new Error(`${root} is not empty: the corpus generator writes only into an empty or new folder.`);
  }
  const used = new Set();
  const written = [];
  let lines = 0;
  let bytes = 0;
  const write = (relative, text) => {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const [relative, text] of Object.entries(SUPPORT_FILES)) {
    write(relative, text);
  }
  for (let index = 0; index < files; index++) {
    // Each file draws from its own stream, so one file's changes do not reshuffle the rest.
    const fileRng = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const kind = fileRng.weighted([["ts", 57], ["spec", 12], ["js", 9], ["tsx", 5], ["class", 5], ["e2e", 12]]);
    const service = fileRng.pick(SERVICE_NAMES);
    const entity = fileRng.pick(SERVICES[service]);
    let relative;
    for (let attempt = 0; ; attempt++) {
      const suffix = attempt === 0 ? "" : `-${attempt + 1}`;
      if (kind === "e2e") {
        relative = `e2e/${fileRng.pick(E2E_FLOWS)}-${entity}${suffix}.spec.ts`;
      } else {
        const extension = { ts: "test.ts", class: "test.ts", spec: "spec.ts", js: "test.js", tsx: "test.tsx" }[kind];
        relative = `integration/${service}/${entity}-${fileRng.pick(ASPECTS)}${suffix}.${extension}`;
      }
      if (!used.has(relative)) {
        break;
      }
    }
    used.add(relative);
    const text = generateFile(fileRng, { kind, service, entity, path: relative });
    write(relative, text);
    written.push(relative);
    bytes += Buffer.byteLength(text);
    lines += text.split("\n").length - 1;
  }
  return { files: written.sort(), lines, bytes };
}

// ---------------------------------------------------------------------------------------------------
// CLI.

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let outDir = null;
  let seed = DEFAULT_SEED;
  let files = DEFAULT_FILES;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--seed") {
      seed = Number(args[++i]);
    } else if (arg === "--files") {
      files = Number(args[++i]);
    } else if (arg === "--help" || arg === "-h") {
      console.log("usage: node bench/generate-js-corpus.mjs <empty-or-new-dir> [--seed N] [--files N]");
      process.exit(0);
    } else if (outDir === null && !arg.startsWith("--")) {
      outDir = arg;
    } else {
      console.error(`Unknown argument ${JSON.stringify(arg)}.`);
      process.exit(2);
    }
  }
  if (outDir === null || !Number.isInteger(seed) || !Number.isInteger(files) || files < 1) {
    console.error("usage: node bench/generate-js-corpus.mjs <empty-or-new-dir> [--seed N] [--files N]");
    process.exit(2);
  }
  try {
    const result = generateJsCorpus(outDir, { seed, files });
    console.log(`${result.files.length} test files, ${result.lines.toLocaleString("en-US")} lines, ${(result.bytes / 1e6).toFixed(1)} MB in ${resolve(outDir)} (seed ${seed})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
