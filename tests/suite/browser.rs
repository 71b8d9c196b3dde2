//! The HTML reports in a real browser: Debian's headless Chromium (installed by `.ci/run`; a
//! missing Chromium fails these tests, never skips them). Each page is loaded with every name
//! lookup refused and its network log recorded: no request may leave the file, no console
//! error may be printed, an Arabic page must lay out right to left (its title and its tables'
//! first column on the right), and printing to PDF must give A4 pages. Screenshots are kept
//! under `target/report-screens/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary: Debian's package puts it at /usr/bin/chromium.
pub fn chromium() -> PathBuf {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(candidate).exists() {
            return candidate.into();
        }
    }
    panic!(
        "Chromium is needed by the HTML report tests: install Debian's `chromium` package (.ci/run does)"
    );
}

/// Chromium headless, as this machine's closed network needs it: no background requests, a
/// fresh profile, every host name unresolvable (so a page's request fails fast and shows in
/// the network log).
fn headless(profile: &Path) -> Command {
    let mut c = Command::new(chromium());
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

fn url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("page exists").display()
    )
}

fn run(mut c: Command, what: &str) -> std::process::Output {
    let o = c.output().expect("chromium runs");
    assert!(
        o.status.success(),
        "chromium {what}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// What Chromium saw of a page.
#[derive(Debug)]
pub struct PageCheck {
    /// Console messages (Chromium's log does not tell their level apart; a report has no
    /// script, so any message is an error: a failed load, a blocked resource).
    pub console_errors: Vec<String>,
    /// Every http(s) address the page asked for (Chromium's own update checks left out).
    pub requests: Vec<String>,
    /// The root element's computed direction, and positions of the title and of the first
    /// table's first and last header cells (CSS pixels from the left).
    pub layout: serde_json::Value,
}

/// Hosts Chromium itself calls at start-up, whatever the page (refused here anyway).
const CHROMIUM_OWN: &[&str] = &[
    "google.com/",
    "googleapis.com/",
    "gstatic.com/",
    "gvt1.com/",
    "googleusercontent.com/",
];

/// Loads `page` in Chromium: its console errors, its network requests, its layout.
pub fn check_page(page: &Path, work: &Path) -> PageCheck {
    let tag = page.file_stem().unwrap().to_string_lossy().to_string();
    let netlog = work.join(format!("{tag}.netlog.json"));
    let mut c = headless(&work.join(format!("profile-{tag}")));
    c.arg("--enable-logging=stderr")
        .arg("--v=0")
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(url(page));
    let o = run(c, "loading the page");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let console_errors = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let log = std::fs::read_to_string(&netlog).unwrap_or_default();
    let mut requests: Vec<String> = log
        .split("\"url\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .filter(|u| !CHROMIUM_OWN.iter().any(|h| u.contains(h)))
        .map(str::to_string)
        .collect();
    requests.sort();
    requests.dedup();
    PageCheck {
        console_errors,
        requests,
        layout: layout(page, work, &tag),
    }
}

/// The page laid out in a frame of a probe page, which measures it with the DOM.
fn layout(page: &Path, work: &Path, tag: &str) -> serde_json::Value {
    let probe = work.join(format!("probe-{tag}.html"));
    std::fs::write(
        &probe,
        format!(
            r#"<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="f" src="{}" style="width:900px;height:1200px"></iframe>
<script>
document.getElementById('f').addEventListener('load', () => {{
  const d = document.getElementById('f').contentDocument;
  const root = d.documentElement;
  const box = e => e ? e.getBoundingClientRect() : null;
  const h1 = box(d.querySelector('h1'));
  const th = d.querySelector('table th');
  const r = {{
    dir: getComputedStyle(root).direction,
    width: root.clientWidth,
    h1_left: h1 && Math.round(h1.left), h1_right: h1 && Math.round(h1.right),
    first_th_left: th && Math.round(box(th).left),
    last_th_left: th && Math.round(box(th.parentElement.lastElementChild).left),
  }};
  document.getElementById('out').textContent = JSON.stringify(r);
}});
</script></body></html>"#,
            url(page)
        ),
    )
    .unwrap();
    let mut c = headless(&work.join(format!("profile-probe-{tag}")));
    c.arg("--allow-file-access-from-files")
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(url(&probe));
    let o = run(c, "measuring the page");
    let dom = String::from_utf8_lossy(&o.stdout);
    let json = dom
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or("null")
        .replace("&quot;", "\"");
    serde_json::from_str(&json).unwrap_or_else(|_| panic!("probe of {tag} said: {json}"))
}

/// A PNG screenshot of `page` (kept for a person to look at).
pub fn screenshot(page: &Path, png: &Path, work: &Path) {
    let mut c = headless(&work.join("profile-shot"));
    c.arg("--window-size=1000,1400")
        .arg("--hide-scrollbars")
        .arg(format!("--screenshot={}", png.display()))
        .arg(url(page));
    run(c, "taking a screenshot");
    assert!(png.exists(), "no screenshot at {}", png.display());
}

/// `page` printed to PDF by Chromium, as a reader's "Print" would.
pub fn print_to_pdf(page: &Path, pdf: &Path, work: &Path) {
    let mut c = headless(&work.join("profile-print"));
    c.arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url(page));
    run(c, "printing to PDF");
    assert!(pdf.exists(), "no PDF at {}", pdf.display());
}

/// Page count and the first page's size in points, as `pdfinfo` (poppler-utils) reads them.
pub fn pdf_pages(pdf: &Path) -> (u32, String) {
    let o = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (Debian poppler-utils) is needed: .ci/run installs it");
    assert!(o.status.success(), "pdfinfo {}", pdf.display());
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    (field("Pages:").parse().unwrap_or(0), field("Page size:"))
}

/// The text of a PDF, as `pdftotext` (poppler-utils) extracts it.
pub fn pdf_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils) is needed: .ci/run installs it");
    assert!(o.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// Where screenshots are kept for people: `target/report-screens/`.
pub fn screens_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_checks_see_a_request_and_a_console_error_when_a_page_makes_them() {
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("bad.html");
    std::fs::write(
        &page,
        r#"<!DOCTYPE html><html dir="ltr"><body><h1>t</h1><img src="http://example.com/x.png"><script>console.error("boom")</script></body></html>"#,
    )
    .unwrap();
    let check = check_page(&page, work.path());
    assert!(
        check.requests.iter().any(|u| u.contains("example.com")),
        "{check:?}"
    );
    assert!(
        check.console_errors.iter().any(|l| l.contains("boom")),
        "{check:?}"
    );
    assert_eq!(check.layout["dir"], "ltr");
}
