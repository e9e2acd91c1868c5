import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** swagger-ui-dist ships the docs page's assets; they are served from the package, not a CDN. */
export const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/** Starts Swagger UI; a file of its own, since the content security policy allows no inline script. */
export const DOCS_INIT_SCRIPT = `const root = document.getElementById('swagger-ui');
window.ui = SwaggerUIBundle({ url: root.dataset.openapi, dom_id: '#swagger-ui', deepLinking: true });
`;

/** The browsable API docs at /api/docs, reading /api/openapi.json. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Catchball API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="swagger-ui" data-openapi="/api/openapi.json"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;
}
