/**
 * A minimal, safe reader of JUnit XML as pytest (`--junitxml`), Vitest's and Jest's junit reporters
 * write it: each <testcase> with its name, class name, file and time, and its outcome from a
 * <failure>, <error> or <skipped> child. Everything else (text, system-out, properties) is skipped.
 *
 * Why not an XML library: this needs a few elements and attributes, and a reader that never expands
 * an entity cannot be made to (a "billion laughs" file). A document type declaration is refused
 * outright: JUnit files have none. Only the five predefined entities and character references are
 * decoded, in attribute values. One pass over the text, no regular expression over it: linear time.
 */

export type Outcome = "passed" | "failed" | "error" | "skipped";

export interface JUnitCase {
  name: string;
  classname: string;
  /** The testcase's `file` attribute, else its nearest testsuite's. */
  file: string | null;
  /** The name of the nearest enclosing testsuite. */
  suite: string | null;
  /** Seconds. */
  time: number;
  outcome: Outcome;
}

/** The file is not JUnit XML this reader accepts. */
export class JUnitError extends Error {}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (!value.includes("&")) {
    return value;
  }
  let out = "";
  let index = 0;
  while (index < value.length) {
    const amp = value.indexOf("&", index);
    if (amp < 0) {
      out += value.slice(index);
      break;
    }
    out += value.slice(index, amp);
    const semi = value.indexOf(";", amp);
    const name = semi < 0 || semi - amp > 12 ? null : value.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (name?.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      decoded = Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    } else if (name !== null) {
      decoded = PREDEFINED[name];
    }
    if (decoded === undefined) {
      out += "&"; // an unknown entity stays as written: it is never expanded
      index = amp + 1;
    } else {
      out += decoded;
      index = semi + 1;
    }
  }
  return out;
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45 || code === 46;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

/** The start tag at `start` ("<testcase name='a' time='1'/>"). */
function readTag(xml: string, start: number, where: string): Tag {
  let index = start + 1;
  const nameStart = index;
  while (index < xml.length && isNameChar(xml.charCodeAt(index))) {
    index += 1;
  }
  const name = xml.slice(nameStart, index);
  if (name === "") {
    throw new JUnitError(`${where}: malformed tag at character ${start}`);
  }
  const attributes = new Map<string, string>();
  for (;;) {
    while (index < xml.length && isSpace(xml.charCodeAt(index))) {
      index += 1;
    }
    if (xml.startsWith("/>", index)) {
      return { name, attributes, selfClosing: true, end: index + 2 };
    }
    if (xml[index] === ">") {
      return { name, attributes, selfClosing: false, end: index + 1 };
    }
    const attributeStart = index;
    while (index < xml.length && isNameChar(xml.charCodeAt(index))) {
      index += 1;
    }
    const attribute = xml.slice(attributeStart, index);
    while (index < xml.length && isSpace(xml.charCodeAt(index))) {
      index += 1;
    }
    const quote = xml[index + 1];
    if (attribute === "" || xml[index] !== "=" || (quote !== '"' && quote !== "'")) {
      throw new JUnitError(`${where}: malformed attribute in <${name}> at character ${index}`);
    }
    const close = xml.indexOf(quote, index + 2);
    if (close < 0) {
      throw new JUnitError(`${where}: unterminated attribute in <${name}>`);
    }
    attributes.set(attribute, decodeEntities(xml.slice(index + 2, close)));
    index = close + 1;
  }
}

/** The index after the `terminator` that ends a construct opened at `start`. */
function skipPast(xml: string, start: number, terminator: string, where: string, what: string): number {
  const end = xml.indexOf(terminator, start);
  if (end < 0) {
    throw new JUnitError(`${where}: unterminated ${what}`);
  }
  return end + terminator.length;
}

/** The test cases of a JUnit XML document. `where` names it in error messages. */
export function readJUnit(xml: string, where: string): JUnitCase[] {
  const cases: JUnitCase[] = [];
  const suites: { name: string | null; file: string | null }[] = [];
  const open: string[] = [];
  let current: JUnitCase | null = null;
  let sawTestsuite = false;
  let index = 0;
  while (index < xml.length) {
    const lt = xml.indexOf("<", index);
    if (lt < 0) {
      break;
    }
    if (xml.startsWith("<?", lt)) {
      index = skipPast(xml, lt, "?>", where, "processing instruction");
    } else if (xml.startsWith("<!--", lt)) {
      index = skipPast(xml, lt, "-->", where, "comment");
    } else if (xml.startsWith("<![CDATA[", lt)) {
      index = skipPast(xml, lt, "]]>", where, "CDATA section");
    } else if (xml.startsWith("<!", lt)) {
      throw new JUnitError(`${where}: has a document type declaration; JUnit XML has none, and testaudit reads no DTD (so no entity is ever expanded).`);
    } else if (xml[lt + 1] === "/") {
      const end = skipPast(xml, lt, ">", where, "end tag");
      const name = xml.slice(lt + 2, end - 1).trim();
      if (open.pop() !== name) {
        throw new JUnitError(`${where}: </${name}> does not close the element open there`);
      }
      if (name === "testcase") {
        current = null;
      } else if (name === "testsuite") {
        suites.pop();
      }
      index = end;
    } else {
      const tag = readTag(xml, lt, where);
      if (tag.name === "testsuite") {
        sawTestsuite = true;
        if (!tag.selfClosing) {
          suites.push({ name: tag.attributes.get("name") ?? null, file: tag.attributes.get("file") ?? tag.attributes.get("filepath") ?? null });
        }
      } else if (tag.name === "testcase") {
        const suite = suites[suites.length - 1];
        const time = Number(tag.attributes.get("time") ?? "0");
        const testCase: JUnitCase = {
          name: tag.attributes.get("name") ?? "",
          classname: tag.attributes.get("classname") ?? "",
          file: tag.attributes.get("file") ?? suite?.file ?? null,
          suite: suite?.name ?? null,
          time: Number.isFinite(time) ? time : 0,
          outcome: "passed",
        };
        cases.push(testCase);
        current = tag.selfClosing ? null : testCase;
      } else if (current !== null && (tag.name === "failure" || tag.name === "error" || tag.name === "skipped")) {
        // An error outranks a failure, and both outrank a skip (pytest reports a failing teardown after a pass).
        const rank: Record<Outcome, number> = { passed: 0, skipped: 1, failed: 2, error: 3 };
        const outcome: Outcome = tag.name === "failure" ? "failed" : tag.name;
        if (rank[outcome] > rank[current.outcome]) {
          current.outcome = outcome;
        }
      }
      if (!tag.selfClosing) {
        open.push(tag.name);
      }
      index = tag.end;
    }
  }
  if (open.length > 0) {
    throw new JUnitError(`${where}: <${open[open.length - 1]!}> is never closed`);
  }
  if (!sawTestsuite) {
    throw new JUnitError(`${where}: no <testsuite> element; is this JUnit XML?`);
  }
  return cases;
}
