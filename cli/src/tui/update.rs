//! The pure update: `app.update(input) -> effects`. No I/O here: the loop in [`super`]
//! turns each [`Effect`] into API calls and feeds their outcome back as an [`Input`], so every
//! key, event and answer can be tested without a terminal or a server. Keys are in
//! [`super::keys`], live events in [`super::events`], the `:` command line in
//! [`super::command`]; this module has the inputs, the scrollback and the pause.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};

use super::command::{Command, Verb, Who};
use super::filter::Filter;
use super::state::{pidx, Conn};
use super::state::{
    App, CardData, Chatter, Choice, Effect, Level, Line, LogItem, ModAction, Mode, Notice, Paused,
    Step, LOG_KEPT,
};
use super::view;
use crate::api::live::LiveEvent;
use crate::api::live_controls::StreamState;
use crate::api::model::Me;
use crate::api::moderation::LogEntry;
use crate::duration::format_duration;
use crate::platform::Platform;

/// What reaches the app.
#[derive(Debug, Clone)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    /// A live event, its cursor, and when it arrived.
    Live {
        event: Box<LiveEvent>,
        cursor: Option<String>,
        at: DateTime<Utc>,
    },
    Conn(Conn),
    /// An action finished: `Ok(what happened)` or `Err(the server's error)`.
    Done(Result<String, String>),
    /// A user card's data.
    Card(Chatter, Box<CardData>),
    /// The chatters of a name, for a `:` command the session could not resolve.
    Resolved {
        name: String,
        verb: Verb,
        found: Result<Vec<Chatter>, String>,
    },
    /// The account's moderation log (newest first), at start.
    ModLog(Vec<LogEntry>),
    /// Each platform's stream state and bot status, at start and now and then.
    Streams(Vec<StreamState>),
    /// Who is signed in (for mentions).
    Me(Box<Me>),
    /// A second went by.
    Tick(DateTime<Utc>),
}

