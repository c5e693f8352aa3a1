//! Keys and the mouse: the main screen's keys go through the keymap ([`super::keymap`]) to
//! an action; the user card, the prompts (line editors), confirmations, choices and the
//! help each take their own.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::editor::Edit;
use super::keymap::Action;
use super::state::{
    App, Chatter, Choice, Effect, ModAction, Mode, Pending, Prompt, PromptKind, Step, PRESETS,
    SENDABLE, TREATMENTS,
};
use super::view;
use crate::duration::parse_duration;
use crate::platform::Platform;

/// Lines a mouse wheel notch scrolls.
const WHEEL: usize = 3;

impl App {
    pub(super) fn key(&mut self, k: KeyEvent) -> Vec<Effect> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match self.mode.clone() {
            Mode::Help { scroll } => {
                let scroll = match k.code {
                    KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Home => 0,
                    _ => {
                        self.mode = Mode::Normal;
                        return if ctrl && k.code == KeyCode::Char('c') {
                            vec![Effect::Quit]
                        } else {
                            vec![]
                        };
                    }
                };
                self.mode = Mode::Help { scroll };
                vec![]
            }
            Mode::Confirm(p) => {
                self.mode = Mode::Normal;
                if matches!(k.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter) {
                    self.succeeded();
                    vec![p.effect]
                } else {
                    self.info("cancelled");
                    vec![]
                }
            }
            Mode::Choose(c) => {
                let pick = match k.code {
                    KeyCode::Char(d @ '1'..='9') => Some((d as u8 - b'1') as usize),
                    KeyCode::Esc | KeyCode::Char('q') => {
                        self.mode = Mode::Normal;
                        self.info("cancelled");
                        return vec![];
                    }
                    _ => None,
                };
                let Some(step) = pick.and_then(|i| c.options.get(i)).map(|(_, s)| s.clone()) else {
                    return vec![];
                };
                self.mode = Mode::Normal;
                match step {
                    Step::Command(verb, who) => self.run(verb, who),
                    Step::Effect(e) => {
                        self.succeeded();
                        vec![e]
                    }
                }
            }
            Mode::Prompt(p) => self.key_prompt(*p, k),
            Mode::Normal => {
                if ctrl && k.code == KeyCode::Char('c') {
                    return vec![Effect::Quit];
                }
                if self.card.is_some() {
                    if let Some(fx) = self.key_card(k) {
                        return fx;
                    }
                }
                self.key_normal(k)
            }
        }
    }

    fn key_normal(&mut self, k: KeyEvent) -> Vec<Effect> {
        let action = match k.code {
            KeyCode::Up => Action::Up,
            KeyCode::Down => Action::Down,
            KeyCode::End => Action::Live,
            KeyCode::Enter => Action::Card,
            KeyCode::Esc => {
                if self.card.is_some() {
                    self.card = None;
                } else {
                    self.go_live();
                }
                return vec![];
            }
            KeyCode::PageUp | KeyCode::PageDown => {
                let page = (self.chat_size().1 as usize).saturating_sub(2).max(1);
                self.scroll(page, k.code == KeyCode::PageUp);
                return vec![];
            }
            KeyCode::Home => {
                let n = self.lines.len();
                self.scroll(n, true);
                return vec![];
            }
            KeyCode::Char(c @ '1'..='5') => {
                let i = (c as u8 - b'1') as usize;
                self.platforms_on[i] = !self.platforms_on[i];
                self.refilter();
                self.succeeded();
                return vec![];
            }
            KeyCode::Char(c) => match self.keymap.action(c) {
                Some(a) => a,
                None => return vec![],
            },
            _ => return vec![],
        };
        self.act(action)
    }

    /// The chatter an action is about: the open card's, else the selected line's.
    fn target(&self) -> Option<Chatter> {
        if let Some(c) = &self.card {
            return Some(c.target.clone());
        }
        self.selected_line()
            .filter(|l| !l.user_id.is_empty())
            .map(|l| l.chatter())
    }

    fn need_selection(&mut self) -> Vec<Effect> {
        let (up, down) = (self.keymap.key(Action::Up), self.keymap.key(Action::Down));
        self.fail(format!(
            "select a message first (↑/↓ or {up}/{down}, or click one)"
        ))
    }

    fn confirm(&mut self, question: String, effect: Effect) -> Vec<Effect> {
        self.mode = Mode::Confirm(Pending { question, effect });
        vec![]
    }

    fn prompt(
        &mut self,
        kind: PromptKind,
        text: &str,
        target: Option<Chatter>,
        platform: Platform,
    ) {
        self.mode = Mode::Prompt(Box::new(Prompt {
            kind,
            editor: super::editor::Editor::new(text),
            platform,
            target,
            error: None,
        }));
    }

    pub(super) fn act(&mut self, a: Action) -> Vec<Effect> {
        match a {
            Action::Quit => return vec![Effect::Quit],
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Up => self.select_step(true),
            Action::Down => self.select_step(false),
            Action::Live => {
                self.go_live();
                self.succeeded();
            }
            Action::Ban | Action::Unban => {
                let Some(t) = self.target() else {
                    return self.need_selection();
                };
                let action = if a == Action::Ban {
                    ModAction::Ban { reason: None }
                } else {
                    ModAction::Unban
                };
                let q = Self::question(&action, &t);
                return self.confirm(q, Effect::Moderate { target: t, action });
            }
            Action::Timeout => {
                let Some(t) = self.target() else {
                    return self.need_selection();
                };
                self.prompt(PromptKind::Timeout, "", Some(t), Platform::Twitch);
            }
            Action::Note => {
                let Some(t) = self.target() else {
                    return self.need_selection();
                };
                self.prompt(PromptKind::Note, "", Some(t), Platform::Twitch);
            }
            Action::Treatment => {
                let Some(t) = self.target() else {
                    return self.need_selection();
                };
                self.mode = Mode::Choose(Choice {
                    question: format!("treatment of {} on {}: (Esc cancels)", t.name, t.platform),
                    options: TREATMENTS
                        .iter()
                        .map(|tr| {
                            (
                                tr.replace('_', " "),
                                Step::Effect(Effect::Treat {
                                    target: t.clone(),
                                    treatment: tr.to_string(),
                                }),
                            )
                        })
                        .collect(),
                });
            }
            Action::Delete => {
                let line = match &self.card {
                    Some(c) => c.messages.get(c.cursor),
                    None => self.selected_line(),
                };
                let Some(l) = line.filter(|l| l.system.is_none() && !l.id.is_empty()) else {
                    return self.need_selection();
                };
                let (platform, message_id, author) = (l.platform, l.id.clone(), l.name.clone());
                return self.confirm(
                    format!("Delete this message of {author}? y/n"),
                    Effect::Delete {
                        platform,
                        message_id,
                        author,
                    },
                );
            }
            Action::Card => {
                let Some(t) = self
                    .selected_line()
                    .filter(|l| !l.user_id.is_empty())
                    .map(|l| l.chatter())
                else {
                    return self.need_selection();
                };
                return self.open_card(t);
            }
            Action::Filter => {
                let text = self.filter_saved.0.clone();
                self.prompt(PromptKind::Filter, &text, None, Platform::Twitch);
            }
            Action::Command => self.prompt(PromptKind::Command, "", None, Platform::Twitch),
            Action::Send => {
                let p = self
                    .selected_line()
                    .map(|l| l.platform)
                    .filter(|p| SENDABLE.contains(p))
                    .unwrap_or(self.send_platform);
                self.prompt(PromptKind::Send, "", None, p);
            }
            Action::Log => {
                let shown = self.log_shown();
                if self.card.is_some() {
                    self.card = None;
                    self.log_toggle = Some(true);
                } else {
                    self.log_toggle = Some(!shown);
                }
                if self.log_shown() {
                    self.log_unseen = 0;
                }
            }
        }
        vec![]
    }

    /// The card's own keys; None when the main screen's apply.
    fn key_card(&mut self, k: KeyEvent) -> Option<Vec<Effect>> {
        let card = self.card.as_mut()?;
        let last = card.messages.len().saturating_sub(1);
        let action = match k.code {
            KeyCode::Char(c) => self.keymap.action(c),
            _ => None,
        };
        let card = self.card.as_mut()?;
        match (k.code, action) {
            (KeyCode::Down, _) | (_, Some(Action::Down)) => {
                card.cursor = (card.cursor + 1).min(last)
            }
            (KeyCode::Up, _) | (_, Some(Action::Up)) => card.cursor = card.cursor.saturating_sub(1),
            (KeyCode::PageDown, _) => card.cursor = (card.cursor + 10).min(last),
            (KeyCode::PageUp, _) => card.cursor = card.cursor.saturating_sub(10),
            (KeyCode::Home, _) => card.cursor = 0,
            (KeyCode::Enter, _) | (_, Some(Action::Card)) => return Some(self.reload_card()),
            (KeyCode::Char(c @ '1'..='4'), _) => {
                let (seconds, _) = PRESETS[(c as u8 - b'1') as usize];
                let t = card.target.clone();
                let action = ModAction::Timeout {
                    seconds,
                    reason: None,
                };
                let q = Self::question(&action, &t);
                return Some(self.confirm(q, Effect::Moderate { target: t, action }));
            }
            _ => return None,
        }
        Some(vec![])
    }

    fn key_prompt(&mut self, mut p: Prompt, k: KeyEvent) -> Vec<Effect> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        if p.kind == PromptKind::Send && ctrl && k.code == KeyCode::Char('t') {
            let i = SENDABLE
                .iter()
                .position(|x| *x == p.platform)
                .map_or(0, |i| i + 1);
            p.platform = SENDABLE[i % SENDABLE.len()];
            self.mode = Mode::Prompt(Box::new(p));
            return vec![];
        }
        let history = self.histories.get(p.kind).to_vec();
        let edit = {
            let chatters = &self.chatters;
            let emotes = &self.emotes;
            let kind = p.kind;
            let complete = move |prefix: &str, first: bool| -> Vec<String> {
                complete(chatters, emotes, kind, prefix, first)
            };
            p.editor.key(k, &history, &complete)
        };
        match edit {
            Edit::Cancel => {
                if p.kind == PromptKind::Filter {
                    // The filter as it was before this edit.
                    let (text, f) = self.filter_saved.clone();
                    self.show_filter(&text, f);
                }
                self.mode = Mode::Normal;
                vec![]
            }
            Edit::Submit => self.submit(p),
            Edit::Edited => {
                p.error = None;
                if p.kind == PromptKind::Filter {
                    // The filter applies as it is typed; while the query is invalid the
                    // filter entered before it is on screen, and the bar says what is wrong.
                    match super::filter::Filter::parse(p.editor.value()) {
                        Ok(f) => self.show_filter(p.editor.value(), f),
                        Err(e) => {
                            if self.filter_text != self.filter_saved.0 {
                                let (text, f) = self.filter_saved.clone();
                                self.show_filter(&text, f);
                            }
                            self.filter_error = Some(e);
                        }
                    }
                }
                self.mode = Mode::Prompt(Box::new(p));
                vec![]
            }
        }
    }

    fn submit(&mut self, mut p: Prompt) -> Vec<Effect> {
        let input = p.editor.value().trim().to_string();
        self.histories.push(p.kind, &input);
        // The prompt closes, unless what was typed is wrong.
        self.mode = Mode::Normal;
        let result: Result<Vec<Effect>, String> = match p.kind {
            PromptKind::Filter => self.set_filter(&input).map(|()| {
                self.succeeded();
                vec![]
            }),
            PromptKind::Command if input.is_empty() => Ok(vec![]),
            PromptKind::Command => self.command(&input),
            PromptKind::Note => match &p.target {
                Some(t) if !input.is_empty() => Ok(vec![Effect::Note {
                    target: t.clone(),
                    text: input,
                }]),
                _ => Ok(vec![]),
            },
            PromptKind::Send if input.is_empty() => Ok(vec![]),
            PromptKind::Send => {
                self.send_platform = p.platform;
                Ok(vec![Effect::Send {
                    platform: p.platform,
                    text: input,
                }])
            }
            PromptKind::Timeout => timeout(&input).map(|(seconds, reason)| match &p.target {
                Some(t) => {
                    let action = ModAction::Timeout { seconds, reason };
                    let q = Self::question(&action, t);
                    let target = t.clone();
                    self.confirm(q, Effect::Moderate { target, action })
                }
                None => vec![],
            }),
        };
        match result {
            Ok(fx) => {
                if !fx.is_empty() {
                    self.succeeded();
                }
                fx
            }
            Err(e) => {
                if p.kind == PromptKind::Filter {
                    self.filter_error = Some(e.clone());
                }
                p.error = Some(e);
                self.mode = Mode::Prompt(Box::new(p));
                vec![]
            }
        }
    }

    pub(super) fn mouse(&mut self, m: MouseEvent) -> Vec<Effect> {
        if !matches!(self.mode, Mode::Normal) {
            return vec![];
        }
        let areas = view::areas(
            self,
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
        );
        let Some(chat) = areas.chat else {
            return vec![];
        };
        let inside = m.column >= chat.x
            && m.column < chat.x + chat.width
            && m.row >= chat.y
            && m.row < chat.y + chat.height;
        match m.kind {
            MouseEventKind::ScrollUp if inside => self.scroll(WHEEL, true),
            MouseEventKind::ScrollDown if inside => self.scroll(WHEEL, false),
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                if let (Some(c), Some(side)) = (&mut self.card, areas.side) {
                    if m.row >= side.y && m.row < side.y + side.height {
                        let last = c.messages.len().saturating_sub(1);
                        c.cursor = if m.kind == MouseEventKind::ScrollUp {
                            c.cursor.saturating_sub(WHEEL)
                        } else {
                            (c.cursor + WHEEL).min(last)
                        };
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) if inside => {
                let win = view::chat::window(self, chat.width, chat.height);
                let rows: Vec<u64> = win
                    .iter()
                    .flat_map(|(s, rows)| std::iter::repeat_n(*s, rows.len()))
                    .collect();
                let cut = rows.len().saturating_sub(chat.height as usize);
                let at = cut + (m.row - chat.y) as usize;
                if let Some(seq) = rows.get(at).copied() {
                    if self.paused.is_none() {
                        self.pause();
                    }
                    self.selected = Some(seq);
                }
            }
            _ => {}
        }
        vec![]
    }
}

