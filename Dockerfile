# One image for every role: `intake worker`, `intake serve`, and one-off commands.
FROM node:20-bookworm-slim
# The native tesseract with Norwegian: the OCR engine INTAKE_OCR_ENGINE=auto takes where installed.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nor \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# `prepare` cannot build yet (the sources come later); esbuild comes with tsx, a dependency.
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY schemes ./schemes
# The compiled program (bin/build.mjs: dist/<hash of the sources>), so no start compiles TypeScript;
# the embedded database's template goes under node_modules/.cache, which the user must be able to write.
RUN node bin/build.mjs && mkdir -p node_modules/.cache && chown node:node node_modules/.cache
# A named volume mounted on an empty folder takes that folder's owner: made here and given to the
# user the processes run as, so they can write to /data (and /blobs, for INTAKE_BLOB_URL=file:///blobs
# on a shared volume). Docker's default root-owned mount points would refuse every write.
RUN mkdir -p /data /blobs && chown node:node /data /blobs
ENV INTAKE_DATA_DIR=/data
USER node
# Redis, PostgreSQL and the blob store answer (and for `serve`, its sign-in page): see docker-compose.yml.
HEALTHCHECK --interval=30s --timeout=15s --start-period=30s --retries=3 \
  CMD ["node", "--import", "tsx", "src/deploy/health-check.ts", "worker"]
ENTRYPOINT ["node", "bin/intake.js"]
CMD ["worker"]
