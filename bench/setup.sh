#!/usr/bin/env bash
# Installs what the benchmarks need beyond `npm ci`: the native tesseract command that
# `npm run bench:ocr` measures the pipeline's OCR against. The bench gives it the same language
# data as the pipeline (the @tesseract.js-data packages), so no tesseract language package is needed.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1; then
  echo "tesseract already installed: $(tesseract --version 2>&1 | head -n 1)"
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends tesseract-ocr
tesseract --version 2>&1 | head -n 1
