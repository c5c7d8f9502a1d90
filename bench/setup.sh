#!/usr/bin/env bash
# Installs what the benchmarks need beyond `npm ci`: the native tesseract command that
# `npm run bench:ocr` and `npm run bench:bulk` measure the pipeline's OCR against, and poppler's
# pdftotext, which `npm run bench:bulk` measures its PDF reading against. bench:ocr's yardstick
# (`pdftoppm | tesseract -l nor`) and intake's native engine (INTAKE_OCR_ENGINE=auto) need the
# Norwegian model of the distribution (tesseract-ocr-nor); the native engine itself reads with the
# pipeline's own models (the @tesseract.js-data packages).
set -euo pipefail
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx nor || missing+=(tesseract-ocr-nor)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=''
  if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
tesseract --version 2>&1 | head -n 1
pdftotext -v 2>&1 | head -n 1
