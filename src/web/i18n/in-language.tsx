/**
 * Renders its children again from scratch when the language changes, so every formatted number,
 * date and message (also those formatted outside a `useTranslation` component) is in the new one.
 * Languages change rarely (a choice in the account menu), so the lost view state costs little.
 */
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function InLanguage({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <Fragment key={i18n.language}>{children}</Fragment>;
}
