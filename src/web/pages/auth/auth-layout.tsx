/** The frame of the pages shown before signing in: the product mark over a centred card. */
import type { ReactNode } from 'react';

export function AuthLayout({
  title,
  subtitle,
  children,
  aside,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Shown beside the card (below it on narrow screens), e.g. the demo accounts. */
  aside?: ReactNode;
}) {
  return (
    <main className="auth-screen" id="main">
      <div className={aside ? 'auth-columns' : 'auth-columns auth-columns-single'}>
        <section className="auth-card" aria-labelledby="auth-title">
          <div className="auth-brand">
            <span className="brand-mark" aria-hidden="true">
              <svg viewBox="0 0 24 24" width="26" height="26">
                <rect width="24" height="24" rx="6" fill="currentColor" />
                <path
                  d="M6.5 6.5l11 11M17.5 6.5l-11 11"
                  stroke="#fff"
                  strokeWidth="2.4"
                  strokeLinecap="round"
                />
              </svg>
            </span>
            <span className="brand-name">Catchball</span>
          </div>
          <h1 id="auth-title">{title}</h1>
          {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          {children}
        </section>
        {aside}
      </div>
    </main>
  );
}
