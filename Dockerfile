# One image for every role: `intake worker`, `intake serve`, and one-off commands.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx runs the TypeScript sources directly (no build step), so dev tools stay out but tsx is a dependency.
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY schemes ./schemes
USER node
ENTRYPOINT ["node", "bin/intake.js"]
CMD ["worker"]
