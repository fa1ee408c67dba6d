#!/usr/bin/env bash
# The main job: set up, build everything, print a summary of the bundled
# sample article, and serve the inspector page on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
printf '\n--- Sample article: examples/port-strike.txt ---\n'
node bin/article-inspector.js --format text examples/port-strike.txt
printf '\nOpen from disk: file://%s/web/dist/index.html\n' "$PWD"
exec node scripts/serve.js web/dist "${PORT:-8080}"
