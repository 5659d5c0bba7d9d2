// Reads the ledger's public query API. The key lives in sessionStorage, so it leaves with the tab and is never
// written to disk by the page.
const KEY = 'ledger.apiKey';

export const apiKey = {
    get: () => sessionStorage.getItem(KEY) ?? '',
    set: (value) => sessionStorage.setItem(KEY, value),
    clear: () => sessionStorage.removeItem(KEY),
};

/** A refused or failed read, with a message meant for the reader of the page. */
export class ReadError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

/** GETs a read endpoint with the given query parameters (empty ones left out) and returns its JSON. */
export async function read(path, params = {}) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    const headers = {Accept: 'application/json'};
    const key = apiKey.get();
    if (key) {
        headers.Authorization = `Bearer ${key}`;
    }
    let response;
    try {
        response = await fetch(url, {headers});
    } catch (failure) {
        throw new ReadError(0, `The ledger did not answer (${failure.message}).`);
    }
    if (response.ok) {
        return response.json();
    }
    throw new ReadError(response.status, await explain(response, key));
}

async function explain(response, key) {
    if (response.status === 401) {
        return key
            ? 'The ledger did not accept this API key (401 Unauthorized): check it, or enter another above.'
            : 'This ledger needs an API key to read (401 Unauthorized): enter one in the API key field above.';
    }
    if (response.status === 403) {
        return 'This API key may not read this (403 Forbidden): ask for a key with the reader role.';
    }
    let problem = null;
    try {
        problem = await response.json();
    } catch {
        // not a problem document: the status alone must do
    }
    const detail = problem?.detail ?? response.statusText;
    return `The ledger refused the request (${response.status}): ${detail}`;
}
