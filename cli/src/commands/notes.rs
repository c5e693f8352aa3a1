//! `lumio notes`: moderator notes on platform users.

use clap::Subcommand;
use reqwest::Method;
use serde_json::json;

use super::{read_stdin, Ctx};
use crate::api::model::Note;
use crate::api::ops::{create_platform_user_note, platform_user_notes};
use crate::api::ops::{CreatePlatformUserNote, PlatformUserNotes};
use crate::api::Client;
use crate::error::{CliError, CliResult};

const PLATFORMS: [&str; 5] = ["twitch", "youtube", "kick", "trovo", "discord"];

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List the notes on a user, newest first.
    #[command(after_help = "Example:\n  lumio notes list twitch 1234")]
    List {
        /// twitch, youtube, kick, trovo or discord.
        platform: String,
        /// The user's id on the platform.
        user: String,
    },
    /// Write a note on a user (TEXT `-` reads it from standard input).
    #[command(
        after_help = "Examples:\n  lumio notes add twitch 1234 \"warned for spam\"\n  echo \"long note\" | lumio notes add kick 99 -"
    )]
    Add {
        platform: String,
        user: String,
        /// The note, 1–2000 characters.
        text: String,
    },
    /// Change the text of a note.
    Edit {
        platform: String,
        user: String,
        /// The note's id (see `lumio notes list`).
        note_id: String,
        /// The new text (`-` reads standard input).
        text: String,
    },
    /// Delete a note (asks first on a terminal; `--yes` to skip).
    #[command(visible_alias = "delete")]
    Rm {
        platform: String,
        user: String,
        note_id: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

fn platform(p: &str) -> CliResult<String> {
    let lower = p.to_ascii_lowercase();
    if PLATFORMS.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        Err(CliError::usage(format!(
            "unknown platform '{p}' (expected one of {})",
            PLATFORMS.join(", ")
        )))
    }
}

fn text_arg(text: String) -> CliResult<String> {
    if text == "-" {
        Ok(read_stdin()?.trim_end().to_string())
    } else {
        Ok(text)
    }
}

fn print_notes(ctx: &Ctx, notes: &[Note]) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(&notes);
    }
    let rows: Vec<Vec<String>> = notes
        .iter()
        .map(|n| {
            vec![
                n.id.clone(),
                n.created_by_name.clone(),
                ctx.out.time(&n.created_at),
                n.note.clone(),
            ]
        })
        .collect();
    if rows.is_empty() && ctx.out.tty {
        return ctx.out.info("No notes.");
    }
    ctx.out.table(&["id", "author", "created", "note"], &rows)
}

pub async fn run(ctx: Ctx, cmd: NotesCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    let account = ctx.resolved.account.clone();
    match cmd {
        NotesCommand::List { platform: p, user } => {
            let data = client
                .graphql::<PlatformUserNotes>(platform_user_notes::Variables {
                    platform: platform(&p)?,
                    platform_user_id: user,
                    account_id: account,
                })
                .await?;
            let notes: Vec<Note> = data
                .platform_user_notes
                .into_iter()
                .map(Note::from)
                .collect();
            print_notes(&ctx, &notes)
        }
        NotesCommand::Add {
            platform: p,
            user,
            text,
        } => {
            let data = client
                .graphql::<CreatePlatformUserNote>(create_platform_user_note::Variables {
                    platform: platform(&p)?,
                    platform_user_id: user,
                    note: text_arg(text)?,
                    account_id: account,
                })
                .await?;
            let note = Note::from(data.create_platform_user_note);
            print_one(&ctx, &note, "Added")
        }
        NotesCommand::Edit {
            platform: p,
            user,
            note_id,
            text,
        } => {
            let path = format!(
                "/v1/chat/users/{}/{}/notes/{}",
                platform(&p)?,
                encode(&user),
                encode(&note_id)
            );
            let note: Note = client
                .rest(
                    Method::PATCH,
                    &path,
                    Some(&json!({"note": text_arg(text)?})),
                )
                .await?;
            print_one(&ctx, &note, "Updated")
        }
        NotesCommand::Rm {
            platform: p,
            user,
            note_id,
            yes,
        } => {
            let p = platform(&p)?;
            if !yes {
                if !ctx.interactive() {
                    return Err(CliError::usage(
                        "not on a terminal: pass --yes to delete without confirmation",
                    ));
                }
                let sure = dialoguer::Confirm::new()
                    .with_prompt(format!("Delete note {note_id} on {p} user {user}?"))
                    .default(false)
                    .interact()
                    .map_err(|e| CliError::failure(e.to_string()))?;
                if !sure {
                    return Err(CliError::failure("cancelled"));
                }
            }
            let path = format!(
                "/v1/chat/users/{p}/{}/notes/{}",
                encode(&user),
                encode(&note_id)
            );
            client
                .rest::<()>(Method::DELETE, &path, None::<&()>)
                .await?;
            if ctx.out.json {
                return ctx.out.json(&json!({"deleted": note_id}));
            }
            ctx.out.info(&format!("Deleted note {note_id}"))
        }
    }
}

fn print_one(ctx: &Ctx, note: &Note, verb: &str) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(note);
    }
    if ctx.out.quiet || !ctx.out.tty {
        println!("{}", note.id);
        return Ok(());
    }
    ctx.out.info(&format!(
        "{verb} note {} on {} user {}",
        note.id, note.platform, note.platform_user_id
    ))
}

/// Percent-encode a path segment.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_and_encoding() {
        assert_eq!(platform("Twitch").unwrap(), "twitch");
        assert_eq!(
            platform("myspace").unwrap_err().code,
            crate::error::ExitCode::Usage
        );
        assert_eq!(encode("a b/c"), "a%20b%2Fc");
    }
}
