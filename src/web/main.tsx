/** Entry point: mounts the app into #root, under the one query cache. */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from './api/query-client';
import { App } from './app';
import { i18n, startI18n } from './i18n/i18n';
import { loadJapaneseFont } from './i18n/japanese-font';
import { initialLanguage } from './i18n/language';
// Japanese glyphs for machines with no Japanese font of their own: fetched only when a page shows
// a character the fonts before it in --font-sans lack (BIZ UDPGothic, SIL Open Font License).
import '@fontsource/biz-udpgothic/japanese-400.css';
import '@fontsource/biz-udpgothic/japanese-700.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/feedback.css';
import './styles/shell.css';
import './styles/okrs.css';
import './styles/okr-editing.css';
import './styles/matrix.css';
import './styles/matrix-items.css';
import './styles/matrix-extras.css';
import './styles/execution.css';
import './styles/links.css';
import './styles/wizard.css';
import './styles/pressure-test.css';
import './styles/what-if.css';
import './styles/scenarios.css';
import './styles/auth.css';
import './styles/admin.css';
import './styles/settings.css';
import './styles/imports.css';
import './styles/audit.css';
import './styles/inbox.css';
import './styles/item-detail.css';
import './styles/year-close.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
const language = initialLanguage();
document.documentElement.lang = language;
// English is bundled, so this waits only when the page starts in another language (one small file).
void Promise.all([startI18n(language), language === 'ja' ? loadJapaneseFont() : null]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