impl App {
    /// Apply one input; the effects are for the loop to carry out.
    pub fn update(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(k) => self.key(k),
            Input::Mouse(m) => self.mouse(m),
            Input::Resize(w, h) => {
                self.size = (w, h);
                if self.log_shown() {
                    self.log_unseen = 0;
                }
                self.keep_selection_visible();
                vec![]
            }
            Input::Live { event, cursor, at } => {
                if let Some(c) = cursor {
                    self.cursor = Some(c);
                }
                if at > self.now {
                    self.now = at;
                }
                self.live(*event, at)
            }
            Input::Conn(c) => {
                self.conn = c;
                vec![]
            }
            Input::Done(r) => {
                self.notice = Some(match r {
                    Ok(s) => Notice {
                        text: s,
                        level: Level::Info,
                    },
                    Err(e) => Notice {
                        text: e,
                        level: Level::Error,
                    },
                });
                vec![]
            }
            Input::Card(who, data) => self.card_loaded(who, *data),
            Input::Resolved { name, verb, found } => match found {
                Err(e) => self.fail(e),
                Ok(found) => self.run_on(&name, verb, found),
            },
            Input::ModLog(entries) => {
                for e in entries.iter().take(LOG_KEPT) {
                    let platform = e.platform.parse::<Platform>().ok();
                    let target = e
                        .target_username
                        .clone()
                        .filter(|n| !n.trim().is_empty())
                        .unwrap_or_else(|| match platform {
                            Some(p) => self.name_of(p, &e.platform_user_id),
                            None => e.platform_user_id.clone(),
                        });
                    self.modlog.push_back(LogItem {
                        time: super::state::local_time(&e.created_at, self.offset, "%H:%M:%S"),
                        platform,
                        actor: e.moderator_name.clone(),
                        target,
                        action: e.action.clone(),
                        user_id: Some(e.platform_user_id.clone()),
                        delivery: e.delivery_status.clone(),
                        duration: e.duration_seconds,
                        reason: e.reason.clone(),
                    });
                }
                self.modlog.truncate(LOG_KEPT);
                vec![]
            }
            Input::Streams(states) => {
                for st in states {
                    let Ok(p) = st.platform.parse::<Platform>() else {
                        continue;
                    };
                    self.live_states[pidx(p)] = Some(st.live);
                    self.bots[pidx(p)] = Some(st.bot);
                }
                vec![]
            }
            Input::Me(me) => {
                self.highlighter
                    .set_me(&[&me.user.username, &me.user.display_name]);
                for i in 0..self.lines.len() {
                    let h = self.highlighter.of(&self.lines[i]);
                    self.lines[i].highlight = h;
                }
                vec![]
            }
            Input::Tick(at) => {
                if at > self.now {
                    self.now = at;
                }
                vec![]
            }
        }
    }

    // ---- notices -------------------------------------------------------------------------

    pub(super) fn fail(&mut self, e: impl Into<String>) -> Vec<Effect> {
        self.notice = Some(Notice {
            text: e.into(),
            level: Level::Error,
        });
        vec![]
    }

    pub(super) fn info(&mut self, s: impl Into<String>) {
        self.notice = Some(Notice {
            text: s.into(),
            level: Level::Info,
        });
    }

    /// A successful action: an old error is no longer news.
    pub(super) fn succeeded(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.level != Level::Info) {
            self.notice = None;
        }
    }

    // ---- the scrollback --------------------------------------------------------------------

    /// Add a line at the bottom; the oldest go when the scrollback is full.
    pub(super) fn push(&mut self, mut l: Line) {
        l.seq = self.next_seq;
        self.next_seq += 1;
        l.highlight = self.highlighter.of(&l);
        l.shown = self.passes(&l);
        if l.shown {
            if let Some(p) = &mut self.paused {
                p.new += 1;
            }
        }
        if !l.id.is_empty() {
            self.by_id.insert(l.id.clone(), l.seq);
        }
        self.lines.push_back(l);
        while self.lines.len() > self.scrollback {
            self.evict();
        }
    }

    fn evict(&mut self) {
        let Some(old) = self.lines.pop_front() else {
            return;
        };
        if !old.id.is_empty() && self.by_id.get(&old.id) == Some(&old.seq) {
            self.by_id.remove(&old.id);
        }
        if self.selected == Some(old.seq) {
            self.selected = None;
            let live = self.keymap.key(super::keymap::Action::Live);
            self.notice = Some(Notice {
                text: format!(
                    "the selected message left the scrollback (the newest {} are kept) · End or {live} for live",
                    self.scrollback
                ),
                level: Level::Warn,
            });
        }
        // The view's bottom went: the oldest screenful kept stays on screen.
        if let (Some(p), Some(front)) = (self.paused, self.lines.front()) {
            if p.bottom < front.seq {
                let rows = (self.chat_size().1 as usize).max(1);
                let bottom = (0..self.lines.len())
                    .filter(|i| self.lines[*i].shown)
                    .take(rows)
                    .last()
                    .map_or(front.seq, |i| self.lines[i].seq);
                if let Some(p) = &mut self.paused {
                    p.bottom = bottom;
                }
            }
        }
    }

    /// Recompute which lines pass the toggles and the filter.
    pub(super) fn refilter(&mut self) {
        for i in 0..self.lines.len() {
            let shown = self.passes(&self.lines[i]);
            self.lines[i].shown = shown;
        }
        if self.selected_line().is_some_and(|l| !l.shown) {
            self.selected = None;
        }
        if let Some(p) = self.paused {
            if self.line(p.bottom).is_some_and(|l| !l.shown) {
                let bottom = self
                    .step(Some(p.bottom), false)
                    .or_else(|| self.step(Some(p.bottom), true));
                if let (Some(b), Some(p)) = (bottom, &mut self.paused) {
                    p.bottom = b;
                }
            }
        }
    }

    /// Set (or clear) the filter.
    pub(super) fn set_filter(&mut self, text: &str) -> Result<(), String> {
        let f = Filter::parse(text)?;
        self.filter_saved = (text.trim().to_string(), f.clone());
        self.show_filter(text, f);
        Ok(())
    }

    /// Show a filter without entering it (as it is typed).
    pub(super) fn show_filter(&mut self, text: &str, f: Filter) {
        self.filter = f;
        self.filter_text = text.trim().to_string();
        self.filter_error = None;
        self.refilter();
    }

    /// The newest shown line's seq.
    pub fn newest_shown(&self) -> Option<u64> {
        self.lines.iter().rev().find(|l| l.shown).map(|l| l.seq)
    }

    /// The next shown line after (`down`) or before `from`; None at the end.
    pub(super) fn step(&self, from: Option<u64>, down: bool) -> Option<u64> {
        let len = self.lines.len();
        let start = match from {
            Some(s) => self.index(s)?,
            None if down => return None,
            None => len,
        };
        if down {
            (start + 1..len)
                .find(|i| self.lines[*i].shown)
                .map(|i| self.lines[i].seq)
        } else {
            (0..start)
                .rev()
                .find(|i| self.lines[*i].shown)
                .map(|i| self.lines[i].seq)
        }
    }

    // ---- pause and live ----------------------------------------------------------------

    /// The newest line the view shows at its bottom.
    pub fn view_bottom(&self) -> Option<u64> {
        match self.paused {
            Some(p) => Some(p.bottom),
            None => self.newest_shown(),
        }
    }

    /// Stop following the stream (the view stays where it is).
    pub(super) fn pause(&mut self) {
        if self.paused.is_none() {
            if let Some(bottom) = self.newest_shown() {
                self.paused = Some(Paused { bottom, new: 0 });
            }
        }
    }

    /// Back to live: no selection, the newest at the bottom.
    pub(super) fn go_live(&mut self) {
        self.paused = None;
        self.selected = None;
    }

    /// Select the line above (`up`) or below the selection.
    pub(super) fn select_step(&mut self, up: bool) {
        let next = match self.selected {
            None => self.view_bottom(),
            Some(s) => self.step(Some(s), !up).or(Some(s)),
        };
        if next.is_none() {
            return;
        }
        self.pause();
        self.selected = next;
        self.keep_selection_visible();
    }

    /// Scroll the view by `n` shown lines (up: older); at the bottom the view goes live
    /// again unless a message is selected.
    pub(super) fn scroll(&mut self, n: usize, up: bool) {
        if up {
            self.pause();
        }
        let Some(mut bottom) = self.paused.map(|p| p.bottom) else {
            return;
        };
        for _ in 0..n {
            match self.step(Some(bottom), !up) {
                Some(b) => bottom = b,
                None => break,
            }
        }
        if !up && Some(bottom) == self.newest_shown() && self.selected.is_none() {
            self.go_live();
            return;
        }
        if let Some(p) = &mut self.paused {
            p.bottom = bottom;
        }
    }

    /// The chat pane's inside (columns, rows).
    pub(super) fn chat_size(&self) -> (u16, u16) {
        let a = view::areas(
            self,
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
        );
        a.chat.map_or((0, 0), |r| (r.width, r.height))
    }

    /// Move the view so that the selected line is on screen.
    pub(super) fn keep_selection_visible(&mut self) {
        let (Some(sel), Some(p)) = (self.selected, self.paused) else {
            return;
        };
        if sel > p.bottom {
            if let Some(p) = &mut self.paused {
                p.bottom = sel;
            }
            return;
        }
        let (w, h) = self.chat_size();
        if w == 0 || h == 0 {
            return;
        }
        let win = view::chat::window(self, w, h);
        let total: usize = win.iter().map(|(_, rows)| rows.len()).sum();
        let fully = |i: usize| i > 0 || total <= h as usize;
        if win.iter().position(|(s, _)| *s == sel).is_some_and(fully) {
            return;
        }
        // Put the selection at the top: the bottom is the last line that still fits.
        let mut bottom = sel;
        let mut used = 0usize;
        let mut at = Some(sel);
        while let Some(s) = at {
            let Some(l) = self.line(s) else { break };
            used += view::chat::rows(self, l, w).len();
            if used > h as usize {
                break;
            }
            bottom = s;
            at = self.step(Some(s), true);
        }
        if let Some(p) = &mut self.paused {
            p.bottom = bottom;
        }
    }

    // ---- the `:` command line ----------------------------------------------------------

    pub(super) fn command(&mut self, input: &str) -> Result<Vec<Effect>, String> {
        match super::command::parse(input)? {
            Command::Filter(q) => {
                self.set_filter(&q)?;
                self.succeeded();
                Ok(vec![])
            }
            Command::Help => {
                self.mode = Mode::Help { scroll: 0 };
                Ok(vec![])
            }
            Command::On { who, verb } => Ok(self.resolve(who, verb)),
        }
    }

    /// Find the chatter a command names: in the session, else ask the server.
    fn resolve(&mut self, who: Who, verb: Verb) -> Vec<Effect> {
        let found = self.chatters.named(&who.name, who.platform);
        if !found.is_empty() {
            return self.run_on(&who.name, verb, found);
        }
        if let Some(p) = who.platform.filter(|p| p.is_user_id(&who.name)) {
            let c = Chatter {
                platform: p,
                user_id: who.name.clone(),
                name: who.name.clone(),
            };
            return self.run(verb, c);
        }
        vec![Effect::Resolve {
            name: who.name,
            platform: who.platform,
            verb,
        }]
    }

    /// Run a command on the one chatter found, or ask which one.
    pub(super) fn run_on(&mut self, name: &str, verb: Verb, found: Vec<Chatter>) -> Vec<Effect> {
        match found.len() {
            0 => self.fail(format!(
                "no chatter named '{name}' has been seen; try platform:name or their user id"
            )),
            1 => {
                let c = found.into_iter().next().map(|c| (verb, c));
                match c {
                    Some((verb, c)) => self.run(verb, c),
                    None => vec![],
                }
            }
            _ => {
                let same_platform = found.windows(2).any(|w| w[0].platform == w[1].platform);
                let options = found
                    .into_iter()
                    .take(9)
                    .map(|c| {
                        let label = if same_platform {
                            format!("{} {} ({})", c.platform, c.name, c.user_id)
                        } else {
                            format!("{} {}", c.platform, c.name)
                        };
                        (label, Step::Command(verb.clone(), c))
                    })
                    .collect::<Vec<_>>();
                let n = options.len();
                self.mode = Mode::Choose(Choice {
                    question: format!(
                        "{} '{name}' chats on {n} platforms: which one? (1–{n}, Esc cancels)",
                        verb.name()
                    ),
                    options,
                });
                vec![]
            }
        }
    }

    /// A command on a resolved chatter.
    pub(super) fn run(&mut self, verb: Verb, c: Chatter) -> Vec<Effect> {
        self.succeeded();
        match verb {
            Verb::Ban { reason } => vec![Effect::Moderate {
                target: c,
                action: ModAction::Ban { reason },
            }],
            Verb::Unban => vec![Effect::Moderate {
                target: c,
                action: ModAction::Unban,
            }],
            Verb::Timeout { seconds, reason } => vec![Effect::Moderate {
                target: c,
                action: ModAction::Timeout { seconds, reason },
            }],
            Verb::Note { text } => vec![Effect::Note { target: c, text }],
            Verb::Treat { treatment } => vec![Effect::Treat {
                target: c,
                treatment,
            }],
            Verb::Card => self.open_card(c),
        }
    }

    /// The question of a confirmation.
    pub(super) fn question(action: &ModAction, c: &Chatter) -> String {
        match action {
            ModAction::Ban { .. } => format!("Ban {} on {}? y/n", c.name, c.platform),
            ModAction::Unban => format!("Unban {} on {}? y/n", c.name, c.platform),
            ModAction::Timeout { seconds, .. } => format!(
                "Time out {} on {} for {}? y/n",
                c.name,
                c.platform,
                format_duration(*seconds)
            ),
        }
    }
}
