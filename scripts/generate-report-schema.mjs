#!/usr/bin/env node
/**
 * Writes the policy lists of docs/schema/audit-report.schema.json from the policy registry (the keys
 * every verdict, exemption flag and total carries) and the schema version from the audit's, so the
 * schema cannot fall behind a new policy. `--check` writes nothing and exits 1 when the file differs.
 * Run after `npm run build` (it reads dist/); `npm run docs:generate` does both.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AUDIT_SCHEMA_VERSION } from "../dist/src/audit/report-types.js";
import { POLICIES } from "../dist/src/policies/registry.js";

const SCHEMA = fileURLToPath(new URL("../docs/schema/audit-report.schema.json", import.meta.url));

/** An object schema with one required property per policy, each of `value`. */
function perPolicy(description, value) {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: POLICIES.map((policy) => policy.key),
    additionalProperties: false,
    properties: Object.fromEntries(POLICIES.map((policy) => [policy.key, value])),
  };
}

export function generatedSchema(text) {
  const schema = JSON.parse(text);
  schema.title = `testaudit audit report, schema version ${AUDIT_SCHEMA_VERSION}`;
  schema.properties.schemaVersion = { const: AUDIT_SCHEMA_VERSION };
  schema.$defs.policyKey = { enum: POLICIES.map((policy) => policy.key), description: "A policy of the registry, by its key." };
  schema.$defs.verdicts = perPolicy(schema.$defs.verdicts.description, { $ref: "#/$defs/verdict" });
  schema.$defs.policyFlags = perPolicy(schema.$defs.policyFlags.description, { type: "boolean" });
  schema.$defs.totals.properties.policies = perPolicy(schema.$defs.totals.properties.policies.description, { $ref: "#/$defs/policyTotals" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const current = readFileSync(SCHEMA, "utf8");
const generated = generatedSchema(current);
if (process.argv.includes("--check")) {
  if (generated !== current) {
    console.error("docs/schema/audit-report.schema.json is behind the policy registry: run npm run docs:generate");
    process.exit(1);
  }
} else if (generated !== current) {
  writeFileSync(SCHEMA, generated);
}
