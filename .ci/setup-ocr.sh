# OCR tests (tests/ocr.rs) need tesseract with its Vietnamese model.
# Sourced by .ci/run; installs only when `tesseract --list-langs` lacks vie.
if ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    tesseract-ocr tesseract-ocr-vie
fi
tesseract --version 2>&1 | sed -n 1p  # sed reads all: no SIGPIPE under pipefail
