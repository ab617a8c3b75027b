import { describe, expect, it } from 'vitest';

import { fetchWithProgress, formatProgress } from '../../web/js/loader.js';

// A streamed response of `chunks` (arrays of byte values), optionally with a Content-Length.
function streamedResponse(chunks, { contentLength = null, status = 200 } = {}) {
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  const headers = contentLength === null ? {} : { 'Content-Length': String(contentLength) };
  return new Response(body, { status, headers });
}

function fakeFetch(response) {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    return response;
  };
  return { fetch, calls };
}

describe('fetchWithProgress', () => {
  it('reports progress after every chunk against the Content-Length and returns the bytes', async () => {
    const { fetch, calls } = fakeFetch(streamedResponse([[1, 2, 3], [4, 5], [6]],
                                                        { contentLength: 6 }));
    const progress = [];
    const bytes = await fetchWithProgress('/wasm/galaxy-client.wasm', {
      fetch, onProgress: (p) => progress.push(p),
    });
    expect(calls).toEqual(['/wasm/galaxy-client.wasm']);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress).toEqual([
      { loaded: 0, total: 6 },
      { loaded: 3, total: 6 },
      { loaded: 5, total: 6 },
      { loaded: 6, total: 6 },
    ]);
  });

  it('reports a total of 0 when there is no Content-Length', async () => {
    const { fetch } = fakeFetch(streamedResponse([[1], [2, 3]]));
    const progress = [];
    const bytes = await fetchWithProgress('x', { fetch, onProgress: (p) => progress.push(p) });
    expect(bytes.length).toBe(3);
    expect(progress.map((p) => p.total)).toEqual([0, 0, 0]);
    expect(progress.at(-1).loaded).toBe(3);
  });

  it('stops claiming a total once the body outgrows it (a compressed length)', async () => {
    const { fetch } = fakeFetch(streamedResponse([[1, 2], [3, 4]], { contentLength: 3 }));
    const progress = [];
    await fetchWithProgress('x', { fetch, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { loaded: 0, total: 3 }, { loaded: 2, total: 3 }, { loaded: 4, total: 0 },
    ]);
  });

  it('reads the whole body at once when the response has no stream', async () => {
    const response = {
      ok: true,
      status: 200,
      headers: new Headers({ 'Content-Length': '2' }),
      body: null,
      arrayBuffer: async () => new Uint8Array([7, 8]).buffer,
    };
    const progress = [];
    const bytes = await fetchWithProgress('x', {
      fetch: async () => response, onProgress: (p) => progress.push(p),
    });
    expect(Array.from(bytes)).toEqual([7, 8]);
    expect(progress).toEqual([{ loaded: 0, total: 2 }, { loaded: 2, total: 2 }]);
  });

  it('rejects with the URL and status when the server answers an error', async () => {
    const { fetch } = fakeFetch(new Response('not here', { status: 404 }));
    await expect(fetchWithProgress('/wasm/galaxy-client.wasm', { fetch }))
        .rejects.toThrow('/wasm/galaxy-client.wasm: HTTP 404');
  });

  it('rejects when the network fails', async () => {
    const fetch = async () => { throw new TypeError('Failed to fetch'); };
    await expect(fetchWithProgress('x', { fetch })).rejects.toThrow('Failed to fetch');
  });
});

describe('formatProgress', () => {
  it('shows megabytes (10^6 bytes) with one decimal, against the total when known', () => {
    expect(formatProgress(3_100_000, 4_200_000)).toBe('3.1 of 4.2 MB');
    expect(formatProgress(0, 4_200_000)).toBe('0.0 of 4.2 MB');
    expect(formatProgress(3_149_999, 0)).toBe('3.1 MB');
    expect(formatProgress(1_250_000, null)).toBe('1.3 MB');
  });
});
