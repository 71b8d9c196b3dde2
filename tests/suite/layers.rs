//! The rooms of `src/` and which may use which (`../shared/design/layout.md`): dependencies
//! point down, a module never reaches up, so there is no cycle. This test reads the sources
//! (code, not comments) and names every use that goes the wrong way, so a change that would
//! tangle the rooms fails here, with the file and line, instead of in a review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each room and the rooms it may use (besides itself). `cli` is the binary: `src/main.rs` and
/// `src/cli/`, which see the library as `amana::`.
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("chain", &["domain"]),
    ("formats", &["domain", "chain"]),
    ("files", &["domain", "chain"]),
    ("rules", &["domain", "chain"]),
    ("store", &["domain", "chain", "rules"]),
    (
        "verify",
        &["domain", "chain", "rules", "store", "files", "formats"],
    ),
    (
        "report",
        &["domain", "chain", "rules", "store", "verify", "formats"],
    ),
    (
        "app",
        &[
            "domain", "chain", "rules", "store", "verify", "files", "formats", "report",
        ],
    ),
    (
        "cli",
        &[
            "domain", "chain", "rules", "store", "verify", "files", "formats", "report", "app",
        ],
    ),
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The room a source file belongs to: `src/rules/periods.rs` → `rules`, `src/main.rs` → `cli`.
fn room(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    match first.trim_end_matches(".rs") {
        "main" => "cli".to_string(),
        other => other.to_string(),
    }
}

/// The rooms named by `crate::ROOM` (library) or `amana::ROOM` (binary) in a file's code,
/// with the line each is on; a group (`crate::{rules, store::Store}`) names each of its rooms.
fn rooms_used(code: &str, prefix: &str) -> Vec<(usize, String)> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut found = vec![];
    let mut from = 0;
    while let Some(at) = code[from..].find(prefix).map(|i| from + i) {
        from = at + prefix.len();
        if code[..at].chars().last().is_some_and(ident) {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut item_start) = (0, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && ident(c) => {
                        let name: String = group[i..].chars().take_while(|c| ident(*c)).collect();
                        found.push((line_of(from + 1 + i), name));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| ident(*c)).collect();
            if !name.is_empty() {
                found.push((line_of(at), name));
            }
        }
    }
    found
}

#[test]
fn each_room_uses_only_the_rooms_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = vec![];
    sources(&src, &mut files);
    files.sort();
    let mut wrong = vec![];
    for file in &files {
        let here = room(&src, file);
        if here == "lib" {
            continue;
        }
        let Some(may) = allowed.get(here.as_str()) else {
            wrong.push(format!(
                "{}: room `{here}` is not in the picture; add it to ALLOWED with what it may use",
                file.display()
            ));
            continue;
        };
        let prefix = if here == "cli" { "amana::" } else { "crate::" };
        let text = std::fs::read_to_string(file).unwrap();
        // Code only: a comment may name any room.
        let code: String = text
            .lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        for (line, used) in rooms_used(&code, prefix) {
            if used != here && !may.contains(&used.as_str()) {
                wrong.push(format!(
                    "{}:{line}: `{here}` uses `{used}`, which is not below it: {}",
                    file.display(),
                    text.lines().nth(line - 1).unwrap_or("").trim()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_room_in_the_picture_exists() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (room, _) in ALLOWED {
        let exists = src.join(room).is_dir() || src.join(format!("{room}.rs")).is_file();
        assert!(exists || *room == "cli", "src/{room} is missing");
    }
}

/// A room's files stay small enough to read in one sitting: past this, split by concern (the
/// way `rules/` is split) rather than grow one file.
const MOST_LINES: usize = 800;

#[test]
fn no_source_file_grows_past_a_sitting() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    sources(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > MOST_LINES).then(|| format!("{}: {lines} lines", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MOST_LINES} lines, split by concern: {}",
        long.join(", ")
    );
}
