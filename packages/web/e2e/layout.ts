import type { Page } from 'playwright-core';

/** What sticks out sideways past the screen's width (nothing, on a screen that fits). */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const wide = (e) => e.getBoundingClientRect().right > width + 0.5;
    // The innermost: what is wide itself, not only because what holds it is.
    return [...document.querySelectorAll('body *')]
      .filter((e) => wide(e) && ![...e.children].some(wide))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));
  })()`);
}

/** The bottom bar's tab labels that break inside a word (more lines than words). */
export async function brokenTabLabels(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    return [...document.querySelectorAll('nav.bottom-nav a')]
      .filter((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return lines > a.textContent.trim().split(/\\s+/).length;
      })
      .map((a) => a.textContent);
  })()`);
}
