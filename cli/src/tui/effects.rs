//! Carrying out the app's effects on the server (the only I/O of the TUI besides the
//! terminal and the live WebSocket): each one through the typed API client, its outcome
//! back as an [`Input`].

use super::state::{CardData, Chatter, Effect, ModAction, CARD_MESSAGES};
use super::update::Input;
use crate::api::chat::HistoryQuery;
use crate::api::moderation::{Action, Moderation};
use crate::api::Client;
use crate::duration::format_duration;
use crate::platform::Platform;

/// Carry out one effect; what comes back for the app (None for `Quit`).
pub async fn perform(client: &Client, effect: Effect) -> Option<Input> {
    let e = |e: crate::error::CliError| e.message;
    let done = match effect {
        Effect::Quit => return None,
        Effect::LoadCard { target } => {
            let data = load_card(client, &target).await;
            return Some(Input::Card(target, Box::new(data)));
        }
        Effect::Resolve {
            name,
            platform,
            verb,
        } => {
            let platforms: Vec<Platform> = platform.into_iter().collect();
            let found = client
                .chatters_named(&platforms, &name)
                .await
                .map(|found| {
                    found
                        .into_iter()
                        .map(|(platform, user_id)| Chatter {
                            platform,
                            user_id,
                            name: name.clone(),
                        })
                        .collect()
                })
                .map_err(e);
            return Some(Input::Resolved { name, verb, found });
        }
        Effect::Moderate { target, action } => {
            let (a, secs, reason) = match action {
                ModAction::Ban { reason } => (Action::Ban, None, reason),
                ModAction::Unban => (Action::Unban, None, None),
                ModAction::Timeout { seconds, reason } => (Action::Timeout, Some(seconds), reason),
            };
            let mut m = Moderation::on(target.platform, a, None);
            m.platform_user_id = Some(target.user_id.clone());
            m.duration_seconds = secs;
            m.reason = reason;
            client.moderate(&m).await.map_err(e).map(|r| {
                let who = &target.name;
                if !r.changed {
                    return r
                        .warnings
                        .first()
                        .cloned()
                        .unwrap_or_else(|| format!("{who}: nothing to do"));
                }
                match a {
                    Action::Ban => format!("banned {who}"),
                    Action::Unban => format!("unbanned {who}"),
                    Action::Timeout => format!(
                        "timed out {who} for {}",
                        format_duration(r.duration_seconds.or(secs).unwrap_or(0))
                    ),
                    Action::Delete => "deleted".into(),
                    Action::Warn => format!("warned {who}"),
                }
            })
        }
        Effect::Delete {
            platform,
            message_id,
            author,
        } => {
            let mut m = Moderation::on(platform, Action::Delete, None);
            m.message_id = Some(message_id);
            client
                .moderate(&m)
                .await
                .map_err(e)
                .map(|_| format!("deleted a message of {author}"))
        }
        Effect::Note { target, text } => client
            .add_note(target.platform, &target.user_id, &text)
            .await
            .map_err(e)
            .map(|_| format!("noted on {}", target.name)),
        Effect::Treat { target, treatment } => client
            .set_treatment(target.platform, &target.user_id, &treatment)
            .await
            .map_err(e)
            .map(|t| format!("{} is now {}", target.name, t.treatment.replace('_', " "))),
        Effect::Send { platform, text } => client
            .send_to_platform(platform, &text, None)
            .await
            .map_err(e)
            .map(|r| format!("sent to {platform} ({})", r.delivery.replace('_', " "))),
    };
    Some(Input::Done(done))
}

/// A user card: the profile, the notes, the chatter's moderation log and recent messages
/// from history, fetched side by side; what fails is said on the card, the rest shown.
pub async fn load_card(client: &Client, who: &Chatter) -> CardData {
    let (p, id) = (who.platform, who.user_id.as_str());
    let history = HistoryQuery {
        platform: Some(p.as_str().to_string()),
        user: Some(id.to_string()),
        include_deleted: true,
        limit: Some(CARD_MESSAGES),
        ..HistoryQuery::default()
    };
    let (profile, notes, log, messages) = tokio::join!(
        client.profile(p, id),
        client.list_notes(p, id),
        client.moderation_log(Some((p, id)), 1, 20),
        client.history(&history),
    );
    let mut data = CardData::default();
    let err = data_err;
    let mut errors = Vec::new();
    match profile {
        Ok(x) => data.profile = Some(x),
        Err(e) => errors.push(err("profile", e)),
    }
    match notes {
        Ok(x) => data.notes = x,
        Err(e) => errors.push(err("notes", e)),
    }
    match log {
        Ok(x) => data.log = x.entries,
        Err(e) => errors.push(err("moderation log", e)),
    }
    match messages {
        Ok(x) => data.messages = x.messages,
        Err(e) => errors.push(err("messages", e)),
    }
    data.errors = errors;
    data
}

fn data_err(what: &str, e: crate::error::CliError) -> String {
    format!("{what}: {}", e.message)
}
