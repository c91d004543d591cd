#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded offline.
# `prisma generate` only needs the path to exist; migrations go through the WASM engine
# (`npm run db:migrate`, `skima migrate`).
echo "the native schema-engine is not used by Skima: run 'npm run db:migrate' or 'skima migrate'" >&2
exit 1
