//! The checked-in completions and man page must match what the CLI generates.

#[test]
fn completions_and_man_page_are_current() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../completions");
    for (name, content) in lumio::commands::completions::generated_files().expect("generate") {
        let path = format!("{dir}/{name}");
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == content,
            "completions/{name} is out of date with the CLI; regenerate with:\n    scripts/regenerate"
        );
    }
}
