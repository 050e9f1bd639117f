// Fetching from the HTTP API: one request per panel at a time, older ones aborted.

const inflight = new Map();

// The JSON body of `url`, fetched for `panel`. Throws an Error carrying the API's one-line
// reason for an error status, or an AbortError when a newer request for the panel replaced it.
export async function getJSON(panel, url) {
  if (inflight.has(panel)) inflight.get(panel).abort();
  const controller = new AbortController();
  inflight.set(panel, controller);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const reason = body && body.error ? body.error : `HTTP ${response.status}`;
      throw new Error(reason);
    }
    return body;
  } finally {
    if (inflight.get(panel) === controller) inflight.delete(panel);
  }
}

export const aborted = (err) => err && err.name === "AbortError";
