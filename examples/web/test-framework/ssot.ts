/**
 * The web suites' single source of truth: the real services every test talks to.
 */
export const apiUrl = process.env.API_URL ?? "http://localhost:8000";

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, init);
  if (!response.ok) {
    throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status}`);
  }
  return (await response.json()) as T;
}
