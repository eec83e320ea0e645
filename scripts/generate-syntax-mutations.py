"""Writes test/fixtures/syntax-errors/mutations.json: single-edit mutations of real Python files.

Each recipe names a source file (CPython's installed test suite, or this repository's examples/), a
byte offset, the bytes removed there and the bytes inserted. The test applies them to the installed
files and labels the results with python3 itself, so only the recipes live in the repository.

Deterministic: the same seed and the same installed files give the same recipes.
Usage: python3 scripts/generate-syntax-mutations.py [COUNT_PER_KIND]
"""
import glob
import io
import json
import os
import random
import sys
import tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240611
HEADER_KEYWORDS = ("if", "elif", "else", "for", "while", "def", "class", "with", "try", "except", "finally", "async")


def sources():
    cpython = sorted(glob.glob("/usr/lib/python3.11/test/test_*.py"))
    examples = sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.py"), recursive=True))
    return cpython, examples


def tokens_of(text):
    return list(tokenize.generate_tokens(io.StringIO(text).readline))


def byte_offset(text, lines, row, col):
    """Byte offset of (1-based row, 0-based character column)."""
    return len("".join(lines[: row - 1]).encode()) + len(lines[row - 1][:col].encode())


def candidates(text):
    """(kind, char row, char col, removed text, inserted text) for every mutation this file allows."""
    lines = text.splitlines(keepends=True)
    found = []
    tokens = tokens_of(text)
    for index, token in enumerate(tokens):
        kind, string, (row, col), _, line = token
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if kind == tokenize.OP and string == ":" and following and following.type in (tokenize.NEWLINE, tokenize.COMMENT):
            if line.lstrip().split(" ")[0].rstrip(":") in HEADER_KEYWORDS:
                found.append(("delete-colon", row, col, ":", ""))
        if kind == tokenize.OP and string in ")]}":
            found.append(("delete-closing-bracket", row, col, string, ""))
            found.append(("swap-closing-bracket", row, col, string, {")": "]", "]": "}", "}": ")"}[string]))
        if kind == tokenize.OP and string in "([{":
            found.append(("delete-opening-bracket", row, col, string, ""))
        if kind == tokenize.OP and string == "," and following and following.type == tokenize.NAME and following.start[0] == row:
            found.append(("delete-comma", row, col, ",", ""))
        if kind == tokenize.STRING and string[-1] in "'\"" and "\n" not in string:
            found.append(("delete-closing-quote", row, col + len(string) - 1, string[-1], ""))
        if kind == tokenize.NAME and string in ("in", "import", "def", "as", "else", "return", "lambda"):
            found.append(("delete-keyword", row, col, string + " ", ""))
        if kind == tokenize.NAME and index > 0 and tokens[index - 1].type == tokenize.INDENT:
            found.append(("extra-indent", row, 0, "", "  "))
            if col >= 4:
                found.append(("bad-dedent", row, col - 2, "  ", ""))
        if kind == tokenize.NAME and string == "except" and col == len(line) - len(line.lstrip()):
            end = row
            while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > col):
                end += 1
            removed = "".join(lines[row - 1 : end])
            found.append(("delete-except-clause", row, 0, removed, ""))
        if kind == tokenize.NAME and string == "finally" and col == len(line) - len(line.lstrip()):
            end = row
            while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > col):
                end += 1
            found.append(("delete-finally-clause", row, 0, "".join(lines[row - 1 : end]), ""))
        if kind == tokenize.OP and string == "=" and following and following.start[0] == row:
            found.append(("stray-character", row, col, "", "$ "))
        if kind == tokenize.NEWLINE and index > 0 and tokens[index - 1].type == tokenize.NAME:
            found.append(("unterminated-string", row, col, "", " 'x"))
    return found, lines


def text_at(option):
    """The text a candidate would remove, as the file has it there."""
    _, row, col, removed, _, lines, _ = option
    return lines[row - 1][col : col + len(removed)] if "\n" not in removed else removed


def main():
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rng = random.Random(SEED)
    cpython, examples = sources()
    by_kind = {}
    for path in cpython + examples:
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            found, lines = candidates(text)
        except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
            continue
        for kind, row, col, removed, inserted in found:
            by_kind.setdefault(kind, []).append((path, row, col, removed, inserted, lines, text))
    recipes = []
    for kind in sorted(by_kind):
        options = by_kind[kind]
        # Half from the repository's examples where it has them, so our own test style is covered too.
        ours = [option for option in options if option[0].startswith(ROOT)]
        theirs = [option for option in options if not option[0].startswith(ROOT)]
        matching = lambda option: text_at(option) == option[3]
        ours = [option for option in ours if matching(option)]
        theirs = [option for option in theirs if matching(option)]
        picked = rng.sample(ours, min(len(ours), per_kind // 3)) + rng.sample(theirs, min(len(theirs), per_kind - min(len(ours), per_kind // 3)))
        for path, row, col, removed, inserted, lines, text in picked:
            offset = byte_offset(text, lines, row, col)
            source = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
            recipes.append({"kind": kind, "source": source, "offset": offset, "remove": removed, "insert": inserted})
    recipes.sort(key=lambda recipe: (recipe["kind"], recipe["source"], recipe["offset"]))
    out = os.path.join(ROOT, "test", "fixtures", "syntax-errors", "mutations.json")
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"seed": SEED, "generator": "scripts/generate-syntax-mutations.py", "recipes": recipes}, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print(f"{len(recipes)} recipes in {out}")


main()
