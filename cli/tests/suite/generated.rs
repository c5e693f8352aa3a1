//! The checked-in completions and man pages must match what the CLI generates; every page
//! a man page refers to exists, and no stale page is left behind.

use std::collections::BTreeSet;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../completions");

#[test]
fn completions_and_man_pages_are_current() {
    for (name, content) in lumio::commands::completions::generated_files().expect("generate") {
        let path = format!("{DIR}/{name}");
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == content,
            "completions/{name} is out of date with the CLI; regenerate with:\n    scripts/regenerate"
        );
    }
}

#[test]
fn one_man_page_per_subcommand_and_no_dangling_references() {
    let generated: BTreeSet<String> = lumio::commands::completions::man_pages()
        .expect("generate")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    for page in [
        "lumio.1",
        "lumio-mod.1",
        "lumio-mod-ban.1",
        "lumio-auth-login.1",
        "lumio-chat-tail.1",
    ] {
        assert!(generated.contains(page), "{page} in {generated:?}");
    }
    assert!(
        !generated
            .iter()
            .any(|p| p.contains("help") || p == "lumio-man.1"),
        "{generated:?}"
    );
    // What is checked in is exactly what is generated: no stale page.
    let committed: BTreeSet<String> = std::fs::read_dir(format!("{DIR}/man"))
        .expect("completions/man")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(committed, generated, "regenerate with scripts/regenerate");
    assert!(
        !std::path::Path::new(&format!("{DIR}/lumio.1")).exists(),
        "the man pages live in completions/man/"
    );
    // Every `lumio-…(1)` a page names is a page (and the main page names some).
    let main = std::fs::read_to_string(format!("{DIR}/man/lumio.1")).expect("lumio.1");
    assert!(main.contains("lumio\\-mod(1)"), "{main}");
    for name in &committed {
        let text = std::fs::read_to_string(format!("{DIR}/man/{name}"))
            .expect("page")
            .replace("\\-", "-");
        for (i, _) in text.match_indices("lumio-") {
            let rest = &text[i..];
            let Some(end) = rest.find("(1)") else {
                continue;
            };
            let target = &rest[..end];
            if target
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                assert!(
                    committed.contains(&format!("{target}.1")),
                    "{name} refers to {target}(1), which does not exist"
                );
            }
        }
    }
}
