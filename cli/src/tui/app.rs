//! The TUI's state and its pure update: `update(app, input) -> effects`. No I/O here: the
//! loop in [`super`] turns effects into API calls and feeds their results back as inputs,
//! so every key can be tested without a terminal.

use std::collections::VecDeque;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;

use super::filter::Filter;
use super::keymap::{Action, Keymap};
use crate::duration::parse_duration;

pub const PLATFORMS: [&str; 5] = ["twitch", "youtube", "kick", "trovo", "discord"];
/// Timeout presets, in seconds: 1m, 10m, 1h, 1d.
pub const PRESETS: [(i64, &str); 4] = [(60, "1m"), (600, "10m"), (3600, "1h"), (86_400, "1d")];
/// Messages kept by default.
pub const DEFAULT_SCROLLBACK: usize = 5_000;

/// One chat message as the TUI shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub seq: u64,
    pub id: String,
    pub platform: String,
    pub time: String,
    pub user_id: String,
    pub username: String,
    pub color: Option<String>,
    pub badges: Vec<String>,
    pub text: String,
    pub emotes: Vec<String>,
    pub reply_to: Option<String>,
    pub deleted_by: Option<String>,
    pub first: bool,
    pub restricted: bool,
    pub is_mod: bool,
    pub is_sub: bool,
    pub is_vip: bool,
}

impl Line {
    /// From a `message` event's `message` object.
    pub fn from_json(m: &Value) -> Option<Line> {
        let s = |k: &str| m[k].as_str().map(String::from);
        let badges: Vec<String> = m["badges"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| b.as_str().map(String::from))
            .collect();
        Some(Line {
            seq: 0,
            id: s("id")?,
            platform: s("platform")?,
            time: s("created_at")
                .and_then(|t| t.get(11..19).map(String::from))
                .unwrap_or_default(),
            user_id: s("user_id")?,
            username: s("display_name")
                .filter(|d| !d.is_empty())
                .or_else(|| s("username"))?,
            color: s("color"),
            is_mod: m["is_mod"] == true || badges.iter().any(|b| b.starts_with("moderator")),
            is_sub: m["is_sub"] == true,
            is_vip: m["is_vip"] == true,
            badges,
            text: s("message").unwrap_or_default(),
            emotes: m["emotes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["name"].as_str().map(String::from))
                .collect(),
            reply_to: s("reply_to_username"),
            deleted_by: s("deleted_by"),
            first: m["is_first_message"] == true,
            restricted: m["treatment"] == "restricted",
        })
    }
}

/// Who an action is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub platform: String,
    pub user_id: String,
    pub username: String,
}

/// What the loop must do for the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Ban {
        target: Target,
        reason: Option<String>,
    },
    Timeout {
        target: Target,
        seconds: i64,
        reason: Option<String>,
    },
    Delete {
        platform: String,
        message_id: String,
    },
    Note {
        target: Target,
        text: String,
    },
    Treat {
        target: Target,
        treatment: String,
    },
    Send {
        platform: String,
        text: String,
    },
    LoadCard {
        target: Target,
    },
    Quit,
}

/// A destructive action waiting for its one-key confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub question: String,
    pub effect: Effect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Filter,
    Command,
    Note,
    Send,
    Timeout,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    Prompt { kind: PromptKind, input: String },
    Confirm(Pending),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conn {
    Connecting,
    Live,
    Reconnecting(String),
}

/// The user card: the profile, notes and moderation log of one chatter.
#[derive(Debug, Clone, Default)]
pub struct Card {
    pub target: Option<Target>,
    pub profile: Option<Value>,
    pub notes: Vec<Value>,
    pub log: Vec<Value>,
    pub error: Option<String>,
}

