//! The TUI's state: the scrollback, the selection and pause, the filter, the user card, the
//! moderation log, the prompts (a chat line is in [`super::line`], re-exported here).
//! Everything here is a typed value; [`super::update`] changes it, [`super::view`] draws it.

use std::collections::{HashMap, VecDeque};

#[cfg(test)]
pub use super::line::test_line;
pub use super::line::{clock, local_time, parse_color, Highlight, Line, Marks, System, GLYPHS};
pub use super::session::{Chatters, Rate};

use chrono::{DateTime, FixedOffset, Offset, Utc};

use super::editor::{Editor, Histories};
use super::filter::Filter;
use super::highlight::Highlighter;
use super::keymap::Keymap;
use crate::api::chat::ChatMessage;
use crate::api::model::Note;
use crate::api::moderation::LogEntry;
use crate::api::profiles::Profile;
use crate::platform::Platform;

/// Messages kept by default.
pub const DEFAULT_SCROLLBACK: usize = 5_000;
/// Timeout presets, in seconds: 1m, 10m, 1h, 1d.
pub const PRESETS: [(i64, &str); 4] = [(60, "1m"), (600, "10m"), (3600, "1h"), (86_400, "1d")];
/// The platforms lumio can send chat to (as the channel's bot).
pub const SENDABLE: [Platform; 3] = [Platform::Twitch, Platform::Kick, Platform::Trovo];
/// Chatters remembered for Tab and `:` names (the oldest are forgotten past this).
pub const CHATTERS_KEPT: usize = 20_000;
/// Completions Tab offers at most.
pub const COMPLETIONS: usize = 50;
/// Emote names remembered for Tab.
pub const EMOTES_KEPT: usize = 2_000;
/// Entries of the moderation-log pane.
pub const LOG_KEPT: usize = 200;
/// Messages of a user card (its history page).
pub const CARD_MESSAGES: usize = 50;
/// Below this width the side pane (log, card) is not shown beside the chat by default.
pub const WIDE: u16 = 110;

/// The index of a platform in [`Platform::ALL`] (toggles, colours, status).
pub fn pidx(p: Platform) -> usize {
    Platform::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

/// The two-letter tag of a platform.
pub fn tag(p: Platform) -> &'static str {
    match p {
        Platform::Twitch => "TW",
        Platform::Youtube => "YT",
        Platform::Kick => "KI",
        Platform::Trovo => "TR",
        Platform::Discord => "DC",
    }
}

/// A chatter: who an action is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chatter {
    pub platform: Platform,
    pub user_id: String,
    pub name: String,
}

/// The view is paused (scrolled back or a message selected): the newest line shown, and
/// how many shown lines arrived since the pause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paused {
    pub bottom: u64,
    pub new: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromptKind {
    Filter,
    Command,
    Note,
    Send,
    Timeout,
}

/// A prompt: what it is for, its line editor and (to send) the platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub editor: Editor,
    /// The send prompt's platform.
    pub platform: Platform,
    /// The chatter a note or timeout is about.
    pub target: Option<Chatter>,
    /// Why the last Enter did not go through (the prompt stays open).
    pub error: Option<String>,
}

/// What a moderator does to a chatter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModAction {
    Ban {
        reason: Option<String>,
    },
    Unban,
    Timeout {
        seconds: i64,
        reason: Option<String>,
    },
}

/// A chatter's treatment.
pub const TREATMENTS: [&str; 3] = ["none", "active_monitoring", "restricted"];

/// What the loop must do for the app (the only way the app reaches the server).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Moderate {
        target: Chatter,
        action: ModAction,
    },
    Delete {
        platform: Platform,
        message_id: String,
        author: String,
    },
    Note {
        target: Chatter,
        text: String,
    },
    Treat {
        target: Chatter,
        treatment: String,
    },
    Send {
        platform: Platform,
        text: String,
    },
    /// Load (or reload) the user card: profile, notes, log, recent messages.
    LoadCard {
        target: Chatter,
    },
    /// Find the chatters of a name lumio has seen (the session did not see them).
    Resolve {
        name: String,
        platform: Option<Platform>,
        verb: super::command::Verb,
    },
    Quit,
}

/// A destructive action waiting for its one-key confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub question: String,
    pub effect: Effect,
}

/// A question with numbered answers (which platform a name means; a treatment).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub question: String,
    pub options: Vec<(String, Step)>,
}

/// What an answer does.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Run a `:` command on this chatter.
    Command(super::command::Verb, Chatter),
    Effect(Effect),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help { scroll: u16 },
    Prompt(Box<Prompt>),
    Confirm(Pending),
    Choose(Choice),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conn {
    Connecting,
    Live,
    Reconnecting(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

/// The line under the status bar: the outcome of the last action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
}

/// What the loop loaded for a user card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardData {
    pub profile: Option<Profile>,
    pub notes: Vec<Note>,
    pub log: Vec<LogEntry>,
    pub messages: Vec<ChatMessage>,
    /// What failed to load (the rest is shown).
    pub errors: Vec<String>,
}

/// The user card: one chatter's profile, recent messages, notes and moderation log.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub target: Chatter,
    pub profile: Option<Profile>,
    pub notes: Vec<Note>,
    pub log: Vec<LogEntry>,
    /// Recent messages, newest first.
    pub messages: Vec<Line>,
    /// The highlighted message (an index into `messages`).
    pub cursor: usize,
    /// A load is under way; `stale`: another event came meanwhile (load again after).
    pub loading: bool,
    pub stale: bool,
    pub loaded: bool,
    pub errors: Vec<String>,
    /// When the profile was loaded (a timeout's time left counts down from it).
    pub loaded_at: Option<DateTime<Utc>>,
}

