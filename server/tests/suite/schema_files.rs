//! The checked-in API descriptions must match what the code prints.

#![allow(clippy::unwrap_used)]

fn check(path: &str, actual: &str, command: &str) {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == actual,
        "{path} is out of date with the code; regenerate it with:\n    {command}"
    );
}

#[test]
fn graphql_schema_is_current() {
    check(
        "schema/schema.graphql",
        &lumio_server::graphql::sdl(),
        "scripts/regenerate",
    );
}

#[test]
fn openapi_document_is_current() {
    check(
        "schema/openapi.json",
        &lumio_server::openapi::document(),
        "scripts/regenerate",
    );
}