/// What reaches the app.
#[derive(Debug, Clone)]
pub enum Input {
    Key(KeyEvent),
    /// A live event (JSON, as the server sends it).
    Event(Value),
    Conn(Conn),
    /// An action finished: `Ok(what happened)` or `Err(the server's error)`.
    Done(Result<String, String>),
    Card(Box<Card>),
    /// The account's moderation log (newest first), at start.
    ModLog(Vec<Value>),
    /// Each platform's stream state and bot status (`GET /v1/chat/streams`), at start and
    /// now and then.
    Streams(Vec<Value>),
}

pub struct App {
    pub lines: VecDeque<Line>,
    pub scrollback: usize,
    next_seq: u64,
    /// The selected message's seq; None: following the live stream.
    pub selected: Option<u64>,
    pub filter: Filter,
    pub filter_text: String,
    pub platforms_on: [bool; 5],
    pub mode: Mode,
    pub conn: Conn,
    pub server: String,
    pub account: String,
    /// The result of the last action: (text, is_error).
    pub notice: Option<(String, bool)>,
    pub card: Option<Card>,
    pub modlog: VecDeque<String>,
    pub live_states: Vec<(String, bool)>,
    /// The account's bot on each platform: active, paused or no_connection.
    pub bots: Vec<(String, String)>,
    pub cursor: Option<String>,
    /// Messages per second (a moving count over the last seconds).
    arrivals: VecDeque<Instant>,
    pub keymap: Keymap,
}

impl App {
    pub fn new(server: &str, account: &str, scrollback: usize) -> App {
        App {
            lines: VecDeque::new(),
            scrollback: scrollback.max(100),
            next_seq: 1,
            selected: None,
            filter: Filter::default(),
            filter_text: String::new(),
            platforms_on: [true; 5],
            mode: Mode::Normal,
            conn: Conn::Connecting,
            server: server.into(),
            account: account.into(),
            notice: None,
            card: None,
            modlog: VecDeque::new(),
            live_states: Vec::new(),
            bots: Vec::new(),
            cursor: None,
            arrivals: VecDeque::new(),
            keymap: Keymap::default(),
        }
    }

    pub fn rate(&self) -> f64 {
        let now = Instant::now();
        let n = self
            .arrivals
            .iter()
            .filter(|t| now.duration_since(**t).as_secs_f64() <= 5.0)
            .count();
        n as f64 / 5.0
    }

    /// Whether a line is shown (platform toggles and the filter).
    pub fn visible(&self, l: &Line) -> bool {
        let on = PLATFORMS
            .iter()
            .position(|p| *p == l.platform)
            .is_none_or(|i| self.platforms_on[i]);
        on && self.filter.matches(l)
    }

    pub fn line(&self, seq: u64) -> Option<&Line> {
        let first = self.lines.front()?.seq;
        self.lines.get(seq.checked_sub(first)? as usize)
    }

    fn line_mut(&mut self, seq: u64) -> Option<&mut Line> {
        let first = self.lines.front()?.seq;
        self.lines.get_mut(seq.checked_sub(first)? as usize)
    }

    pub fn selected_line(&self) -> Option<&Line> {
        self.selected.and_then(|s| self.line(s))
    }

    pub fn push(&mut self, mut l: Line) {
        l.seq = self.next_seq;
        self.next_seq += 1;
        self.lines.push_back(l);
        while self.lines.len() > self.scrollback {
            let gone = self.lines.pop_front().map(|l| l.seq);
            if gone.is_some() && gone == self.selected {
                self.selected = None;
            }
        }
        let now = Instant::now();
        self.arrivals.push_back(now);
        while self
            .arrivals
            .front()
            .is_some_and(|t| now.duration_since(*t).as_secs_f64() > 5.0)
        {
            self.arrivals.pop_front();
        }
    }

    /// The next visible line's seq after (`down`) or before `from`.
    fn step(&self, from: Option<u64>, down: bool) -> Option<u64> {
        let first = self.lines.front()?.seq;
        let len = self.lines.len() as u64;
        let mut i: i64 = match from {
            Some(s) => (s - first) as i64,
            None if down => return None,
            None => len as i64,
        };
        loop {
            i += if down { 1 } else { -1 };
            if i < 0 || i >= len as i64 {
                return from;
            }
            let l = &self.lines[i as usize];
            if self.visible(l) {
                return Some(l.seq);
            }
        }
    }

