/** testaudit's exit codes, as README documents them. */
export const EXIT = {
  /** Every audited test complies with every enabled policy (or `--exit-zero`). */
  clean: 0,
  /** Something is not compliant and not exempted, does not parse or cannot be read; or more exemptions than allowed. */
  failed: 1,
  /** A usage or configuration error. */
  usage: 2,
  /** An internal error, or an I/O error writing the output; for verify, also a report it cannot read or holding no checkable claim. */
  internal: 3,
} as const;
