/**
 * Summarizes a V8 .cpuprofile: top self-time functions overall and in this project's dist/ code.
 * usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [count]
 */
import { readFileSync } from "node:fs";

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [count]");
  process.exit(2);
}
const count = Number(countArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const deltas = profile.timeDeltas;
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

// Total (inclusive) time per node, via parent links.
const parentOf = new Map();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}
const key = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${url.replace(/^file:\/\//u, "").replace(/^.*\/work\/main\//u, "")}:${lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  self.set(key(node), (self.get(key(node)) ?? 0) + us);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    const k = key(byId.get(current));
    if (!seen.has(k)) {
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
}
const show = (title, map, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].filter(([name]) => filter(name)).sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`total sampled: ${(total / 1e6).toFixed(2)} s`);
show("top self time", self);
const ours = (name) => / dist\/(src|lib|parsers)\//u.test(name);
show("top self time in our code (dist/src, dist/lib, dist/parsers)", self, ours);
show("top inclusive time in our code", inclusive, ours);
