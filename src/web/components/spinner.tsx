/** Loading indicators: an inline {@link Spinner} and a shimmering {@link Skeleton} block. */
import type { CSSProperties } from 'react';

export function Spinner({ size = 16, label = 'Loading' }: { size?: number; label?: string }) {
  return <span className="spinner" role="status" aria-label={label} style={{ width: size, height: size }} />;
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
export function LoadingBlock({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-label={label}>
      <Skeleton width="40%" height={20} />
      <Skeleton width="90%" />
      <Skeleton width="75%" />
      <Skeleton width="82%" />
    </div>
  );
}
