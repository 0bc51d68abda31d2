//! The review page in a real browser: headless Chromium opens pages made
//! by `nhiemvu review` from the fixtures and checks what a person would see
//! (each task's outline lies over the words of its name, the counts and a
//! warning are on screen, the keyboard moves task by task), keeps a
//! screenshot under `target/review-artifacts/`, and times a 200-page
//! appendix.
//!
//! Skipped with a message when Chromium is absent, unless
//! `NHIEMVU_REQUIRE_TOOLS=1` (CI, after `.ci/setup-browser.sh`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Pages of the generated large appendix.
const BIG_PAGES: usize = 200;
/// Most milliseconds from navigation to the load event allowed for the
/// 200-page appendix (the goal is 2 s; the rest is headroom for a busy CI
/// machine).
const BIG_LOAD_LIMIT_MS: f64 = 4000.0;

/// Checks run inside the page once it has loaded; the results go into
/// `data-checks` on the root element, where `--dump-dom` shows them.
const CHECKS: &str = r##"<script>
(function () {
  function within(el, pane) {
    if (!el) return false;
    var r = el.getBoundingClientRect();
    var p = pane ? pane.getBoundingClientRect() : { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    return r.width > 0 && r.height > 0 && r.bottom > p.top && r.top < p.bottom &&
      r.right > p.left && r.left < p.right && getComputedStyle(el).visibility === "visible";
  }
  function norm(s) { return s.normalize("NFC").toLowerCase(); }
  function run() {
    if (window.nhiemvuDrawAll) window.nhiemvuDrawAll();
    var out = { tasks: document.querySelectorAll(".records .task").length, outlined: 0, over_name: 0, misses: [] };
    document.querySelectorAll("svg .task-mark").forEach(function (g) {
      out.outlined++;
      var k = g.getAttribute("data-tasks");
      var box = g.querySelector(".task-box").getBoundingClientRect();
      var name = norm(document.querySelector("#task-" + k + " .name").textContent).split(/\s+/).slice(0, 3);
      var inside = [];
      g.ownerSVGElement.querySelectorAll(".words text").forEach(function (t) {
        var r = t.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) inside.push(norm(t.textContent));
      });
      if (name.every(function (w) { return inside.indexOf(w) >= 0; })) out.over_name++;
      else if (out.misses.length < 5) out.misses.push({ task: k, name: name, inside: inside.slice(0, 12) });
    });
    out.flow_marked = 0;
    document.querySelectorAll(".records .task").forEach(function (c) {
      if (document.querySelector('.flow [data-tasks~="' + c.dataset.task + '"]')) out.flow_marked++;
    });
    out.counts_visible = within(document.querySelector(".summary .counts"));
    var flag = document.querySelector(".summary .flag");
    out.flag_visible = flag ? within(flag) : null;
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "w" }));
    var cur = document.querySelector(".records .task.current");
    out.w_selected = cur ? cur.dataset.task : null;
    if (cur) {
      out.attention_visible = within(cur.querySelector(".warnings .warning, .empty"), document.querySelector(".records"));
      out.mark_visible = within(document.querySelector(".source .current"), document.querySelector(".source"));
    }
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "j" }));
    var next = document.querySelector(".records .task.current");
    out.j_selected = next ? next.dataset.task : null;
    document.documentElement.setAttribute("data-checks", JSON.stringify(out));
  }
  window.addEventListener("load", function () { setTimeout(run, 50); });
})();
</script>"##;

/// Records when the page finished loading, for the timing check.
const TIMING: &str = r#"<script>
window.addEventListener("load", function () {
  var nav = performance.getEntriesByType("navigation")[0];
  document.documentElement.setAttribute("data-timing", JSON.stringify({
    load_ms: performance.now(),
    dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
    pages: document.querySelectorAll(".page").length,
    first_page_words: document.querySelectorAll(".page .words text").length
  }));
});
</script>"#;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn artifacts() -> PathBuf {
    let dir = root().join("target/review-artifacts");
    std::fs::create_dir_all(&dir).expect("artifact folder");
    dir
}

