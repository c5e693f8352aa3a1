//! Live events into the state: messages join the scrollback; a deletion strikes its message
//! through; a ban or timeout greys the chatter's messages and adds a system line, whoever
//! took it (this screen, another lumio client, the platform through a connector); every
//! moderation event goes to the log pane, and refreshes the user card it is about.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::state::{App, Chatter, Effect, Line, LogItem, System, LOG_KEPT};
use crate::api::live::{LiveEvent, UserEvent};
use crate::duration::format_duration;
use crate::platform::Platform;

/// When an event happened: its cursor is a UUIDv7, whose first 48 bits are its time.
pub fn cursor_time(cursor: &str) -> Option<DateTime<Utc>> {
    let id = Uuid::try_parse(cursor).ok()?;
    let (secs, nanos) = id.get_timestamp()?.to_unix();
    DateTime::from_timestamp(i64::try_from(secs).ok()?, nanos)
}

/// A name as it should be shown: a blank one is no name.
fn named(n: Option<&str>) -> Option<String> {
    n.map(str::trim).filter(|n| !n.is_empty()).map(String::from)
}

impl App {
    pub(super) fn live(&mut self, ev: LiveEvent, at: DateTime<Utc>) -> Vec<Effect> {
        match ev {
            LiveEvent::Message { message, .. } => {
                if self.by_id.contains_key(&message.id) {
                    // A replayed message already shown (after a reconnect) is not doubled.
                    return vec![];
                }
                let Some(l) = Line::message(&message, self.offset) else {
                    return vec![];
                };
                self.rate.add(at);
                let seq = self.next_seq;
                self.chatters.saw(l.platform, &l.user_id, &l.name, seq);
                for e in &l.emotes {
                    match self.emotes.get_mut(e) {
                        Some(s) => *s = seq,
                        None => {
                            self.emotes.insert(e.clone(), seq);
                        }
                    }
                }
                if self.emotes.len() > super::state::EMOTES_KEPT {
                    let cut = seq.saturating_sub(50_000);
                    self.emotes.retain(|_, s| *s > cut);
                    if self.emotes.len() > super::state::EMOTES_KEPT {
                        self.emotes.clear();
                    }
                }
                if let Some(c) = &mut self.card {
                    if l.is_about(&c.target) && !c.messages.iter().any(|m| m.id == l.id) {
                        let mut cl = l.clone();
                        cl.highlight = self.highlighter.of(&cl);
                        c.messages.insert(0, cl);
                        c.messages.truncate(super::state::CARD_MESSAGES);
                        if c.cursor > 0 {
                            c.cursor = (c.cursor + 1).min(c.messages.len() - 1);
                        }
                        if let Some(p) = &mut c.profile {
                            p.message_count += 1;
                        }
                    }
                }
                self.push(l);
                vec![]
            }
            LiveEvent::MessageDeleted {
                cursor,
                message_id,
                platform,
                user_id,
                deleted_by,
            } => {
                let Ok(p) = platform.parse::<Platform>() else {
                    return vec![];
                };
                let by = named(Some(&deleted_by)).unwrap_or_else(|| "a moderator".into());
                let mut author = None;
                if let Some(seq) = self.by_id.get(&message_id).copied() {
                    if let Some(l) = self.line_mut(seq) {
                        l.deleted_by = Some(by.clone());
                        author = Some(l.name.clone());
                    }
                    self.refilter_one(seq);
                }
                let target = author.unwrap_or_else(|| self.name_of(p, &user_id));
                let time = cursor_time(&cursor).unwrap_or(at);
                self.log(LogItem {
                    time: self.clock(time),
                    platform: Some(p),
                    actor: by.clone(),
                    target,
                    action: "delete".into(),
                    duration: None,
                    reason: None,
                    user_id: Some(user_id.clone()),
                    delivery: None,
                });
                let mut fx = vec![];
                if let Some(c) = &mut self.card {
                    if c.target.platform == p && c.target.user_id == user_id {
                        for m in c.messages.iter_mut().filter(|m| m.id == message_id) {
                            m.deleted_by = Some(by.clone());
                        }
                        fx = self.reload_card();
                    }
                }
                fx
            }
            LiveEvent::UserBanned { cursor, user } => {
                self.moderated(System::Ban, &cursor, user, at)
            }
            LiveEvent::UserTimedOut { cursor, user } => {
                self.moderated(System::Timeout, &cursor, user, at)
            }
            LiveEvent::UserUnbanned { cursor, user } => {
                self.moderated(System::Unban, &cursor, user, at)
            }
            LiveEvent::TreatmentChanged { cursor, user } => {
                let Some(c) = self.about(&user) else {
                    return vec![];
                };
                let t = user.treatment.clone().unwrap_or_else(|| "none".into());
                for i in 0..self.lines.len() {
                    if self.lines[i].is_about(&c) {
                        self.lines[i].marks.restricted = t == "restricted";
                        self.lines[i].marks.monitored = t == "active_monitoring";
                        let shown = self.passes(&self.lines[i]);
                        self.lines[i].shown = shown;
                    }
                }
                self.log_user(&cursor, at, &c, &user, format!("treatment → {t}"));
                if let Some(card) = &mut self.card {
                    if card.target.platform == c.platform && card.target.user_id == c.user_id {
                        if let Some(p) = &mut card.profile {
                            p.treatment = t;
                        }
                    }
                }
                self.refresh_card_of(&c)
            }
            LiveEvent::NoteCreated { cursor, user } => {
                let Some(c) = self.about(&user) else {
                    return vec![];
                };
                self.log_user(&cursor, at, &c, &user, "note".into());
                self.refresh_card_of(&c)
            }
            LiveEvent::StreamStatus {
                cursor,
                platform,
                live,
            } => {
                let Ok(p) = platform.parse::<Platform>() else {
                    return vec![];
                };
                self.live_states[super::state::pidx(p)] = Some(live);
                let time = self.clock(cursor_time(&cursor).unwrap_or(at));
                let text = if live {
                    format!("{p} is live now")
                } else {
                    format!("{p} went offline")
                };
                self.push(Line::system(System::Stream, p, time, None, text));
                vec![]
            }
            LiveEvent::LiveControl {
                cursor,
                platform,
                action,
                status,
                by,
                ..
            } => {
                let Ok(p) = platform.parse::<Platform>() else {
                    return vec![];
                };
                let time = self.clock(cursor_time(&cursor).unwrap_or(at));
                let who = named(by.as_deref()).unwrap_or_else(|| "a moderator".into());
                let what = match action.as_str() {
                    "raid_cancelled" => "cancelled the raid".to_string(),
                    "poll_ended" => format!("ended the poll ({})", status.to_lowercase()),
                    "prediction_ended" => {
                        format!("ended the prediction ({})", status.to_lowercase())
                    }
                    other => format!("{} ({})", other.replace('_', " "), status.to_lowercase()),
                };
                self.push(Line::system(
                    System::Control,
                    p,
                    time,
                    None,
                    format!("{who} {what}"),
                ));
                vec![]
            }
            LiveEvent::ModerationDelivery {
                platform,
                action,
                user_id,
                status,
                ..
            } => {
                // The newest entry of that action on that chatter shows the status word.
                let p = platform.parse::<Platform>().ok();
                if let Some(e) = self.modlog.iter_mut().find(|e| {
                    e.platform == p && e.action == action && e.user_id.as_deref() == Some(&user_id)
                }) {
                    e.delivery = Some(status);
                }
                vec![]
            }
            LiveEvent::BotStatus {
                cursor,
                platform,
                status,
                by,
            } => {
                // The status bar's mark follows at once; a line says what changed.
                let Ok(p) = platform.parse::<Platform>() else {
                    return vec![];
                };
                let i = super::state::pidx(p);
                if self.bots[i].as_deref() == Some(status.as_str()) {
                    return vec![];
                }
                let time = self.clock(cursor_time(&cursor).unwrap_or(at));
                let who = named(by.as_deref());
                let what = match status.as_str() {
                    "active" => "is active".to_string(),
                    "paused" => "is paused".to_string(),
                    "no_connection" => "has no channel connection".to_string(),
                    "needs_reauth" => {
                        format!("needs re-authorization: run `lumio connect {p}`")
                    }
                    other => other.replace('_', " "),
                };
                let text = match who {
                    Some(w) if status != "needs_reauth" => format!("the {p} bot {what} ({w})"),
                    _ => format!("the {p} bot {what}"),
                };
                self.bots[i] = Some(status);
                self.push(Line::system(System::Control, p, time, None, text));
                vec![]
            }
            LiveEvent::Hello | LiveEvent::Lagged { .. } | LiveEvent::Other => vec![],
        }
    }

