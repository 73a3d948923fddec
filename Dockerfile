# Multi-stage: build with dev dependencies, ship only the compiled app and production deps.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8081
WORKDIR /app
# The whole tree after pruning: dist/ plus runtime assets next to package.json (see plugins/app/paths.ts).
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8081)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.js"]
