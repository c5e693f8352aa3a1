//! One line of the chat (a message or a system line), its marks and highlight, and the
//! times and colours it is drawn with. Re-exported by [`super::state`].

use chrono::{DateTime, FixedOffset, Utc};
use ratatui::style::Color;

use super::state::Chatter;
use crate::api::chat::ChatMessage;
use crate::platform::Platform;

/// The marks before a name (the help explains each glyph).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub broadcaster: bool,
    pub moderator: bool,
    pub vip: bool,
    pub sub: bool,
    pub first: bool,
    pub restricted: bool,
    pub monitored: bool,
}

/// The glyph of each mark, in the order they are drawn, with what it means.
pub const GLYPHS: [(char, &str); 7] = [
    ('▶', "broadcaster"),
    ('⚔', "moderator"),
    ('◆', "VIP"),
    ('★', "subscriber or member"),
    ('✦', "first message in this channel"),
    ('⚠', "restricted (treatment)"),
    ('◎', "under active monitoring (treatment)"),
];

impl Marks {
    pub fn glyphs(&self) -> String {
        let on = [
            self.broadcaster,
            self.moderator,
            self.vip,
            self.sub,
            self.first,
            self.restricted,
            self.monitored,
        ];
        GLYPHS
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|((g, _), _)| *g)
            .collect()
    }
}

/// Why a line is coloured (after Chatterino's highlights).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// The message names the signed-in moderator.
    Mention,
    /// The message has a term of `[tui.highlights]`.
    Term,
    /// The chatter's first message in the channel.
    First,
}

/// What a system line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Ban,
    Timeout,
    Unban,
    Stream,
    Control,
}

/// One line of the chat: a message, or a system line (a ban, a timeout, a stream going live).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub seq: u64,
    /// The message id (empty for system lines).
    pub id: String,
    pub platform: Platform,
    pub channel: String,
    /// `HH:MM:SS` (local).
    pub time: String,
    /// When it was sent.
    pub at: Option<DateTime<Utc>>,
    pub user_id: String,
    /// The display name.
    pub name: String,
    /// The username (login), for `from:` and completion.
    pub login: String,
    pub color: Option<Color>,
    pub marks: Marks,
    pub text: String,
    pub emotes: Vec<String>,
    pub reply_to: Option<String>,
    pub deleted_by: Option<String>,
    /// The chatter was timed out or banned after this message.
    pub greyed: bool,
    pub system: Option<System>,
    pub highlight: Option<Highlight>,
    /// Passes the platform toggles and the filter (kept up to date by the update).
    pub shown: bool,
}

/// `#RRGGBB` as a colour.
pub fn parse_color(s: &str) -> Option<Color> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let n = u32::from_str_radix(h, 16).ok()?;
    Some(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8))
}

/// `HH:MM:SS` of an instant in `offset` (without chrono's formatter: once per message).
pub fn clock(at: DateTime<Utc>, offset: FixedOffset) -> String {
    use chrono::Timelike;
    let t = at.with_timezone(&offset);
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// An RFC 3339 time as `fmt` in `offset`; the text as it is when it is no time.
pub fn local_time(t: &str, offset: FixedOffset, fmt: &str) -> String {
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&offset).format(fmt).to_string())
        .unwrap_or_else(|_| t.get(11..19).unwrap_or(t).to_string())
}

impl Line {
    /// A chat message as a line (its `seq` is set when it is pushed).
    pub fn message(m: &ChatMessage, offset: FixedOffset) -> Option<Line> {
        let platform: Platform = m.platform.parse().ok()?;
        let has = |p: &str| m.badges.iter().any(|b| b.starts_with(p));
        let at = DateTime::parse_from_rfc3339(&m.created_at)
            .ok()
            .map(|t| t.to_utc());
        let name = m
            .display_name
            .clone()
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| m.username.clone());
        Some(Line {
            seq: 0,
            id: m.id.clone(),
            platform,
            channel: m.channel_name.clone(),
            time: at.map_or_else(
                || m.created_at.get(11..19).unwrap_or_default().to_string(),
                |t| clock(t, offset),
            ),
            at,
            user_id: m.user_id.clone(),
            name,
            login: m.username.clone(),
            color: m.color.as_deref().and_then(parse_color),
            marks: Marks {
                broadcaster: has("broadcaster"),
                moderator: m.is_mod || has("moderator"),
                vip: m.is_vip || has("vip"),
                sub: m.is_sub || has("subscriber") || has("member"),
                first: m.is_first_message,
                restricted: m.treatment.as_deref() == Some("restricted"),
                monitored: m.treatment.as_deref() == Some("active_monitoring"),
            },
            text: m.message.clone(),
            emotes: m.emotes.iter().map(|e| e.name.clone()).collect(),
            reply_to: m.reply_to_username.clone(),
            deleted_by: m.deleted_by.clone(),
            greyed: false,
            system: None,
            highlight: None,
            shown: true,
        })
    }

    /// A system line in the chat.
    pub fn system(
        kind: System,
        platform: Platform,
        time: String,
        about: Option<&Chatter>,
        text: String,
    ) -> Line {
        Line {
            seq: 0,
            id: String::new(),
            platform,
            channel: String::new(),
            time,
            at: None,
            user_id: about.map(|c| c.user_id.clone()).unwrap_or_default(),
            name: about.map(|c| c.name.clone()).unwrap_or_default(),
            login: about.map(|c| c.name.clone()).unwrap_or_default(),
            color: None,
            marks: Marks::default(),
            text,
            emotes: Vec::new(),
            reply_to: None,
            deleted_by: None,
            greyed: false,
            system: Some(kind),
            highlight: None,
            shown: true,
        }
    }

    pub fn chatter(&self) -> Chatter {
        Chatter {
            platform: self.platform,
            user_id: self.user_id.clone(),
            name: self.name.clone(),
        }
    }

    pub fn is_about(&self, c: &Chatter) -> bool {
        self.platform == c.platform && self.user_id == c.user_id
    }
}

/// A message line for tests.
#[cfg(test)]
pub fn test_line(user: &str, platform: Platform, text: &str) -> Line {
    Line {
        seq: 0,
        id: "m".into(),
        platform,
        channel: "lumio_demo".into(),
        time: String::new(),
        at: None,
        user_id: format!("id-{user}"),
        name: user.into(),
        login: user.to_lowercase(),
        color: None,
        marks: Marks::default(),
        text: text.into(),
        emotes: Vec::new(),
        reply_to: None,
        deleted_by: None,
        greyed: false,
        system: None,
        highlight: None,
        shown: true,
    }
}
