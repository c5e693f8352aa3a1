//! `lumio notes`: moderator notes on platform users.

use clap::Subcommand;
use serde::Serialize;
use uuid::Uuid;

use super::moderation::UserArg as Target;
use super::{read_stdin, Ctx};
use crate::api::model::Note;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List the notes on a user, newest first.
    ///
    /// On a terminal: a table. Piped: one tab-separated line per note, without headers —
    /// id, author, created (RFC 3339), text (tabs and line breaks escaped). With --json: an
    /// array of notes with id, account_id, platform, platform_user_id, note, created_by,
    /// created_by_name, created_at, updated_at.
    #[command(
        visible_alias = "ls",
        after_help = "\
Examples:
  lumio notes list twitch 1234
  lumio notes list twitch 1234 | cut -f1            # just the ids
  lumio notes list twitch 1234 --json | jq -r '.[] | \"\\(.created_by_name): \\(.note)\"'"
    )]
    List {
        #[command(flatten)]
        target: Target,
    },
    /// Write a note on a user.
    ///
    /// Prints the new note's id (on a terminal, a sentence saying so; with --json, the note).
    #[command(after_help = "\
Examples:
  lumio notes add twitch 1234 \"warned for spam\"
  echo \"long note\" | lumio notes add kick 99 -")]
    Add {
        #[command(flatten)]
        target: Target,
        /// The note, 1–2000 characters; `-` reads it from standard input.
        text: String,
    },
    /// Change the text of a note.
    #[command(after_help = "\
Example:
  lumio notes edit twitch 1234 0193a4c2-5b1e-7c3d-9f00-1a2b3c4d5e6f \"warned twice\"")]
    Edit {
        #[command(flatten)]
        target: Target,
        /// The note's id (see `lumio notes list`).
        #[arg(value_name = "NOTE_ID")]
        id: Uuid,
        /// The new text, 1–2000 characters; `-` reads it from standard input.
        text: String,
    },
    /// Delete a note.
    ///
    /// Asks for confirmation on a terminal; `--yes` skips the question, and without a
    /// terminal `--yes` is required.
    #[command(
        visible_alias = "delete",
        after_help = "\
Example:
  lumio notes rm twitch 1234 0193a4c2-5b1e-7c3d-9f00-1a2b3c4d5e6f --yes"
    )]
    Rm {
        #[command(flatten)]
        target: Target,
        /// The note's id (see `lumio notes list`).
        #[arg(value_name = "NOTE_ID")]
        id: Uuid,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Serialize)]
struct Deleted {
    deleted: Uuid,
}

pub async fn run(ctx: Ctx, cmd: NotesCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        NotesCommand::List { target: t } => {
            let user = t.resolve(&client).await?;
            let notes = client.list_notes(t.platform, &user).await?;
            print_notes(&ctx, &notes)
        }
        NotesCommand::Add { target: t, text } => {
            let text = text_arg(text)?;
            let user = t.resolve(&client).await?;
            let note = client.add_note(t.platform, &user, &text).await?;
            print_one(&ctx, &note, "Added")
        }
        NotesCommand::Edit {
            target: t,
            id,
            text,
        } => {
            let text = text_arg(text)?;
            let user = t.resolve(&client).await?;
            let note = client.edit_note(t.platform, &user, id, &text).await?;
            print_one(&ctx, &note, "Updated")
        }
        NotesCommand::Rm { target: t, id, yes } => {
            if !yes {
                confirm(
                    &ctx,
                    &format!("Delete note {id} on {} user {}?", t.platform, t.user),
                )?;
            }
            let user = t.resolve(&client).await?;
            client.delete_note(t.platform, &user, id).await?;
            if ctx.out.json {
                return ctx.out.json(&Deleted { deleted: id });
            }
            ctx.out.info(&format!("Deleted note {id}"))
        }
    }
}

/// Ask before something that cannot be undone: only on a terminal, never waiting otherwise.
fn confirm(ctx: &Ctx, question: &str) -> CliResult<()> {
    if !ctx.interactive() {
        return Err(CliError::usage(
            "not on a terminal, so lumio cannot ask: pass --yes to delete without confirmation",
        ));
    }
    let sure = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| CliError::failure(format!("prompt: {e}")))?;
    if sure {
        Ok(())
    } else {
        Err(CliError::failure("cancelled; nothing was deleted"))
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
    if notes.is_empty() {
        if ctx.out.tty {
            ctx.out.note("No notes on this user.");
        }
        return Ok(());
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
    ctx.out.table(&["id", "author", "created", "note"], &rows)
}

fn print_one(ctx: &Ctx, note: &Note, verb: &str) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(note);
    }
    if ctx.out.quiet || !ctx.out.tty {
        return ctx.out.line(&note.id);
    }
    ctx.out.info(&format!(
        "{verb} note {} on {} user {}",
        ctx.out.bold(&note.id),
        note.platform,
        note.platform_user_id
    ))
}
