# Catchball in a container: the API, the web app and the CLI in one image.
# Build: docker build -t catchball .
# Run (embedded store in a volume): docker run -p 3000:3000 -v catchball-data:/data catchball
# Run (PostgreSQL): docker run -p 3000:3000 -e DATABASE_URL=postgres://user:pass@db:5432/catchball catchball
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 CATCHBALL_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "bin/catchball.mjs", "serve"]
