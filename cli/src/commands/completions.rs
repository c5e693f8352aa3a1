//! `lumio completions SHELL` and the man page; the files under `completions/` are these.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{CliError, CliResult};

/// The completion script of a shell.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "lumio", &mut buf);
    buf
}

/// The man page (roff).
pub fn man_page() -> CliResult<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .map_err(|e| CliError::failure(format!("cannot render the man page: {e}")))?;
    Ok(buf)
}

pub fn completions(shell: clap_complete::Shell) -> CliResult<()> {
    std::io::stdout().lock().write_all(&script(shell))?;
    Ok(())
}

pub fn man() -> CliResult<()> {
    std::io::stdout().lock().write_all(&man_page()?)?;
    Ok(())
}

/// The checked-in files and what they hold.
pub fn generated_files() -> CliResult<Vec<(&'static str, Vec<u8>)>> {
    use clap_complete::Shell;
    Ok(vec![
        ("lumio.bash", script(Shell::Bash)),
        ("_lumio", script(Shell::Zsh)),
        ("lumio.fish", script(Shell::Fish)),
        ("_lumio.ps1", script(Shell::PowerShell)),
        ("lumio.elv", script(Shell::Elvish)),
        ("lumio.1", man_page()?),
    ])
}
