/** The server's messages in the reader's language: see translator.ts, reader-language.ts. */
export { translatorFor, type Translate, type Translator } from './translator';
export { acceptedLanguages, readerLanguage } from './reader-language';
export { shownPartNames } from './part-names';
export { formatDay, formatMonth, formatNumber } from './formats';
