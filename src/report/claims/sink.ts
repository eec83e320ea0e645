/** Where the matchers put their claims: each claim once, put back in reading order at the end. */
import type { Claim, ClaimKind } from "./claim.js";
import type { Line } from "./line.js";

interface Pending {
  claim: Claim;
  /** Token (or table column) index of the number within its line: claims come out in reading order. */
  pos: number;
  seq: number;
}

/** The optional fields of a claim; undefined ones are left off the claim. */
type ClaimDetails = Pick<Claim, "file" | "limit" | "total" | "baseClass" | "identifier" | "of" | "scope">;

const DETAIL_KEYS = ["file", "limit", "total", "baseClass", "identifier", "of", "scope"] as const;

export class Sink {
  private readonly items: Pending[] = [];
  private readonly seen = new Set<string>();
  private readonly lines = new Set<number>();
  /** The scope of the line being read: "changed" when it speaks of new, added or proposed tests. */
  scope: Claim["scope"] = undefined;

  add(line: Line, pos: number, kind: ClaimKind, stated: number, approximate: boolean, details: ClaimDetails = {}): void {
    const key = `${kind}\u0000${line.no}\u0000${details.file ?? ""}\u0000${stated}\u0000${details.limit ?? ""}\u0000${details.total ?? ""}\u0000${details.identifier ?? ""}\u0000${details.of ?? ""}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);
    this.lines.add(line.no);
    const claim: Claim = { kind, line: line.no, text: line.text, stated, approximate };
    const withScope: ClaimDetails = { scope: this.scope, ...details };
    for (const key of DETAIL_KEYS) {
      if (withScope[key] !== undefined) {
        Object.assign(claim, { [key]: withScope[key] });
      }
    }
    this.items.push({ claim, pos, seq: this.items.length });
  }

  /** Whether line `line` already has a claim of this kind about this file (claims of a line are added together). */
  has(line: number, kind: ClaimKind, file: string | undefined): boolean {
    for (let i = this.items.length - 1; i >= 0; i -= 1) {
      const c = this.items[i]!.claim;
      if (c.line !== line) {
        return false;
      }
      if (c.kind === kind && c.file === file) {
        return true;
      }
    }
    return false;
  }

  /** Whether any claim was read from line `line`. */
  claimedLine(line: number): boolean {
    return this.lines.has(line);
  }

  /** The claims in the order the report makes them. */
  claims(): Claim[] {
    const items = this.items.slice();
    items.sort((x, y) => x.claim.line - y.claim.line || x.pos - y.pos || x.seq - y.seq);
    return items.map((p) => p.claim);
  }
}
