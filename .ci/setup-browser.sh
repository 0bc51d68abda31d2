# Sourced by .ci/run: headless Chromium for tests/browser.rs (the review
# page opened in a real browser). Installs Debian's `chromium` only when no
# Chromium is on the PATH; fonts-liberation gives the pages Times-like
# Vietnamese glyphs.
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium || command -v chromium-browser)"
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium fonts-liberation
fi
