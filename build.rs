//! Rebuild when the embedded default theme changes (include_dir does not track new files).
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