/// The Chromium binary (`NHIEMVU_CHROMIUM`, else `chromium` or
/// `chromium-browser` on the PATH), or `None` after printing why the test
/// is skipped; with `NHIEMVU_REQUIRE_TOOLS=1` a missing browser fails.
fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("NHIEMVU_CHROMIUM")
        .map(|p| vec![PathBuf::from(p)])
        .unwrap_or_else(|| {
            std::env::var_os("PATH")
                .map(|path| {
                    std::env::split_paths(&path)
                        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
                        .collect()
                })
                .unwrap_or_default()
        });
    let found = candidates.into_iter().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("NHIEMVU_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "chromium is required (NHIEMVU_REQUIRE_TOOLS=1); run .ci/setup-browser.sh"
        );
        eprintln!("SKIPPED: chromium not found (install it with .ci/setup-browser.sh)");
    }
    found
}

/// `nhiemvu review` over `inputs` into `out`.
fn review(inputs: &[PathBuf], out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("review")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .status()
        .expect("nhiemvu runs");
    assert!(status.success(), "nhiemvu review failed");
}

/// A copy of a review page with `script` added before `</body>`.
fn with_script(page: &Path, script: &str, name: &str) -> PathBuf {
    let html = std::fs::read_to_string(page).expect("review page");
    let at = html.rfind("</body>").expect("a body");
    let copy = page.with_file_name(name);
    std::fs::write(&copy, format!("{}{script}{}", &html[..at], &html[at..])).expect("copy");
    copy
}

/// Chromium's headless run over a page file.
fn headless(browser: &Path, page: &Path, extra: &[&str]) -> std::process::Output {
    // One browser at a time: the tests of this file run in parallel, and a
    // page timed while two other browsers load would measure the machine.
    static ONE_BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_BROWSER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Command::new(browser)
        .args([
            "--headless=new",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1366,900",
        ])
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

/// The JSON a script left in `attr` on the root element of a dumped DOM.
fn dumped_json(dom: &str, attr: &str) -> Value {
    let start = dom
        .find(&format!("{attr}=\""))
        .unwrap_or_else(|| panic!("{attr} not in the page: {}", &dom[..dom.len().min(400)]))
        + attr.len()
        + 2;
    let end = start + dom[start..].find('"').expect("attribute end");
    let text = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&text).expect("checks are JSON")
}

