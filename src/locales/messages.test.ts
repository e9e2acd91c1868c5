// Every message exists in every language, parses as ICU, and takes the same arguments as the
// English source: a missing or mistyped translation fails here, before any browser test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../core/languages';

const root = import.meta.dirname;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ('value' in element && typeof element.value === 'string') into.add(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if ('children' in element) argumentsOf(element.children, into);
  }
  return into;
}

const namespaces = readdirSync(join(root, 'en')).filter((file) => file.endsWith('.json'));
const load = (language: string, file: string) =>
  flatten(JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Tree);

describe.each(namespaces)('messages of %s', (file) => {
  const english = load('en', file);

  it.each(LANGUAGES.filter((language) => language !== 'en'))('are all translated into %s', (language) => {
    const translated = load(language, file);
    expect(
      [...english.keys()].filter((key) => !translated.has(key)),
      'untranslated',
    ).toEqual([]);
    expect(
      [...translated.keys()].filter((key) => !english.has(key)),
      'not in English',
    ).toEqual([]);
    for (const [key, text] of translated) {
      expect(text.trim(), `${language}:${key} is empty`).not.toBe('');
      const wanted = [...argumentsOf(parse(english.get(key) ?? ''))].sort();
      expect([...argumentsOf(parse(text))].sort(), `${language}:${key} arguments`).toEqual(wanted);
    }
  });

  it('parse as ICU messages in English', () => {
    for (const [key, text] of english) expect(() => parse(text), key).not.toThrow();
  });
});
