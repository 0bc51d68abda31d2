#!/usr/bin/env bash
# Time the review page of a 200-page appendix (the fixture's pages repeated,
# 1200 tasks) in headless Chromium. The timing test writes the page and
# reports `nhiemvu review` time, page size and the load event; a probe copy
# of the page then logs, by the page's own clock, the first paint, the load
# event and the second animation frame after it (the page laid out and
# painted, ready for keys). Three runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
for run in 1 2 3; do
  NHIEMVU_REQUIRE_TOOLS=1 cargo test -q --release --test browser a_200_page_appendix_opens_quickly \
    -- --nocapture 2>&1 | grep -- '-page appendix:'
done
page=target/review-artifacts/big/appendix_200.html
probe=target/review-artifacts/big/probe.html
sed 's#</body>#<script>\
new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { console.log("NV " + e.name + " " + e.startTime); }); }).observe({ type: "paint", buffered: true });\
addEventListener("load", function () { console.log("NV load " + performance.now());\
  requestAnimationFrame(function () { requestAnimationFrame(function () { console.log("NV ready " + performance.now()); }); }); });\
</script></body>#' "$page" > "$probe"
for run in 1 2 3; do
  chromium --headless=new --disable-gpu --no-sandbox --window-size=1366,900 --enable-logging=stderr \
    --v=0 --screenshot=target/review-artifacts/big/probe.png "file://$PWD/$probe" 2>&1 \
    | grep -o 'NV [a-z-]* [0-9.]*' | tr '\n' ' '
  echo
done
