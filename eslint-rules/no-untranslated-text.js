// Lint rule: text a person reads in the web app comes from the message files (src/locales), never
// from a literal in a component. Reports JSX text with letters in it, and string literals with
// letters given to the attributes and props that carry readable text (aria-label, title,
// placeholder, alt, label …). Names that are never translated go in ALLOWED.

const TEXT_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'description',
  'submitLabel',
  'pendingLabel',
  'confirmLabel',
  'message',
  'hint',
  'emptyText',
  'heading',
]);

/** Brand and symbols: the same in every language. */
const ALLOWED = new Set([
  'Catchball',
  'PromQL',
  'Catchball —',
  'OKR',
  'OKRs',
  'KPI',
  'KPIs',
  'ID',
  'CSV',
  'XLSX',
  'PDF',
  'PNG',
  'SVG',
  'JSON',
  'API',
  'URL',
  'SSO',
]);

const hasWords = (text) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Readable text in the web app goes through i18next (src/locales)' },
    schema: [],
    messages: {
      text: 'Text “{{text}}” is not translated: put it in src/locales/<language>/<namespace>.json and use t().',
    },
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'text', data: { text: text.trim().slice(0, 60) } });
    const literalText = (node) => {
      if (!node) return null;
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral')
        return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
      if (node.type === 'JSXExpressionContainer') return literalText(node.expression);
      if (node.type === 'ConditionalExpression')
        return [literalText(node.consequent), literalText(node.alternate)].filter(Boolean).join(' ') || null;
      if (node.type === 'LogicalExpression') return literalText(node.right);
      return null;
    };
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text && hasWords(text)) report(node, text);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!TEXT_PROPS.has(name)) return;
        const text = literalText(node.value);
        if (text && hasWords(text)) report(node, text);
      },
    };
  },
};