impl Card {
    pub fn new(target: Chatter) -> Card {
        Card {
            target,
            profile: None,
            notes: Vec::new(),
            log: Vec::new(),
            messages: Vec::new(),
            cursor: 0,
            loading: true,
            stale: false,
            loaded: false,
            errors: Vec::new(),
            loaded_at: None,
        }
    }
}

/// One entry of the moderation-log pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogItem {
    /// `HH:MM:SS` (local).
    pub time: String,
    pub platform: Option<Platform>,
    pub actor: String,
    pub target: String,
    pub action: String,
    pub duration: Option<i64>,
    pub reason: Option<String>,
    /// The target's platform user id (to match a `moderation_delivery` event).
    pub user_id: Option<String>,
    /// How the action reached the platform: queued, sent, confirmed or failed.
    pub delivery: Option<String>,
}

/// The whole state of the live screen.
pub struct App {
    pub lines: VecDeque<Line>,
    /// Message id → seq, for the lines in the scrollback.
    pub(super) by_id: HashMap<String, u64>,
    pub scrollback: usize,
    pub(super) next_seq: u64,
    /// The selected line's seq.
    pub selected: Option<u64>,
    /// None: following the live stream.
    pub paused: Option<Paused>,
    /// The filter on screen, and its query.
    pub filter: Filter,
    pub filter_text: String,
    /// The filter entered last (what Esc and an invalid query being typed fall back to).
    pub filter_saved: (String, Filter),
    /// Why the query being typed (or the last one entered) is not a filter.
    pub filter_error: Option<String>,
    pub platforms_on: [bool; 5],
    pub mode: Mode,
    pub conn: Conn,
    pub server: String,
    pub account: String,
    pub notice: Option<Notice>,
    pub card: Option<Card>,
    pub modlog: VecDeque<LogItem>,
    /// Log entries that came while the pane was hidden.
    pub log_unseen: usize,
    /// The `L` toggle: None follows the width (shown when wide).
    pub log_toggle: Option<bool>,
    pub live_states: [Option<bool>; 5],
    /// The account's bot on each platform: active, paused, no_connection or needs_reauth
    /// (read at start, then followed through live `bot_status` events).
    pub bots: [Option<String>; 5],
    pub cursor: Option<String>,
    pub now: DateTime<Utc>,
    pub rate: Rate,
    pub keymap: Keymap,
    pub highlighter: Highlighter,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// Local time's offset from UTC (times are shown in local time).
    pub offset: FixedOffset,
    pub chatters: Chatters,
    /// Emote name → when last seen.
    pub emotes: HashMap<String, u64>,
    pub histories: Histories,
    /// The platform the send prompt opens on when nothing is selected.
    pub send_platform: Platform,
}

impl App {
    pub fn new(server: &str, account: &str, scrollback: usize) -> App {
        App {
            lines: VecDeque::new(),
            by_id: HashMap::new(),
            scrollback: scrollback.max(100),
            next_seq: 1,
            selected: None,
            paused: None,
            filter: Filter::default(),
            filter_text: String::new(),
            filter_saved: (String::new(), Filter::default()),
            filter_error: None,
            platforms_on: [true; 5],
            mode: Mode::Normal,
            conn: Conn::Connecting,
            server: server.into(),
            account: account.into(),
            notice: None,
            card: None,
            modlog: VecDeque::new(),
            log_unseen: 0,
            log_toggle: None,
            live_states: [None; 5],
            bots: Default::default(),
            cursor: None,
            now: DateTime::<Utc>::UNIX_EPOCH,
            rate: Rate::default(),
            keymap: Keymap::default(),
            highlighter: Highlighter::default(),
            size: (120, 40),
            offset: Utc.fix(),
            chatters: Chatters::default(),
            emotes: HashMap::new(),
            histories: Histories::default(),
            send_platform: Platform::Twitch,
        }
    }

    pub fn line(&self, seq: u64) -> Option<&Line> {
        let first = self.lines.front()?.seq;
        self.lines
            .get(usize::try_from(seq.checked_sub(first)?).ok()?)
    }

    pub fn line_mut(&mut self, seq: u64) -> Option<&mut Line> {
        let first = self.lines.front()?.seq;
        self.lines
            .get_mut(usize::try_from(seq.checked_sub(first)?).ok()?)
    }

    /// The index of a seq in `lines`.
    pub fn index(&self, seq: u64) -> Option<usize> {
        let first = self.lines.front()?.seq;
        let i = usize::try_from(seq.checked_sub(first)?).ok()?;
        (i < self.lines.len()).then_some(i)
    }

    pub fn selected_line(&self) -> Option<&Line> {
        self.selected.and_then(|s| self.line(s))
    }

    pub fn line_by_id(&self, id: &str) -> Option<&Line> {
        self.by_id.get(id).and_then(|s| self.line(*s))
    }

    /// Whether a line passes the platform toggles and the filter.
    pub fn passes(&self, l: &Line) -> bool {
        self.platforms_on[pidx(l.platform)] && self.filter.matches(l)
    }

    /// The log pane is shown (beside the chat, or over it when narrow).
    pub fn log_shown(&self) -> bool {
        self.card.is_none() && self.log_toggle.unwrap_or(self.size.0 >= WIDE)
    }

    pub fn is_paused(&self) -> bool {
        self.paused.is_some()
    }

    /// The name of a chatter as the session knows it (their id when unknown).
    pub fn name_of(&self, p: Platform, user_id: &str) -> String {
        self.chatters
            .name_of(p, user_id)
            .map(String::from)
            .unwrap_or_else(|| user_id.to_string())
    }

    /// The time of day of an instant, as the chat shows it.
    pub fn clock(&self, at: DateTime<Utc>) -> String {
        clock(at, self.offset)
    }
}
