//! `lumio completions SHELL` and the man pages; the files under `completions/` are these.

use std::io::Write;
use std::path::Path;

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

/// One man page (roff) per command and subcommand, as clap_mangen names them: `lumio.1`,
/// `lumio-mod.1`, `lumio-mod-ban.1` … Hidden commands have none, and no page lists one.
pub fn man_pages() -> CliResult<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> CliResult<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out)?;
        }
        let man = clap_mangen::Man::new(cmd)
            .source(concat!("lumio ", env!("CARGO_PKG_VERSION")))
            .manual("lumio manual");
        let mut buf = Vec::new();
        man.render(&mut buf)
            .map_err(|e| CliError::failure(format!("cannot render a man page: {e}")))?;
        out.push((man.get_filename(), buf));
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    walk(cmd, &mut pages)?;
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(pages)
}

pub fn completions(shell: clap_complete::Shell) -> CliResult<()> {
    std::io::stdout().lock().write_all(&script(shell))?;
    Ok(())
}

/// `lumio man`: the main page on stdout; with a directory, every page written there.
pub fn man(out_dir: Option<&Path>) -> CliResult<()> {
    let pages = man_pages()?;
    let Some(dir) = out_dir else {
        let main = pages
            .iter()
            .find(|(name, _)| name == "lumio.1")
            .ok_or_else(|| CliError::failure("no lumio.1 among the man pages"))?;
        std::io::stdout().lock().write_all(&main.1)?;
        return Ok(());
    };
    let fail = |e: std::io::Error| CliError::failure(format!("{}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(fail)?;
    for (name, page) in &pages {
        std::fs::write(dir.join(name), page).map_err(fail)?;
    }
    Ok(())
}

/// The checked-in files under `completions/` and what they hold.
pub fn generated_files() -> CliResult<Vec<(String, Vec<u8>)>> {
    use clap_complete::Shell;
    let mut files: Vec<(String, Vec<u8>)> = [
        ("lumio.bash", Shell::Bash),
        ("_lumio", Shell::Zsh),
        ("lumio.fish", Shell::Fish),
        ("_lumio.ps1", Shell::PowerShell),
        ("lumio.elv", Shell::Elvish),
    ]
    .into_iter()
    .map(|(name, shell)| (name.to_string(), script(shell)))
    .collect();
    for (name, page) in man_pages()? {
        files.push((format!("man/{name}"), page));
    }
    Ok(files)
}
