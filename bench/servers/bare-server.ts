// The baseline for the HTTP benchmark: a bare Fastify route sending the same X-matrix JSON,
// precomputed, with no store and no validation. Usage: bare-server.ts <port> <json file>
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port = '0', file = ''] = process.argv.slice(2);
const body = readFileSync(file, 'utf8');
const app = Fastify();
app.get('/api/units/:unitId/matrices/:year', (_request, reply) =>
  reply.type('application/json; charset=utf-8').send(body),
);
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
