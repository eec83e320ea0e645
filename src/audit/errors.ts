/** The errors that decide testaudit's exit code besides the verdict. */

/** A problem with the command or the configuration rather than with the audited code (exit code 2). */
export class UsageError extends Error {}

/** The audit's temporary file of file reports could not be made, written or read (exit code 3). */
export class TemporaryFileError extends Error {}
