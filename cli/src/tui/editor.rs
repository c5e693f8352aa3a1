//! The prompts' line editor: a [`tui_input::Input`] (the text and its cursor) driven by
//! readline's keys, with a history per prompt (Up/Down) and Tab completion.
//!
//! | keys | do |
//! |---|---|
//! | Ctrl-A / Home, Ctrl-E / End | start, end of the line |
//! | ← → (Ctrl-B, Ctrl-F); Ctrl-← Ctrl-→ (Alt-B, Alt-F) | a character, a word |
//! | Backspace, Delete (Ctrl-D) | delete a character |
//! | Ctrl-W (Alt-Backspace), Alt-D | delete the word before, after |
//! | Ctrl-U, Ctrl-K; Ctrl-Y | delete to the start, to the end; paste what they deleted |
//! | ↑ ↓ (Ctrl-P, Ctrl-N) | the prompt's history |
//! | Tab, Shift-Tab | complete a name or emote; again for the next, previous |
//! | Enter; Esc (Ctrl-C, Ctrl-G) | submit; cancel |

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

use super::state::PromptKind;

/// Lines kept in each prompt's history.
pub const HISTORY_KEPT: usize = 100;

/// An active completion: where the word starts, what is offered, and which one is in.
#[derive(Debug, Clone, PartialEq)]
struct Completion {
    start: usize,
    /// Chars inserted for the current candidate.
    len: usize,
    candidates: Vec<String>,
    index: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Editor {
    input: Input,
    /// The history entry shown (None: the line being typed, kept in `draft`).
    walk: Option<usize>,
    draft: String,
    completion: Option<Completion>,
    killed: String,
}

impl PartialEq for Editor {
    fn eq(&self, o: &Editor) -> bool {
        self.value() == o.value() && self.cursor() == o.cursor()
    }
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text or the cursor moved (or nothing happened).
    Edited,
    Submit,
    Cancel,
}

impl Editor {
    pub fn new(text: &str) -> Editor {
        Editor {
            input: Input::new(text.to_string()),
            ..Editor::default()
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The cursor, in characters.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// The cursor's column and the first column shown, in a field `width` wide.
    pub fn visual(&self, width: usize) -> (usize, usize) {
        let scroll = self.input.visual_scroll(width);
        (self.input.visual_cursor().saturating_sub(scroll), scroll)
    }

    fn set(&mut self, value: String, cursor: usize) {
        self.input = Input::new(value).with_cursor(cursor);
    }

    /// Apply one key. `history` is the prompt's (oldest first); `complete(prefix, first)`
    /// offers the completions of the word before the cursor (`first`: it is the line's
    /// first word).
    pub fn key(
        &mut self,
        k: KeyEvent,
        history: &[String],
        complete: &dyn Fn(&str, bool) -> Vec<String>,
    ) -> Edit {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        if !matches!(k.code, KeyCode::Tab | KeyCode::BackTab) {
            self.completion = None;
        }
        let req = match (k.code, ctrl, alt) {
            (KeyCode::Enter, ..) => return Edit::Submit,
            (KeyCode::Esc, ..) | (KeyCode::Char('c' | 'g'), true, _) => return Edit::Cancel,
            (KeyCode::Tab, ..) => {
                self.complete(true, complete);
                return Edit::Edited;
            }
            (KeyCode::BackTab, ..) => {
                self.complete(false, complete);
                return Edit::Edited;
            }
            (KeyCode::Up, ..) | (KeyCode::Char('p'), true, _) => {
                self.walk(history, true);
                return Edit::Edited;
            }
            (KeyCode::Down, ..) | (KeyCode::Char('n'), true, _) => {
                self.walk(history, false);
                return Edit::Edited;
            }
            (KeyCode::Char('u'), true, _) => {
                let chars: Vec<char> = self.value().chars().collect();
                let at = self.cursor().min(chars.len());
                self.killed = chars[..at].iter().collect();
                self.set(chars[at..].iter().collect(), 0);
                return Edit::Edited;
            }
            (KeyCode::Char('k'), true, _) => {
                self.killed = self.value().chars().skip(self.cursor()).collect();
                InputRequest::DeleteTillEnd
            }
            (KeyCode::Char('y'), true, _) => {
                for c in self.killed.clone().chars() {
                    self.input.handle(InputRequest::InsertChar(c));
                }
                return Edit::Edited;
            }
            (KeyCode::Char('a'), true, _) | (KeyCode::Home, ..) => InputRequest::GoToStart,
            (KeyCode::Char('e'), true, _) | (KeyCode::End, ..) => InputRequest::GoToEnd,
            (KeyCode::Char('b'), true, _) => InputRequest::GoToPrevChar,
            (KeyCode::Char('f'), true, _) => InputRequest::GoToNextChar,
            (KeyCode::Left, true, _) | (KeyCode::Char('b'), false, true) => {
                InputRequest::GoToPrevWord
            }
            (KeyCode::Right, true, _) | (KeyCode::Char('f'), false, true) => {
                InputRequest::GoToNextWord
            }
            (KeyCode::Left, ..) => InputRequest::GoToPrevChar,
            (KeyCode::Right, ..) => InputRequest::GoToNextChar,
            (KeyCode::Char('w'), true, _) | (KeyCode::Backspace, _, true) => {
                InputRequest::DeletePrevWord
            }
            (KeyCode::Char('d'), false, true) => InputRequest::DeleteNextWord,
            (KeyCode::Backspace, ..) | (KeyCode::Char('h'), true, _) => {
                InputRequest::DeletePrevChar
            }
            (KeyCode::Delete, ..) | (KeyCode::Char('d'), true, _) => InputRequest::DeleteNextChar,
            // Any other chord is not text (Ctrl-U once typed a `u`).
            (KeyCode::Char(_), true, _) | (KeyCode::Char(_), _, true) => return Edit::Edited,
            (KeyCode::Char(c), ..) => InputRequest::InsertChar(c),
            _ => return Edit::Edited,
        };
        self.input.handle(req);
        Edit::Edited
    }

    fn walk(&mut self, history: &[String], older: bool) {
        if history.is_empty() {
            return;
        }
        let next = match (self.walk, older) {
            (None, true) => {
                self.draft = self.value().to_string();
                Some(history.len() - 1)
            }
            (None, false) => return,
            (Some(0), true) => Some(0),
            (Some(i), true) => Some(i - 1),
            (Some(i), false) if i + 1 < history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        self.walk = next;
        let text = match next {
            Some(i) => history[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        let len = text.chars().count();
        self.set(text, len);
    }

    fn complete(&mut self, forward: bool, offer: &dyn Fn(&str, bool) -> Vec<String>) {
        let chars: Vec<char> = self.value().chars().collect();
        match &mut self.completion {
            Some(c) if !c.candidates.is_empty() => {
                let n = c.candidates.len();
                c.index = if forward {
                    (c.index + 1) % n
                } else {
                    (c.index + n - 1) % n
                };
            }
            _ => {
                let cursor = self.cursor().min(chars.len());
                let start = chars[..cursor]
                    .iter()
                    .rposition(|c| c.is_whitespace())
                    .map_or(0, |i| i + 1);
                let word: String = chars[start..cursor].iter().collect();
                let at = word.starts_with('@');
                let prefix = word.trim_start_matches('@').to_string();
                let first = chars[..start].iter().all(|c| c.is_whitespace());
                let candidates: Vec<String> = offer(&prefix, first)
                    .into_iter()
                    .map(|c| if at { format!("@{c}") } else { c })
                    .collect();
                if candidates.is_empty() {
                    return;
                }
                self.completion = Some(Completion {
                    start,
                    len: cursor - start,
                    candidates,
                    index: if forward { 0 } else { usize::MAX },
                });
                if let Some(c) = &mut self.completion {
                    if c.index == usize::MAX {
                        c.index = c.candidates.len() - 1;
                    }
                }
            }
        }
        let Some(c) = &mut self.completion else {
            return;
        };
        let insert = format!("{} ", c.candidates[c.index]);
        let mut out: Vec<char> = chars[..c.start].to_vec();
        out.extend(insert.chars());
        let tail = (c.start + c.len).min(chars.len());
        out.extend_from_slice(&chars[tail..]);
        c.len = insert.chars().count();
        let cursor = c.start + c.len;
        self.set(out.into_iter().collect(), cursor);
    }
}

/// Each prompt's history, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Histories {
    map: HashMap<PromptKind, Vec<String>>,
}

impl Histories {
    pub fn get(&self, k: PromptKind) -> &[String] {
        self.map.get(&k).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn push(&mut self, k: PromptKind, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        let h = self.map.entry(k).or_default();
        h.retain(|x| x != line);
        h.push(line.to_string());
        if h.len() > HISTORY_KEPT {
            h.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    fn none(_: &str, _: bool) -> Vec<String> {
        Vec::new()
    }
    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.key(k(KeyCode::Char(c)), &[], &none);
        }
    }

    /// Issue 16: Ctrl-U once inserted a literal `u` (`kickuhas:link`).
    #[test]
    fn readline_keys() {
        let mut e = Editor::new("");
        typed(&mut e, "kick spam");
        e.key(ctrl('u'), &[], &none);
        assert_eq!(e.value(), "");
        typed(&mut e, "has:link");
        assert_eq!(e.value(), "has:link", "no stray u");
        e.key(ctrl('a'), &[], &none);
        typed(&mut e, "kick ");
        assert_eq!(e.value(), "kick has:link");
        e.key(ctrl('e'), &[], &none);
        e.key(ctrl('w'), &[], &none);
        assert_eq!(e.value(), "kick has:");
        e.key(k(KeyCode::Left), &[], &none);
        e.key(ctrl('k'), &[], &none);
        assert_eq!(e.value(), "kick has");
        e.key(ctrl('y'), &[], &none);
        assert_eq!(e.value(), "kick has:");
        e.key(ctrl('a'), &[], &none);
        e.key(k(KeyCode::Right), &[], &none);
        e.key(k(KeyCode::Backspace), &[], &none);
        assert_eq!((e.value(), e.cursor()), ("ick has:", 0));
        e.key(k(KeyCode::Delete), &[], &none);
        assert_eq!(e.value(), "ck has:");
        e.key(
            KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT),
            &[],
            &none,
        );
        assert_eq!(e.value(), "ck has:", "chords are not text");
        assert_eq!(e.key(k(KeyCode::Enter), &[], &none), Edit::Submit);
        assert_eq!(e.key(k(KeyCode::Esc), &[], &none), Edit::Cancel);
        assert_eq!(e.key(ctrl('c'), &[], &none), Edit::Cancel);
    }

    #[test]
    fn history_walks_and_keeps_the_draft() {
        let h = vec!["ban a".to_string(), "ban b".to_string()];
        let mut e = Editor::new("");
        typed(&mut e, "dra");
        e.key(k(KeyCode::Up), &h, &none);
        assert_eq!(e.value(), "ban b");
        e.key(k(KeyCode::Up), &h, &none);
        e.key(k(KeyCode::Up), &h, &none);
        assert_eq!(e.value(), "ban a");
        e.key(k(KeyCode::Down), &h, &none);
        assert_eq!(e.value(), "ban b");
        e.key(k(KeyCode::Down), &h, &none);
        assert_eq!(e.value(), "dra");
        let mut hs = Histories::default();
        for l in ["a", "b", "a", " "] {
            hs.push(PromptKind::Command, l);
        }
        assert_eq!(hs.get(PromptKind::Command), ["b", "a"]);
        assert!(hs.get(PromptKind::Filter).is_empty());
    }

    #[test]
    fn tab_completes_and_cycles() {
        let names = |p: &str, _: bool| -> Vec<String> {
            ["kappa_king", "Kappa", "kickfan99"]
                .iter()
                .filter(|n| n.to_lowercase().starts_with(&p.to_lowercase()))
                .map(|n| n.to_string())
                .collect()
        };
        let mut e = Editor::new("");
        typed(&mut e, "ban @ka");
        e.key(k(KeyCode::Tab), &[], &names);
        assert_eq!(e.value(), "ban @kappa_king ");
        e.key(k(KeyCode::Tab), &[], &names);
        assert_eq!(e.value(), "ban @Kappa ");
        e.key(k(KeyCode::Tab), &[], &names);
        assert_eq!(e.value(), "ban @kappa_king ");
        e.key(k(KeyCode::BackTab), &[], &names);
        assert_eq!(e.value(), "ban @Kappa ");
        typed(&mut e, "hi ki");
        e.key(k(KeyCode::Tab), &[], &names);
        assert_eq!(e.value(), "ban @Kappa hi kickfan99 ");
        let mut e = Editor::new("zz");
        e.key(k(KeyCode::Tab), &[], &names);
        assert_eq!(e.value(), "zz", "nothing to offer: unchanged");
    }
}
