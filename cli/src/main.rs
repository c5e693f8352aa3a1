//! The `lumio` binary: parse, run, exit with a code that means something.
#![forbid(unsafe_code)]

use std::io::Write;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = lumio::Cli::parse();
    let result = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(lumio::commands::run(cli)),
        Err(e) => Err(lumio::CliError::failure(format!("cannot start: {e}"))),
    };
    let (code, line) = lumio::error::report(&result);
    if let Some(line) = line {
        // A closed stderr is no reason to panic.
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    std::process::ExitCode::from(code)
}
