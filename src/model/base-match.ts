/** How a base class, by the name it is known by, is matched against required base names. */

/** Does `name` (dotted) denote one of `targets`? A plain target matches by last segment, a dotted one by suffix. */
export function matchesBase(name: string, targets: readonly string[]): string | null {
  const last = name.slice(name.lastIndexOf(".") + 1);
  for (const target of targets) {
    if (target.includes(".") ? name === target || name.endsWith(`.${target}`) : last === target) {
      return target;
    }
  }
  return null;
}
