/**
 * A response's body parsed as JSON, or undefined when it is empty or not JSON (a proxy's HTML
 * error page, a 204). For the API clients, which then check the status and the body's shape.
 */
export async function jsonBodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
