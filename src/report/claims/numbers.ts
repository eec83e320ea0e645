import { isDigit } from "./chars.js";

/** "171", "1,200", "98.7", "12,845.5" → the value; anything else → null. */
export function parseNumber(s: string): { value: number; int: boolean } | null {
  const n = s.length;
  if (n === 0 || n > 24) {
    return null;
  }
  let i = 0;
  let digits = "";
  let group = 0;
  let sawComma = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      digits += s[i]!;
      group += 1;
      if (sawComma && group > 3) {
        return null;
      }
    } else if (c === 44 /* , */) {
      if (group === 0 || (sawComma ? group !== 3 : group > 3)) {
        return null;
      }
      sawComma = true;
      group = 0;
    } else {
      break;
    }
    i += 1;
  }
  if (digits.length === 0 || (sawComma && group !== 3)) {
    return null;
  }
  if (i === n) {
    return { value: Number(digits), int: true };
  }
  if (s.charCodeAt(i) !== 46 /* . */ || i + 1 === n) {
    return null;
  }
  for (let k = i + 1; k < n; k += 1) {
    if (!isDigit(s.charCodeAt(k))) {
      return null;
    }
  }
  return { value: Number(digits + s.slice(i)), int: false };
}
