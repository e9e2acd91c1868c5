/**
 * Japanese glyphs for machines with no Japanese font of their own come from BIZ UDPGothic
 * (--font-sans, main.tsx). Text laid out while that font is still loading may keep the missing-glyph
 * boxes after it arrives, so a page shown in Japanese waits for the font first — at most
 * {@link WAIT_MS}, after which it shows with whatever fonts it has.
 */
const WAIT_MS = 3000;

export async function loadJapaneseFont(): Promise<void> {
  const load = Promise.all(
    ['16px', 'bold 16px'].map((font) => document.fonts.load(`${font} "BIZ UDPGothic"`, '日本語')),
  ).then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([load, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
}
