//! What `lumio commands` prints: tables on a terminal, tab-separated rows when piped,
//! JSON with `--json`.

use serde_json::json;

use crate::api::bot_commands::{BotCommand, ImportResult};
use crate::commands::Ctx;
use crate::error::CliResult;

fn cooldowns(c: &BotCommand) -> String {
    format!(
        "{}s/{}s",
        c.global_cooldown_seconds, c.user_cooldown_seconds
    )
}

pub fn print_list(ctx: &Ctx, list: &[BotCommand]) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(&list);
    }
    if list.is_empty() {
        if ctx.out.tty {
            ctx.out.note("No commands.");
        }
        return Ok(());
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|c| {
            let scope = match (&c.account_override, &c.shadows_global) {
                (Some(_), _) => format!("{} (overridden)", c.scope),
                (_, Some(_)) => format!("{} (shadows global)", c.scope),
                _ => c.scope.clone(),
            };
            vec![
                format!("!{}", c.name),
                scope,
                c.kind.clone(),
                c.min_role.clone(),
                c.platforms.join(","),
                cooldowns(c),
                if c.enabled { "yes" } else { "no" }.into(),
                if c.kind == "automation" {
                    format!("→ {}", c.automation.as_deref().unwrap_or("?"))
                } else {
                    c.response.clone()
                },
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "name",
            "scope",
            "type",
            "min role",
            "platforms",
            "cooldown g/u",
            "on",
            "response",
        ],
        &rows,
    )
}

pub fn print_card(ctx: &Ctx, c: &BotCommand) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(c);
    }
    let mut rows = vec![
        ("name", format!("!{}", c.name)),
        ("id", c.id.clone()),
        ("scope", c.scope.clone()),
        ("type", c.kind.clone()),
        ("response", c.response.clone()),
    ];
    if let Some(a) = &c.automation {
        rows.push(("automation", a.clone()));
    }
    rows.extend([
        (
            "aliases",
            if c.aliases.is_empty() {
                "-".into()
            } else {
                c.aliases.join(", ")
            },
        ),
        ("platforms", c.platforms.join(", ")),
        ("discord", c.discord_style.clone()),
        ("min role", c.min_role.clone()),
        (
            "cooldown",
            format!(
                "{}s global, {}s per user",
                c.global_cooldown_seconds, c.user_cooldown_seconds
            ),
        ),
        (
            "mods wait",
            if c.cooldown_applies_to_mods {
                "yes"
            } else {
                "no (they skip cooldowns)"
            }
            .into(),
        ),
        (
            "cooldown reply",
            c.cooldown_reply
                .clone()
                .unwrap_or_else(|| "- (silent)".into()),
        ),
        ("enabled", if c.enabled { "yes" } else { "no" }.into()),
    ]);
    if c.needs_review {
        rows.push((
            "review",
            "needs review (imported with something lumio could not map)".into(),
        ));
    }
    if let (Some(s), id) = (&c.source, &c.source_id) {
        rows.push(("source", format!("{s} {}", id.as_deref().unwrap_or(""))));
    }
    if c.account_override.is_some() {
        rows.push(("override", "this account overrides it".into()));
    }
    if let Some(g) = &c.shadows_global {
        rows.push(("shadows", format!("the global command {g}")));
    }
    if !ctx.out.tty {
        for (k, v) in &rows {
            ctx.out
                .line(&format!("{k}\t{}", crate::output::tsv_field(v)))?;
        }
        return Ok(());
    }
    for (k, v) in &rows {
        ctx.out.line(&format!("{:>15}  {v}", ctx.out.bold(k)))?;
    }
    Ok(())
}

pub fn done(ctx: &Ctx, c: &BotCommand, verb: &str) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(c);
    }
    if ctx.out.quiet || !ctx.out.tty {
        return ctx.out.line(&c.id);
    }
    ctx.out
        .info(&format!("{verb} !{} ({})", ctx.out.bold(&c.name), c.id))
}

pub fn print_import(ctx: &Ctx, r: &ImportResult, file_notes: &[String]) -> CliResult<()> {
    if ctx.out.json {
        return ctx
            .out
            .json(&json!({"result": r, "file_notes": file_notes}));
    }
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|x| ("", x))
        .chain(r.overrides.iter().map(|x| ("override ", x)))
        .map(|(kind, x)| {
            vec![
                x.row.to_string(),
                format!("{kind}{}", x.name),
                x.action.clone(),
                x.error.clone().unwrap_or_else(|| x.lost.join("; ")),
            ]
        })
        .collect();
    ctx.out
        .table(&["row", "command", "action", "lost / error"], &rows)?;
    let mode = if r.dry_run {
        "dry run, nothing written"
    } else if r.applied {
        "imported"
    } else {
        "nothing written"
    };
    let limit = r
        .limit
        .map(|l| format!("{l}"))
        .unwrap_or_else(|| "unlimited".into());
    ctx.out.note(&format!(
        "{mode}: {} to create, {} to update, {} unchanged, {} skipped, {} failed; {} commands after (the {} plan allows {limit})",
        r.created, r.updated, r.unchanged, r.skipped, r.failed, r.total_after, r.plan
    ));
    let lossy = r.rows.iter().filter(|x| !x.lost.is_empty()).count();
    if lossy > 0 || !file_notes.is_empty() {
        ctx.out.note(&format!(
            "lossiness: {lossy} command(s) did not map fully (see above)"
        ));
    }
    for n in file_notes {
        ctx.out.note(&format!("lossiness: {n}"));
    }
    Ok(())
}