    fn target_of(l: &Line) -> Target {
        Target {
            platform: l.platform.clone(),
            user_id: l.user_id.clone(),
            username: l.username.clone(),
        }
    }

    fn card_target(&self) -> Option<Target> {
        self.card.as_ref().and_then(|c| c.target.clone())
    }

    /// The target of an action: the open card's chatter, else the selected message's.
    fn action_target(&self) -> Option<Target> {
        self.card_target()
            .or_else(|| self.selected_line().map(Self::target_of))
    }

    /// Find a chatter by name among the messages seen (newest first).
    pub fn find_user(&self, name: &str) -> Option<Target> {
        let name = name.trim_start_matches('@').to_lowercase();
        self.lines
            .iter()
            .rev()
            .find(|l| l.username.to_lowercase() == name || l.user_id.to_lowercase() == name)
            .map(Self::target_of)
    }

    fn confirm(&mut self, question: String, effect: Effect) -> Vec<Effect> {
        self.mode = Mode::Confirm(Pending { question, effect });
        vec![]
    }

    fn need_selection(&mut self) -> Vec<Effect> {
        self.notice = Some(("select a message first (↑/↓ or j/k)".into(), true));
        vec![]
    }

    fn event(&mut self, e: Value) {
        if let Some(c) = e["cursor"].as_str() {
            self.cursor = Some(c.to_string());
        }
        match e["type"].as_str().unwrap_or_default() {
            "message" => {
                if let Some(l) = Line::from_json(&e["message"]) {
                    // A replayed message already shown (after a reconnect) is not doubled.
                    if !self.lines.iter().rev().take(500).any(|x| x.id == l.id) {
                        self.push(l);
                    }
                }
            }
            "message_deleted" => {
                let id = e["message_id"].as_str().unwrap_or_default();
                let by = e["deleted_by"]
                    .as_str()
                    .unwrap_or("a moderator")
                    .to_string();
                let seq = self.lines.iter().rev().find(|l| l.id == id).map(|l| l.seq);
                if let Some(l) = seq.and_then(|s| self.line_mut(s)) {
                    l.deleted_by = Some(by.clone());
                }
                self.log_line(format!(
                    "{by} deleted a message of {}",
                    e["user_id"].as_str().unwrap_or("?")
                ));
            }
            "user_banned" | "user_unbanned" | "user_timed_out" | "treatment_changed"
            | "note_created" => {
                let who = e["username"]
                    .as_str()
                    .or(e["user_id"].as_str())
                    .unwrap_or("?");
                let by = e["moderator"].as_str().unwrap_or("?");
                let what = match e["type"].as_str().unwrap_or_default() {
                    "user_banned" => format!("banned {who}"),
                    "user_unbanned" => format!("unbanned {who}"),
                    "user_timed_out" => format!(
                        "timed out {who} for {}",
                        crate::duration::format_duration(
                            e["duration_seconds"].as_i64().unwrap_or(0)
                        )
                    ),
                    "treatment_changed" => {
                        format!("set {who} to {}", e["treatment"].as_str().unwrap_or("?"))
                    }
                    _ => format!("noted on {who}"),
                };
                let reason = e["reason"]
                    .as_str()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                self.log_line(format!("{by} {what}{reason}"));
                if e["type"] == "treatment_changed" {
                    let restricted = e["treatment"] == "restricted";
                    let uid = e["user_id"].as_str().unwrap_or_default().to_string();
                    for l in self.lines.iter_mut().filter(|l| l.user_id == uid) {
                        l.restricted = restricted;
                    }
                }
            }
            "stream_status" => {
                let p = e["platform"].as_str().unwrap_or_default().to_string();
                let live = e["live"] == true;
                self.live_states.retain(|(x, _)| *x != p);
                self.live_states.push((p.clone(), live));
                self.log_line(format!(
                    "{p} went {}",
                    if live { "live" } else { "offline" }
                ));
            }
            "live_control" => {
                self.log_line(format!(
                    "{} {} {}",
                    e["by"].as_str().unwrap_or("?"),
                    e["action"].as_str().unwrap_or("?").replace('_', " "),
                    e["status"].as_str().unwrap_or_default()
                ));
            }
            _ => {}
        }
    }

