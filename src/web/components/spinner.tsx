/** Loading indicators: an inline {@link Spinner} and a shimmering {@link Skeleton} block. */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export function Spinner({ size = 16, label }: { size?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className="spinner"
      role="status"
      aria-label={label ?? t('loading')}
      style={{ width: size, height: size }}
    />
  );
}

/** A placeholder block with the shape of content that is still loading. */
export function Skeleton({
  width = '100%',
  height = 14,
  style,
}: {
  width?: number | string;
  height?: number;
  style?: CSSProperties;
}) {
  return <span className="skeleton" aria-hidden="true" style={{ width, height, ...style }} />;
}

/** A full-area loading state: a few skeleton lines under a spinner. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading-block" role="status" aria-label={label ?? t('loading')}>
      <Skeleton width="40%" height={20} />
      <Skeleton width="90%" />
      <Skeleton width="75%" />
      <Skeleton width="82%" />
    </div>
  );
}
