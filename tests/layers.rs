//! The code map's rule (DESIGN.md, "Code map"): the core's folders are layers, and each file
//! imports only from its own layer or the layers below it, with no circle between files. Read
//! from the source text of `crate/`: every `crate::…` path outside comments and test modules.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. `bindings.rs` (the wasm boundary) sits above them all.
const LAYERS: [&str; 8] = [
    "support",
    "model",
    "framework",
    "assessment",
    "scoring",
    "pathway",
    "review",
    "workshop",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crate")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's code without comments and without its `#[cfg(test)]` modules (tests may use
/// anything: they are not part of the layering).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if (t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test"))
            && lines.peek().is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            // Skip the module: up to the line that closes it at the same indentation.
            let indent = line.len() - t.len();
            let close = format!("{}}}", " ".repeat(indent));
            for l in lines.by_ref() {
                if l == close {
                    break;
                }
            }
            continue;
        }
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every `crate::a::b::…` path in the code, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        out.push(
            rest[..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        );
    }
    out
}

/// The file a path leads to: folders and files by name, an item in a folder's `mod.rs`.
fn file_of(segments: &[String]) -> PathBuf {
    let mut dir = root();
    for s in segments {
        if dir.join(s).is_dir() {
            dir = dir.join(s);
        } else if dir.join(format!("{s}.rs")).is_file() {
            return dir.join(format!("{s}.rs"));
        } else {
            break;
        }
    }
    if dir == root() {
        root().join("lib.rs")
    } else {
        dir.join("mod.rs")
    }
}

/// The layer of a file (its folder under `crate/`), as an index into [`LAYERS`]; `bindings.rs`
/// and `lib.rs` are above every layer.
fn layer(file: &Path) -> Option<usize> {
    let rel = file.strip_prefix(root()).unwrap();
    let top = rel.components().next()?.as_os_str().to_str()?;
    LAYERS.iter().position(|l| *l == top)
}

fn name(file: &Path) -> String {
    file.strip_prefix(root()).unwrap().display().to_string()
}

/// File → the files it imports.
fn graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut files = Vec::new();
    rust_files(&root(), &mut files);
    files
        .into_iter()
        .map(|f| {
            let deps = crate_paths(&code(&fs::read_to_string(&f).unwrap()))
                .iter()
                .map(|p| file_of(p))
                .filter(|d| *d != f && d.file_name().is_some_and(|n| n != "lib.rs"))
                .collect();
            (f, deps)
        })
        .collect()
}

#[test]
fn every_file_imports_only_from_its_layer_or_below() {
    let g = graph();
    let mut wrong = Vec::new();
    for (f, deps) in &g {
        let Some(own) = layer(f) else { continue };
        for d in deps {
            if layer(d).is_none_or(|l| l > own) {
                wrong.push(format!("{} imports {}", name(f), name(d)));
            }
        }
    }
    assert!(wrong.is_empty(), "imports from a layer above:\n{}", wrong.join("\n"));
    // Each layer folder holds code.
    for l in LAYERS {
        assert!(g.keys().any(|f| layer(f) == LAYERS.iter().position(|x| *x == l)), "{l}");
    }
}

#[test]
fn no_file_imports_itself_through_others() {
    let g = graph();
    // Depth-first search for a back edge; reports the first circle found.
    fn visit<'a>(
        f: &'a PathBuf,
        g: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        state: &mut BTreeMap<&'a PathBuf, u8>,
        stack: &mut Vec<&'a PathBuf>,
    ) -> Option<Vec<String>> {
        state.insert(f, 1);
        stack.push(f);
        for d in g.get(f).into_iter().flatten() {
            match state.get(d) {
                Some(1) => {
                    let at = stack.iter().position(|x| *x == d).unwrap();
                    return Some(stack[at..].iter().map(|p| name(p)).chain([name(d)]).collect());
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(d, g, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(f, 2);
        None
    }
    let mut state = BTreeMap::new();
    for f in g.keys() {
        if !state.contains_key(f) {
            if let Some(circle) = visit(f, &g, &mut state, &mut Vec::new()) {
                panic!("import circle: {}", circle.join(" → "));
            }
        }
    }
}

/// The checks can fail: a path from a lower layer to a higher one is found, and one in a comment
/// or a test module is not.
#[test]
fn the_scan_sees_imports_and_ignores_comments_and_tests() {
    let text = "use crate::model::grade::Grade; // crate::workshop::x\n/// [`crate::pathway`]\nfn f() { crate::scoring::score::score(a) }\n#[cfg(test)]\nmod tests {\n    use crate::workshop::compare;\n}\n";
    let paths = crate_paths(&code(text));
    assert_eq!(
        paths,
        [vec!["model", "grade", "Grade"], vec!["scoring", "score", "score"]]
    );
    assert_eq!(name(&file_of(&paths[0])), "model/grade.rs");
    assert_eq!(
        name(&file_of(&["framework".into(), "Framework".into()])),
        "framework/mod.rs"
    );
    assert_eq!(layer(&file_of(&paths[1])), Some(4));
    assert!(layer(&root().join("bindings.rs")).is_none());
}

/// Every file under `dir`, whatever its kind.
fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The code and its tests read only the repository: a test that reads a sibling checkout
/// (the project's shared folder) would skip, or fail, on a clean clone.
#[test]
fn nothing_in_the_code_or_its_tests_reads_outside_the_repository() {
    let outside = ["..", "shared"].join("/");
    let top = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["crate", "tests", "tools", "examples"] {
        all_files(&top.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{}", files.len());
    let bad: Vec<String> = files
        .iter()
        .filter(|f| fs::read(f).is_ok_and(|b| String::from_utf8_lossy(&b).contains(&outside)))
        .map(|f| f.strip_prefix(top).unwrap().display().to_string())
        .collect();
    assert!(bad.is_empty(), "these files name {outside}: {bad:?}");
}