    pub fn log_line(&mut self, s: String) {
        self.modlog.push_front(s);
        self.modlog.truncate(200);
    }

    fn key_normal(&mut self, k: KeyEvent) -> Vec<Effect> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        if let KeyCode::Char('c') = k.code {
            if ctrl {
                return vec![Effect::Quit];
            }
        }
        // Fixed keys first, then the (configurable) keymap, as the default letters below.
        let code = match k.code {
            KeyCode::Up => KeyCode::Char('k'),
            KeyCode::Down => KeyCode::Char('j'),
            KeyCode::Enter => KeyCode::Char('u'),
            KeyCode::Char(c @ '1'..='5') => KeyCode::Char(c),
            KeyCode::Char(c) => match self.keymap.action(c) {
                Some(a) => KeyCode::Char(match a {
                    Action::Up => 'k',
                    Action::Down => 'j',
                    Action::Ban => 'b',
                    Action::Timeout => 't',
                    Action::Delete => 'd',
                    Action::Card => 'u',
                    Action::Note => 'n',
                    Action::Filter => '/',
                    Action::Command => ':',
                    Action::Send => 'i',
                    Action::Help => '?',
                    Action::Quit => 'q',
                }),
                None => return vec![],
            },
            other => other,
        };
        match code {
            KeyCode::Char('q') => return vec![Effect::Quit],
            KeyCode::Char('?') => self.mode = Mode::Help,
            KeyCode::Char('k') => {
                self.selected = self.step(self.selected, false);
            }
            KeyCode::Char('j') => {
                self.selected = self.step(self.selected, true);
            }
            KeyCode::End | KeyCode::Esc => {
                if self.card.is_some() {
                    self.card = None;
                } else {
                    self.selected = None;
                }
            }
            KeyCode::Char('b') => {
                let Some(t) = self.action_target() else {
                    return self.need_selection();
                };
                return self.confirm(
                    format!("Ban {} on {}? y/n", t.username, t.platform),
                    Effect::Ban {
                        target: t,
                        reason: None,
                    },
                );
            }
            KeyCode::Char('t') => {
                if self.action_target().is_none() {
                    return self.need_selection();
                }
                self.mode = Mode::Prompt {
                    kind: PromptKind::Timeout,
                    input: String::new(),
                };
            }
            KeyCode::Char(c @ '1'..='4') if self.card.is_some() => {
                let (secs, label) = PRESETS[(c as u8 - b'1') as usize];
                if let Some(t) = self.card_target() {
                    return self.confirm(
                        format!("Time out {} for {label}? y/n", t.username),
                        Effect::Timeout {
                            target: t,
                            seconds: secs,
                            reason: None,
                        },
                    );
                }
            }
            KeyCode::Char(c @ '1'..='5') => {
                let i = (c as u8 - b'1') as usize;
                self.platforms_on[i] = !self.platforms_on[i];
                if self.selected_line().is_some_and(|l| !self.visible(l)) {
                    self.selected = None;
                }
            }
            KeyCode::Char('d') => {
                let Some(l) = self.selected_line() else {
                    return self.need_selection();
                };
                let (platform, id, who) = (l.platform.clone(), l.id.clone(), l.username.clone());
                return self.confirm(
                    format!("Delete this message of {who}? y/n"),
                    Effect::Delete {
                        platform,
                        message_id: id,
                    },
                );
            }
            KeyCode::Char('u') => {
                let Some(t) = self.selected_line().map(Self::target_of) else {
                    return self.need_selection();
                };
                self.card = Some(Card {
                    target: Some(t.clone()),
                    ..Card::default()
                });
                return vec![Effect::LoadCard { target: t }];
            }
            KeyCode::Char('n') => {
                if self.action_target().is_none() {
                    return self.need_selection();
                }
                self.mode = Mode::Prompt {
                    kind: PromptKind::Note,
                    input: String::new(),
                };
            }
            KeyCode::Char('/') => {
                self.mode = Mode::Prompt {
                    kind: PromptKind::Filter,
                    input: self.filter_text.clone(),
                };
            }
            KeyCode::Char(':') => {
                self.mode = Mode::Prompt {
                    kind: PromptKind::Command,
                    input: String::new(),
                };
            }
            KeyCode::Char('i') => {
                let p = self
                    .selected_line()
                    .map(|l| l.platform.clone())
                    .unwrap_or_else(|| "twitch".into());
                self.mode = Mode::Prompt {
                    kind: PromptKind::Send,
                    input: format!("{p} "),
                };
            }
            _ => {}
        }
        vec![]
    }

    fn submit(&mut self, kind: PromptKind, input: String) -> Vec<Effect> {
        let input = input.trim().to_string();
        match kind {
            PromptKind::Filter => vec![],
            PromptKind::Note => match self.action_target() {
                Some(t) if !input.is_empty() => vec![Effect::Note {
                    target: t,
                    text: input,
                }],
                _ => vec![],
            },
            PromptKind::Timeout => {
                let Some(t) = self.action_target() else {
                    return vec![];
                };
                // A lone 1–4 is a preset; anything else a duration.
                let preset = match input.as_str() {
                    d @ ("1" | "2" | "3" | "4") => {
                        Some(PRESETS[(d.as_bytes()[0] - b'1') as usize].0)
                    }
                    _ => None,
                };
                match preset.map(Ok).unwrap_or_else(|| parse_duration(&input)) {
                    Ok(secs) => self.confirm(
                        format!(
                            "Time out {} for {}? y/n",
                            t.username,
                            crate::duration::format_duration(secs)
                        ),
                        Effect::Timeout {
                            target: t,
                            seconds: secs,
                            reason: None,
                        },
                    ),
                    Err(e) => {
                        self.notice = Some((e, true));
                        vec![]
                    }
                }
            }
            PromptKind::Send => {
                let (p, text) = input.split_once(' ').unwrap_or((input.as_str(), ""));
                let p = p.to_lowercase();
                if !PLATFORMS.contains(&p.as_str()) || text.trim().is_empty() {
                    self.notice = Some(("type: PLATFORM MESSAGE (e.g. twitch hello)".into(), true));
                    return vec![];
                }
                vec![Effect::Send {
                    platform: p,
                    text: text.trim().to_string(),
                }]
            }
            PromptKind::Command => match self.command(&input) {
                Ok(effects) => effects,
                Err(e) => {
                    self.notice = Some((e, true));
                    vec![]
                }
            },
        }
    }

    /// `:ban user reason`, `:timeout user 10m reason`, `:note user text`,
    /// `:treat user none|active_monitoring|restricted`.
    fn command(&mut self, input: &str) -> Result<Vec<Effect>, String> {
        let mut words = input.split_whitespace();
        let verb = words.next().unwrap_or_default().trim_start_matches(':');
        let usage = "commands: ban USER [reason] · timeout USER DURATION [reason] · note USER TEXT · treat USER none|active_monitoring|restricted";
        let user = words.next().ok_or(usage)?;
        let t = self
            .find_user(user)
            .ok_or_else(|| format!("no chatter '{user}' in the messages on screen"))?;
        let rest = |w: std::str::SplitWhitespace| {
            let r = w.collect::<Vec<_>>().join(" ");
            (!r.is_empty()).then_some(r)
        };
        Ok(match verb {
            "ban" => vec![Effect::Ban {
                target: t,
                reason: rest(words),
            }],
            "timeout" | "to" => {
                let d = words.next().ok_or("timeout USER DURATION [reason]")?;
                let seconds = parse_duration(d)?;
                vec![Effect::Timeout {
                    target: t,
                    seconds,
                    reason: rest(words),
                }]
            }
            "note" => vec![Effect::Note {
                target: t,
                text: rest(words).ok_or("note USER TEXT")?,
            }],
            "treat" => {
                let tr = words
                    .next()
                    .ok_or("treat USER none|active_monitoring|restricted")?;
                if !["none", "active_monitoring", "restricted"].contains(&tr) {
                    return Err(format!("unknown treatment '{tr}'"));
                }
                vec![Effect::Treat {
                    target: t,
                    treatment: tr.into(),
                }]
            }
            other => return Err(format!("unknown command '{other}'; {usage}")),
        })
    }

    fn key_prompt(&mut self, kind: PromptKind, mut input: String, k: KeyEvent) -> Vec<Effect> {
        match k.code {
            KeyCode::Esc => {
                if kind == PromptKind::Filter {
                    // Esc leaves the filter as it was before this edit.
                    if let Ok(f) = Filter::parse(&self.filter_text) {
                        self.filter = f;
                    }
                }
                self.mode = Mode::Normal;
                return vec![];
            }
            KeyCode::Enter => {
                self.mode = Mode::Normal;
                if kind == PromptKind::Filter {
                    match Filter::parse(&input) {
                        Ok(f) => {
                            self.filter = f;
                            self.filter_text = input.trim().to_string();
                        }
                        Err(e) => self.notice = Some((e, true)),
                    }
                    return vec![];
                }
                return self.submit(kind, input);
            }
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char(c) => input.push(c),
            _ => {}
        }
        if kind == PromptKind::Filter {
            // The filter applies as it is typed.
            if let Ok(f) = Filter::parse(&input) {
                self.filter = f;
            }
        }
        self.mode = Mode::Prompt { kind, input };
        vec![]
    }

    /// Apply one input; the effects are for the loop to carry out.
    pub fn update(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Event(e) => {
                self.event(e);
                vec![]
            }
            Input::Conn(c) => {
                self.conn = c;
                vec![]
            }
            Input::Done(r) => {
                self.notice = Some(match r {
                    Ok(s) => (s, false),
                    Err(e) => (e, true),
                });
                vec![]
            }
            Input::Card(c) => {
                let same = self.card_target() == c.target;
                if same {
                    self.card = Some(*c);
                }
                vec![]
            }
            Input::Streams(states) => {
                for st in states {
                    let Some(p) = st["platform"].as_str() else {
                        continue;
                    };
                    self.live_states.retain(|(x, _)| x != p);
                    self.live_states.push((p.to_string(), st["live"] == true));
                    if let Some(bot) = st["bot"].as_str() {
                        self.bots.retain(|(x, _)| x != p);
                        self.bots.push((p.to_string(), bot.to_string()));
                    }
                }
                vec![]
            }
            Input::ModLog(entries) => {
                for e in entries.iter().rev() {
                    let who = e["target_username"]
                        .as_str()
                        .or(e["platform_user_id"].as_str())
                        .unwrap_or("?");
                    self.log_line(format!(
                        "{} {} {who}",
                        e["moderator_name"].as_str().unwrap_or("?"),
                        e["action"].as_str().unwrap_or("?")
                    ));
                }
                vec![]
            }
            Input::Key(k) => match self.mode.clone() {
                Mode::Help => {
                    self.mode = Mode::Normal;
                    vec![]
                }
                Mode::Confirm(p) => {
                    self.mode = Mode::Normal;
                    if matches!(
                        k.code,
                        KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter
                    ) {
                        vec![p.effect]
                    } else {
                        self.notice = Some(("cancelled".into(), false));
                        vec![]
                    }
                }
                Mode::Prompt { kind, input } => self.key_prompt(kind, input, k),
                Mode::Normal => self.key_normal(k),
            },
        }
    }

    /// The visible lines ending at the selection (or at the newest), at most `height`.
    pub fn window(&self, height: usize) -> Vec<&Line> {
        let mut out = Vec::with_capacity(height);
        let anchor = self.selected.and_then(|s| {
            let first = self.lines.front()?.seq;
            Some((s - first) as usize)
        });
        // With a selection, show it with a few newer lines below when there are some.
        let end = match anchor {
            Some(i) => {
                let mut end = i + 1;
                let mut extra = 0;
                while end < self.lines.len() && extra < height / 3 {
                    if self.visible(&self.lines[end]) {
                        extra += 1;
                    }
                    end += 1;
                }
                end
            }
            None => self.lines.len(),
        };
        for l in self.lines.range(..end).rev() {
            if out.len() >= height {
                break;
            }
            if self.visible(l) {
                out.push(l);
            }
        }
        out.reverse();
        out
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use serde_json::json;

    pub fn key(c: char) -> Input {
        Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    pub fn code(c: KeyCode) -> Input {
        Input::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    pub fn msg(i: u32, platform: &str, user: &str, text: &str) -> Input {
        Input::Event(
            json!({"type": "message", "cursor": format!("c{i}"), "message": {
            "id": format!("m{i}"), "platform": platform, "user_id": format!("id-{user}"),
            "username": user, "message": text, "created_at": "2026-11-23T12:34:56Z",
            "is_first_message": i == 1, "badges": [], "emotes": []}}),
        )
    }

    pub fn app_with(n: u32) -> App {
        let mut a = App::new("http://127.0.0.1:8080", "demo", 100);
        let ps = ["twitch", "youtube", "kick", "trovo", "discord"];
        for i in 1..=n {
            a.update(msg(
                i,
                ps[(i as usize) % 5],
                &format!("user{i}"),
                &format!("hello {i}"),
            ));
        }
        a
    }

    #[test]
    fn selecting_stops_the_stream_and_esc_resumes() {
        let mut a = app_with(10);
        assert_eq!(a.selected, None);
        a.update(key('k'));
        assert_eq!(a.selected_line().unwrap().id, "m10");
        a.update(code(KeyCode::Up));
        assert_eq!(a.selected_line().unwrap().id, "m9");
        a.update(msg(11, "twitch", "late", "new"));
        assert_eq!(
            a.selected_line().unwrap().id,
            "m9",
            "the selection stays put"
        );
        let w = a.window(3);
        assert!(w.iter().any(|l| l.id == "m9"));
        a.update(key('j'));
        assert_eq!(a.selected_line().unwrap().id, "m10");
        a.update(code(KeyCode::Esc));
        assert_eq!(a.selected, None);
        assert_eq!(a.window(2).last().unwrap().id, "m11");
    }

    #[test]
    fn ban_asks_first_then_acts() {
        let mut a = app_with(3);
        assert!(a.update(key('b')).is_empty());
        assert!(a.notice.as_ref().unwrap().1, "nothing selected: an error");
        a.update(key('k'));
        assert!(a.update(key('b')).is_empty());
        assert!(matches!(a.mode, Mode::Confirm(_)));
        assert!(a.update(key('n')).is_empty(), "n cancels");
        a.update(key('b'));
        let fx = a.update(key('y'));
        assert_eq!(
            fx,
            vec![Effect::Ban {
                target: Target {
                    platform: "trovo".into(),
                    user_id: "id-user3".into(),
                    username: "user3".into()
                },
                reason: None
            }]
        );
    }

    #[test]
    fn timeouts_from_presets_or_typed() {
        let mut a = app_with(3);
        a.update(key('k'));
        a.update(key('t'));
        a.update(key('2'));
        a.update(code(KeyCode::Enter));
        let fx = a.update(key('y'));
        assert!(
            matches!(&fx[..], [Effect::Timeout { seconds: 600, .. }]),
            "{fx:?}"
        );
        a.update(key('t'));
        for c in "1h30m".chars() {
            a.update(key(c));
        }
        a.update(code(KeyCode::Enter));
        let fx = a.update(key('y'));
        assert!(
            matches!(&fx[..], [Effect::Timeout { seconds: 5400, .. }]),
            "{fx:?}"
        );
        a.update(key('t'));
        for c in "soon".chars() {
            a.update(key(c));
        }
        assert!(a.update(code(KeyCode::Enter)).is_empty());
        assert!(a.notice.as_ref().unwrap().1);
    }

    #[test]
    fn card_keys_time_out_and_ban_the_cards_chatter() {
        let mut a = app_with(3);
        a.update(key('k'));
        let fx = a.update(key('u'));
        assert!(matches!(&fx[..], [Effect::LoadCard { .. }]));
        a.update(key('3'));
        let fx = a.update(key('y'));
        assert!(
            matches!(&fx[..], [Effect::Timeout { seconds: 3600, target, .. }] if target.username == "user3")
        );
        a.update(key('b'));
        assert!(matches!(a.update(key('y'))[..], [Effect::Ban { .. }]));
        a.update(code(KeyCode::Esc));
        assert!(a.card.is_none());
    }

    #[test]
    fn platform_toggles_and_filter() {
        let mut a = app_with(10);
        a.update(key('1')); // twitch off
        assert!(a.window(20).iter().all(|l| l.platform != "twitch"));
        a.update(key('1'));
        a.update(key('/'));
        for c in "platform:kick".chars() {
            a.update(key(c));
        }
        assert!(
            a.window(20).iter().all(|l| l.platform == "kick"),
            "applies as typed"
        );
        a.update(code(KeyCode::Enter));
        assert_eq!(a.filter_text, "platform:kick");
        assert_eq!(a.window(20).len(), 2);
    }

    #[test]
    fn command_line() {
        let mut a = app_with(5);
        a.update(key(':'));
        for c in "timeout user2 10m caps lock".chars() {
            a.update(key(c));
        }
        let fx = a.update(code(KeyCode::Enter));
        assert_eq!(
            fx,
            vec![Effect::Timeout {
                target: Target {
                    platform: "kick".into(),
                    user_id: "id-user2".into(),
                    username: "user2".into()
                },
                seconds: 600,
                reason: Some("caps lock".into())
            }]
        );
        a.update(key(':'));
        for c in "ban nobody".chars() {
            a.update(key(c));
        }
        assert!(a.update(code(KeyCode::Enter)).is_empty());
        assert!(a.notice.as_ref().unwrap().0.contains("nobody"));
    }

    #[test]
    fn events_update_lines_and_the_log() {
        let mut a = app_with(3);
        a.update(Input::Event(
            json!({"type": "message_deleted", "cursor": "x",
            "message_id": "m2", "user_id": "id-user2", "deleted_by": "Milo Mod"}),
        ));
        assert_eq!(a.lines[1].deleted_by.as_deref(), Some("Milo Mod"));
        a.update(Input::Event(json!({"type": "user_banned", "cursor": "y",
            "user_id": "id-user2", "username": "user2", "moderator": "Milo Mod"})));
        assert_eq!(a.modlog[0], "Milo Mod banned user2");
        assert_eq!(a.cursor.as_deref(), Some("y"));
        // A replayed message is not shown twice.
        a.update(msg(3, "kick", "user3", "hello 3"));
        assert_eq!(a.lines.len(), 3);
    }

    #[test]
    fn remapped_keys() {
        use std::collections::BTreeMap;
        let mut a = app_with(3);
        a.keymap = Keymap::from_config(
            &BTreeMap::from([("ban".to_string(), "x".to_string())]),
            &BTreeMap::new(),
        )
        .unwrap();
        a.update(code(KeyCode::Up));
        assert!(a.update(key('b')).is_empty());
        assert_eq!(a.mode, Mode::Normal, "b no longer bans");
        a.update(key('x'));
        assert!(matches!(a.mode, Mode::Confirm(_)));
    }

    #[test]
    fn scrollback_is_bounded() {
        let mut a = app_with(0);
        for i in 1..=250 {
            a.update(msg(i, "twitch", "u", "x"));
        }
        assert_eq!(a.lines.len(), 100);
        assert_eq!(a.lines[0].id, "m151");
    }
}
