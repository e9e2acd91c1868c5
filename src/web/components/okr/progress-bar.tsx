/** A thin progress bar with its percentage; null progress shows a muted "no data" bar. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? null : Math.round(value * 100);
  const tone = percent === null ? 'none' : percent >= 70 ? 'good' : percent >= 40 ? 'mid' : 'low';
  return (
    <div className="progress" title={percent === null ? `${label}: no data yet` : `${label}: ${percent}%`}>
      <div
        className={`progress-track progress-${tone}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <span className="progress-value tabular">{percent === null ? '—' : `${percent}%`}</span>
    </div>
  );
}
