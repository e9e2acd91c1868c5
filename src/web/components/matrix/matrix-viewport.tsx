/**
 * The scroll box around the X-matrix, with the two ways to make a big matrix fit a laptop:
 * "Fit" scales it down so its whole width shows, and its height too while the text stays readable
 * (see {@link fitScale}; beyond that the page scrolls), and "Compact" tightens
 * its rows, columns and type. Both choices are kept per browser. Scaling is a transform on an inner
 * box whose outer box takes the scaled size, so the page's layout and scrolling follow it.
 * Test hooks: `data-testid="matrix-viewport"` with `data-scale`, the toggles' `aria-pressed`.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button';
import { fitScale } from './matrix-layout';

const FIT_KEY = 'catchball.matrix.fit';
const COMPACT_KEY = 'catchball.matrix.compact';

function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : stored === '1';
    } catch {
      return initial;
    }
  });
  const set = (next: boolean) => {
    setValue(next);
    try {
      window.localStorage.setItem(key, next ? '1' : '0');
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  };
  return [value, set];
}

export function MatrixViewportToggles({
  fit,
  compact,
  onFit,
  onCompact,
}: {
  fit: boolean;
  compact: boolean;
  onFit: (fit: boolean) => void;
  onCompact: (compact: boolean) => void;
}) {
  const { t } = useTranslation('matrix');
  return (
    <div className="matrix-view-toggles" role="group" aria-label={t('viewport.size')}>
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={fit}
        title={fit ? t('viewport.fitOn') : t('viewport.fitOff')}
        onClick={() => onFit(!fit)}
      >
        {t('viewport.fit')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={compact}
        title={compact ? t('viewport.compactOn') : t('viewport.compactOff')}
        onClick={() => onCompact(!compact)}
      >
        {t('viewport.compact')}
      </Button>
    </div>
  );
}

/** The fit and compact choices, kept per browser; fit is on unless the user turned it off. */
export function useMatrixViewport() {
  const [fit, setFit] = useStoredFlag(FIT_KEY, true);
  const [compact, setCompact] = useStoredFlag(COMPACT_KEY, false);
  return { fit, compact, setFit, setCompact };
}

export function MatrixViewport({
  fit,
  compact,
  children,
}: {
  fit: boolean;
  compact: boolean;
  children: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState({ width: 0, height: 0 });
  const [room, setRoom] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const scroll = scrollRef.current;
    const inner = innerRef.current;
    if (!scroll || !inner) return;
    const measure = () => {
      const style = getComputedStyle(scroll);
      const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const top = scroll.getBoundingClientRect().top + (scroll.closest('.main')?.scrollTop ?? 0);
      setRoom({
        width: scroll.clientWidth - padX,
        height: window.innerHeight - Math.max(top, 0) - padY - 16,
      });
      // Layout sizes ignore the transform: the matrix's own size at scale 1.
      setNatural({ width: inner.offsetWidth, height: inner.offsetHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroll);
    observer.observe(inner);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const scale = fit ? fitScale(natural, room) : 1;
  const scaled = scale < 1;
  return (
    <div
      ref={scrollRef}
      className={`matrix-scroll${compact ? ' is-compact' : ''}`}
      data-testid="matrix-viewport"
      data-scale={scale.toFixed(3)}
    >
      <div
        className="mx-fit"
        style={scaled ? { width: natural.width * scale, height: natural.height * scale } : undefined}
      >
        <div
          ref={innerRef}
          className="mx-fit-inner"
          style={scaled ? { transform: `scale(${scale})` } : undefined}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