    /// The chatter a user event is about, named as well as the session can.
    fn about(&self, u: &UserEvent) -> Option<Chatter> {
        let p = u.platform.parse::<Platform>().ok()?;
        let name = named(u.username.as_deref()).unwrap_or_else(|| self.name_of(p, &u.user_id));
        Some(Chatter {
            platform: p,
            user_id: u.user_id.clone(),
            name,
        })
    }

    /// A ban, timeout or unban: grey the chatter's messages (not for an unban), a system
    /// line in the chat, an entry in the log, and the card refreshed.
    fn moderated(
        &mut self,
        kind: System,
        cursor: &str,
        u: UserEvent,
        at: DateTime<Utc>,
    ) -> Vec<Effect> {
        let Some(c) = self.about(&u) else {
            return vec![];
        };
        let actor = named(u.moderator.as_deref()).unwrap_or_else(|| "a moderator".into());
        let reason = named(u.reason.as_deref());
        let (action, what) = match kind {
            System::Ban => ("ban", "was banned".to_string()),
            System::Timeout => (
                "timeout",
                format!(
                    "was timed out for {}",
                    format_duration(u.duration_seconds.unwrap_or(0))
                ),
            ),
            _ => ("unban", "was unbanned".to_string()),
        };
        if kind != System::Unban {
            for l in self.lines.iter_mut().filter(|l| l.is_about(&c)) {
                l.greyed = true;
            }
        }
        let time = cursor_time(cursor).unwrap_or(at);
        let mut text = format!("{} {what} by {actor}", c.name);
        if let Some(r) = &reason {
            text.push_str(&format!(": {r}"));
        }
        self.push(Line::system(
            kind,
            c.platform,
            self.clock(time),
            Some(&c),
            text,
        ));
        self.log_user(cursor, at, &c, &u, action.to_string());
        if let Some(card) = &mut self.card {
            if card.target.platform == c.platform && card.target.user_id == c.user_id {
                if kind != System::Unban {
                    for m in &mut card.messages {
                        m.greyed = true;
                    }
                }
                if let Some(p) = &mut card.profile {
                    p.ban.state = match kind {
                        System::Ban => "banned",
                        System::Timeout => "timed_out",
                        _ => "none",
                    }
                    .into();
                    p.ban.reason = reason.clone();
                    p.ban.seconds_left = u.duration_seconds.filter(|_| kind == System::Timeout);
                    p.ban.expires_at = u.expires_at.clone();
                }
                card.loaded_at = Some(self.now);
            }
        }
        self.refresh_card_of(&c)
    }

