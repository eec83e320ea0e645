/** Locations in ESLint's JS convention. */
export interface PyPosition {
  /** 1-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  column: number;
}

export interface PyLocation {
  start: PyPosition;
  end: PyPosition;
}
