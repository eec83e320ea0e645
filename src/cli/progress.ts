/**
 * The audit's progress for a person at a terminal: one line on stderr, `[#####---------------] 123/770 files 2.4s`.
 * A short run shows nothing, redraws are throttled, and the line is erased when the audit ends so the
 * report and any message that follows start on a clean line.
 */
import type { AuditProgress } from "../audit/run-audit.js";

/** A run that ends sooner shows no bar: a single flashing frame is noise, not progress. */
const SHOW_AFTER_MS = 400;
/** Each redraw is a synchronous write to the terminal on the thread that lints, so keep them rare. */
const REDRAW_EVERY_MS = 100;
const BAR_CELLS = 20;
/** ANSI "erase to the end of the line": clears what a longer earlier frame left behind. */
const ERASE_TO_END = "\u001B[K";

export interface ProgressBar extends AuditProgress {
  /** Erases the bar if it was drawn; later calls draw nothing. */
  finish(): void;
}

interface Terminal {
  isTTY?: boolean;
  /** 0 or undefined where the terminal did not say (e.g. under `script` without a terminal on stdin). */
  columns?: number;
  write(text: string): boolean;
}

function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)}s`;
  }
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}

/** The text of one frame, cut to the terminal's width so it never wraps (a wrapped line cannot be erased with `\r`). */
function progressLine(done: number, total: number, elapsedMs: number, columns: number): string {
  // The count can pass the total when ESLint and the up-front count disagree on a file; the bar must not overflow.
  const shown = Math.min(done, total);
  const filled = total === 0 ? BAR_CELLS : Math.floor((shown / total) * BAR_CELLS);
  const line = `[${"#".repeat(filled)}${"-".repeat(BAR_CELLS - filled)}] ${shown}/${total} files ${formatElapsed(elapsedMs)}`;
  return line.slice(0, Math.max(columns - 1, 0));
}

class TerminalProgressBar implements ProgressBar {
  readonly #terminal: Terminal;
  readonly #startedAt = performance.now();
  #total: number | undefined;
  #done = 0;
  #drawnAt: number | undefined;
  #finished = false;

  constructor(terminal: Terminal) {
    this.#terminal = terminal;
  }

  start(totalFiles: number): void {
    this.#total = totalFiles;
    this.#draw();
  }

  fileAudited(): void {
    this.#done += 1;
    this.#draw();
  }

  finish(): void {
    if (this.#drawnAt !== undefined && !this.#finished) {
      this.#terminal.write(`\r${ERASE_TO_END}`);
    }
    this.#finished = true;
  }

  // Drawn from the per-file ticks rather than a timer: ESLint lints file after file without yielding to timers.
  #draw(): void {
    if (this.#finished || this.#total === undefined) {
      return;
    }
    const now = performance.now();
    if (now - this.#startedAt < SHOW_AFTER_MS || (this.#drawnAt !== undefined && now - this.#drawnAt < REDRAW_EVERY_MS)) {
      return;
    }
    this.#drawnAt = now;
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- a terminal that reports 0 columns is drawn 80 wide too.
    const columns = this.#terminal.columns || 80;
    this.#terminal.write(`\r${progressLine(this.#done, this.#total, now - this.#startedAt, columns)}${ERASE_TO_END}`);
  }
}

/**
 * A bar on `stderr` when a person is watching, else undefined. Both streams must be a terminal: a
 * redirected or piped stdout means a script or a pager, where a line redrawn on the same screen only
 * gets in the way. TERM=dumb terminals cannot return to the start of a line and erase it, so they get
 * no bar. NO_COLOR changes nothing: the bar has no colour.
 */
export function progressBarFor(stdout: { isTTY?: boolean }, stderr: Terminal, env: NodeJS.ProcessEnv): ProgressBar | undefined {
  if (stdout.isTTY !== true || stderr.isTTY !== true || env.TERM === "dumb") {
    return undefined;
  }
  return new TerminalProgressBar(stderr);
}
