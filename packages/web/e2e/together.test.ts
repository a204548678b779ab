import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import { joinApproved } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'the bottom bar and the organizing tab'
  : 'the bottom bar and the organizing tab (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };

/** The bar's labels and the tab's heading in each language. */
const WORDS = {
  en: { tab: 'Together', heading: 'Organizing together' },
  es: { tab: 'Juntos', heading: 'Organizándonos juntos' },
  so: { tab: 'Wadajir', heading: 'Abaabul wadajir ah' },
  hmn: { tab: 'Ua ke', heading: 'Koom haum ua ke' },
} as const;

suite(title, () => {
  const stage = browserWorld();

  it('a member has five places in the bar, at 360 px in every language; the organizing half is one of them', async () => {
    const member = await stage.phone('member');
    await joinApproved(stage.world, member, 'member');
    await member.page.setViewportSize(NARROW);
    // By its class: the bar's accessible name is translated too.
    const nav = member.page.locator('nav.bottom-nav');
    for (const [lang, words] of Object.entries(WORDS)) {
      await member.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await member.goto('/');
      await nav.getByRole('link', { name: words.tab }).click();
      await member.page.getByRole('heading', { name: words.heading }).waitFor();
      expect(await nav.getByRole('link').count(), lang).toBe(5);
      // No tab label is broken inside a word, and nothing runs off the side.
      const bar = await member.page.evaluate(`(() => {
        const links = [...document.querySelectorAll('nav.bottom-nav a')];
        const lines = links.map((a) => {
          const range = document.createRange();
          range.selectNodeContents(a);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return { text: a.textContent, words: a.textContent.trim().split(/\\s+/).length, lines: tops.size };
        });
        return { lines, wide: document.documentElement.scrollWidth > window.innerWidth };
      })()`);
      const { lines, wide } = bar as {
        lines: { text: string; words: number; lines: number }[];
        wide: boolean;
      };
      expect(wide, `${lang}: the page is wider than the phone`).toBe(false);
      for (const line of lines) {
        expect(line.lines, `${lang}: "${line.text}" breaks inside a word`).toBeLessThanOrEqual(
          line.words,
        );
      }
      expect(await member.page.locator('.together-list a').count()).toBe(7);
      await member.expectAccessible(`together (${lang})`);
    }
    await member.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
    await member.goto('/together');
    await member.page.getByRole('link', { name: 'Meetings' }).click();
    await member.page.waitForURL('**/meetings');
  });
});
