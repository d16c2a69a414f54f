import { describe, expect, it } from 'vitest';
import { renderFeed } from '../../src/render/renderFeed.js';
import { sampleContext } from './sampleFeed.js';

// Fixed items and a fixed clock: these files were read by eye once and are pinned. A change to
// them is a change to what every reader receives; review the diff before updating with `-u`.
describe('rendered feeds, pinned', () => {
  const base = 'https://caravan.example/topics/aviation';
  const hub = 'https://hub.example/';

  it('Atom', async () => {
    await expect(renderFeed('atom', sampleContext({ selfUrl: `${base}.atom`, hub }))).toMatchFileSnapshot('__snapshots__/aviation.atom');
  });

  it('RSS', async () => {
    await expect(renderFeed('rss', sampleContext({ selfUrl: `${base}.rss`, hub }))).toMatchFileSnapshot('__snapshots__/aviation.rss');
  });

  it('JSON Feed (pretty-printed for review)', async () => {
    const json = JSON.stringify(JSON.parse(renderFeed('json', sampleContext({ selfUrl: `${base}.json`, hub }))), null, 2);
    await expect(json + '\n').toMatchFileSnapshot('__snapshots__/aviation.json');
  });
});
