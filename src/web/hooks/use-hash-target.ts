import { useEffect, useRef, useState } from 'react';

/** How long a linked element is kept in view while what is above it loads and grows. */
const KEEP_IN_VIEW_MS = 5000;

/**
 * An element an address's fragment names (`#proposal-<id>`, from an inbox link): when the
 * location's hash is `#<anchor>`, it is scrolled into view and marked `targeted`, and kept in view
 * while the page above it loads, until the reader scrolls or types, or a few seconds pass. (A
 * browser does this only for a page it loads itself, not for an app's own navigation.)
 */
export function useHashTarget<T extends HTMLElement>(anchor: string) {
  const ref = useRef<T>(null);
  const [targeted, setTargeted] = useState(false);
  useEffect(() => {
    if (window.location.hash !== `#${anchor}`) return;
    setTargeted(true);
    return keepInView(() => ref.current);
  }, [anchor]);
  return { ref, targeted, id: anchor };
}

function keepInView(element: () => HTMLElement | null): () => void {
  const scroll = () => element()?.scrollIntoView({ block: 'center' });
  scroll();
  const observer = new ResizeObserver(scroll);
  // The page scrolls inside the app shell, so the body keeps its size: watch the element's ancestors.
  for (let node = element()?.parentElement; node; node = node.parentElement) observer.observe(node);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of STOP_EVENTS) window.removeEventListener(type, stop);
  };
  const timer = setTimeout(stop, KEEP_IN_VIEW_MS);
  for (const type of STOP_EVENTS) window.addEventListener(type, stop, { passive: true });
  return stop;
}

const STOP_EVENTS = ['wheel', 'touchstart', 'keydown'] as const;
