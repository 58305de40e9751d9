//! Converts every TOML data file under `crate/data/` to JSON in `OUT_DIR` at compile time,
//! so the rules, statements and calendars are embedded as data without shipping a TOML
//! parser in the wasm. A file that is not valid TOML fails the build with its path.
use std::{env, fs, path::Path};

fn convert(dir: &Path, rel: &Path, out: &Path) {
    for entry in fs::read_dir(dir).expect("read crate/data") {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            convert(&path, &rel.join(&name), out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = fs::read_to_string(&path).expect("read data file");
            let value: toml::Value =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
            let target = out.join(rel).join(&name).with_extension("json");
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(&target, serde_json::to_string(&value).unwrap()).unwrap();
        }
    }
}

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed=crate/data");
    convert(Path::new("crate/data"), Path::new(""), Path::new(&out));
}