    fn log_user(
        &mut self,
        cursor: &str,
        at: DateTime<Utc>,
        c: &Chatter,
        u: &UserEvent,
        action: String,
    ) {
        let time = cursor_time(cursor).unwrap_or(at);
        self.log(LogItem {
            time: self.clock(time),
            platform: Some(c.platform),
            actor: named(u.moderator.as_deref()).unwrap_or_else(|| "a moderator".into()),
            target: c.name.clone(),
            action,
            duration: u.duration_seconds,
            reason: named(u.reason.as_deref()),
            user_id: Some(c.user_id.clone()),
            delivery: None,
        });
    }

    pub(super) fn log(&mut self, item: LogItem) {
        self.modlog.push_front(item);
        self.modlog.truncate(LOG_KEPT);
        if !self.log_shown() {
            self.log_unseen += 1;
        }
    }

    fn refresh_card_of(&mut self, c: &Chatter) -> Vec<Effect> {
        let about = self.card.as_ref().is_some_and(|card| {
            card.target.platform == c.platform && card.target.user_id == c.user_id
        });
        if about {
            self.reload_card()
        } else {
            vec![]
        }
    }

    /// Whether one line passes the filter again (after it changed).
    fn refilter_one(&mut self, seq: u64) {
        if let Some(i) = self.index(seq) {
            let shown = self.passes(&self.lines[i]);
            self.lines[i].shown = shown;
            if !shown && self.selected == Some(seq) {
                self.selected = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_says_when() {
        let id = Uuid::now_v7();
        let t = cursor_time(&id.simple().to_string()).unwrap();
        assert!((Utc::now() - t).num_seconds().abs() < 5);
        assert_eq!(cursor_time("c1"), None);
        assert_eq!(cursor_time(&Uuid::new_v4().simple().to_string()), None);
    }
}