/// Open a review page with the checks and return their results; keeps a
/// screenshot of the page as a person first sees it.
fn check_page(browser: &Path, page: &Path, name: &str) -> Value {
    let checked = with_script(page, CHECKS, &format!("{name}.checked.html"));
    let out = headless(
        browser,
        &checked,
        &["--virtual-time-budget=5000", "--dump-dom"],
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let checks = dumped_json(&dom, "data-checks");
    let shot = artifacts().join(format!("{name}.png"));
    headless(
        browser,
        page,
        &[
            "--virtual-time-budget=3000",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "screenshot {} written",
        shot.display()
    );
    checks
}

#[test]
fn pdf_outlines_lie_over_their_tasks_and_keys_move_task_by_task() {
    let Some(browser) = chromium() else { return };
    let out = artifacts().join("pdf");
    let inputs = ["appendix_reportlab.pdf", "borderless.pdf"]
        .map(|f| root().join("fixtures/pdf").join(f))
        .to_vec();
    review(&inputs, &out);
    for stem in ["appendix_reportlab", "borderless"] {
        let checks = check_page(&browser, &out.join(format!("{stem}.html")), stem);
        eprintln!("{stem}: {checks}");
        let tasks = checks["tasks"].as_u64().expect("task count");
        assert!(tasks >= 10, "{stem}: {checks}");
        assert_eq!(
            checks["outlined"].as_u64(),
            Some(tasks),
            "{stem}: every task outlined"
        );
        assert_eq!(
            checks["over_name"].as_u64(),
            Some(tasks),
            "{stem}: every outline lies over the first words of its task's name: {checks}"
        );
        assert_eq!(checks["counts_visible"], true, "{stem}: {checks}");
        assert_eq!(
            checks["j_selected"], "1",
            "{stem}: j from no task selects task 1 when no task needs a look: {checks}"
        );
    }
}

#[test]
fn text_and_word_pages_mark_tasks_and_show_warnings() {
    let Some(browser) = chromium() else { return };
    let out = artifacts().join("flow");
    let text = root().join("fixtures/text/phuluc_v_seed004.txt");
    let word = root().join("fixtures/docx/appendix.docx");
    review(&[text, word], &out);
    let checks = check_page(&browser, &out.join("phuluc_v_seed004.html"), "text");
    eprintln!("text: {checks}");
    let tasks = checks["tasks"].as_u64().expect("task count");
    assert!(tasks > 100, "{checks}");
    assert_eq!(checks["flow_marked"].as_u64(), Some(tasks), "{checks}");
    assert_eq!(
        checks["flag_visible"], true,
        "a flagged count is on screen: {checks}"
    );
    // `w` selects the first task needing a look: its warning or empty field
    // and its marked line are both scrolled into view.
    assert!(checks["w_selected"].is_string(), "{checks}");
    assert_eq!(checks["attention_visible"], true, "{checks}");
    assert_eq!(checks["mark_visible"], true, "{checks}");
    let w: u64 = checks["w_selected"].as_str().unwrap().parse().unwrap();
    assert_eq!(checks["j_selected"], (w + 1).to_string(), "{checks}");
    let checks = check_page(&browser, &out.join("appendix.html"), "word");
    eprintln!("word: {checks}");
    assert_eq!(checks["tasks"].as_u64(), Some(4), "{checks}");
    assert_eq!(checks["flow_marked"].as_u64(), Some(4), "{checks}");
}

/// A PDF of `pages` pages: the fixture's pages repeated.
fn big_pdf(from: &Path, pages: usize, to: &Path) {
    use lopdf::{Document, Object};
    let mut doc = Document::load(from).expect("fixture PDF");
    let originals: Vec<_> = doc.get_pages().into_values().collect();
    let root_pages = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .expect("page tree");
    let mut kids = Vec::new();
    for k in 0..pages {
        let mut page = doc
            .get_dictionary(originals[k % originals.len()])
            .expect("page")
            .clone();
        page.set("Parent", Object::Reference(root_pages));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let tree = doc
        .get_object_mut(root_pages)
        .and_then(Object::as_dict_mut)
        .expect("page tree dictionary");
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", Object::Integer(pages as i64));
    doc.save(to).expect("write the large PDF");
}

#[test]
fn a_200_page_appendix_opens_quickly() {
    let Some(browser) = chromium() else { return };
    let dir = artifacts().join("big");
    std::fs::create_dir_all(&dir).expect("folder");
    let pdf = dir.join("appendix_200.pdf");
    big_pdf(
        &root().join("fixtures/pdf/appendix_reportlab.pdf"),
        BIG_PAGES,
        &pdf,
    );
    let started = Instant::now();
    review(std::slice::from_ref(&pdf), &dir);
    let review_s = started.elapsed().as_secs_f64();
    let page = dir.join("appendix_200.html");
    let size = std::fs::metadata(&page).expect("page written").len();
    let timed = with_script(&page, TIMING, "appendix_200.timed.html");
    let started = Instant::now();
    let out = headless(&browser, &timed, &["--dump-dom"]);
    let wall_s = started.elapsed().as_secs_f64();
    let timing = dumped_json(&String::from_utf8_lossy(&out.stdout), "data-timing");
    eprintln!(
        "{BIG_PAGES}-page appendix: review {review_s:.2} s, page {:.1} MB, load event at {} ms \
         (DOMContentLoaded {} ms, {} words drawn), chromium run {wall_s:.2} s in all",
        size as f64 / 1e6,
        timing["load_ms"],
        timing["dom_content_loaded_ms"],
        timing["first_page_words"]
    );
    assert_eq!(timing["pages"].as_u64(), Some(BIG_PAGES as u64));
    assert!(
        timing["first_page_words"].as_u64().unwrap_or(0) > 50,
        "the first pages are drawn at load: {timing}"
    );
    let load = timing["load_ms"].as_f64().expect("load time");
    assert!(load < BIG_LOAD_LIMIT_MS, "load took {load} ms");
}
