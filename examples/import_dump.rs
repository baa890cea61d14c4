//! Developer aid: imports files into a directory and prints the report and the files.
fn main() -> anyhow::Result<()> {
    let args: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (into, files) = args.split_first().expect("usage: import_dump DIR FILE...");
    let rep = xuanguan::import::import_files(files, into, true)?;
    for f in &rep.files {
        println!("== {} ({})", f.source.display(), f.encoding);
        for d in &f.diagnostics {
            println!("{d}");
        }
        for c in &f.created {
            println!("created {}", c.display());
        }
    }
    for c in &rep.campaign {
        println!("{c}");
    }
    Ok(())
}