/// A timeout as typed: a preset (1–4) or a duration, then an optional reason.
fn timeout(input: &str) -> Result<(i64, Option<String>), String> {
    let (d, reason) = input
        .split_once(char::is_whitespace)
        .map_or((input, ""), |(d, r)| (d, r.trim()));
    let seconds = match d {
        "1" | "2" | "3" | "4" => PRESETS[(d.as_bytes()[0] - b'1') as usize].0,
        "" => return Err("type 1–4 or a duration (30m, 1h30m), then ⏎".into()),
        d => parse_duration(d)?,
    };
    Ok((seconds, (!reason.is_empty()).then(|| reason.to_string())))
}

/// What Tab offers: the commands for the first word of `:`, platform names after `platform:`,
/// chatters seen in this session and emote names.
fn complete(
    chatters: &super::state::Chatters,
    emotes: &std::collections::HashMap<String, u64>,
    kind: PromptKind,
    prefix: &str,
    first: bool,
) -> Vec<String> {
    if kind == PromptKind::Command && first {
        return super::command::COMMANDS
            .iter()
            .map(|(c, _)| c.to_string())
            .filter(|c| c.starts_with(&prefix.to_lowercase()))
            .collect();
    }
    // `platform:na` and `from:na`: complete the part after the colon.
    if let Some((key, rest)) = prefix.split_once(':') {
        if key.eq_ignore_ascii_case("platform") {
            return Platform::ALL
                .iter()
                .map(|p| format!("{key}:{p}"))
                .filter(|p| p.starts_with(prefix))
                .collect();
        }
        return chatters
            .complete(rest)
            .into_iter()
            .map(|n| format!("{key}:{n}"))
            .collect();
    }
    let mut out = chatters.complete(prefix);
    let p = prefix.to_lowercase();
    let mut es: Vec<(&u64, &String)> = emotes
        .iter()
        .filter(|(e, _)| e.to_lowercase().starts_with(&p))
        .map(|(e, s)| (s, e))
        .collect();
    es.sort_by(|a, b| b.0.cmp(a.0));
    for (_, e) in es {
        if !out.contains(e) {
            out.push(e.clone());
        }
    }
    out
}
