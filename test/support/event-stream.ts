import { expect } from 'vitest';
import type { EventStreamQuery } from '../../src/contracts';
import { endpointUrl } from '../../src/contracts/endpoint';
import { live } from '../../src/contracts/endpoints';
import type { Change } from '../../src/server/live/change-feed';

/** A `change` event as a stream sends it. */
export type StreamedChange = Omit<Change, 'within'>;

/** Opens the SSE stream and collects `change` events until closed. */
export async function openStream(baseUrl: string, query: EventStreamQuery, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${endpointUrl(live.events, { query })}`, {
    signal: controller.signal,
    headers,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const changes: StreamedChange[] = [];
  let buffer = '';
  const pump = (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value);
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: change') && data)
          changes.push(JSON.parse(data.slice(6)) as StreamedChange);
      }
    }
  })();
  return {
    changes,
    async waitFor(predicate: (change: StreamedChange) => boolean, ms = 2000): Promise<StreamedChange> {
      const started = Date.now();
      for (;;) {
        const found = changes.find(predicate);
        if (found) return found;
        if (Date.now() - started > ms)
          throw new Error(`no matching change within ${ms} ms; got ${JSON.stringify(changes)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}
