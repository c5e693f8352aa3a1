//! Highlights, after Chatterino's: a message that mentions the signed-in moderator or has a
//! term of `[tui.highlights]` gets Chatterino's highlight background (#4B282C, its
//! `rgba(127, 63, 73, 127)` on a dark background); a chatter's first message gets its
//! first-message green (#23301F). Terms match as whole words, in any case.

use ratatui::style::Color;
use regex::{Regex, RegexBuilder};

use super::state::{parse_color, Highlight, Line};
use crate::config::HighlightConfig;

/// Chatterino's mention / phrase highlight over a dark background.
pub const MENTION_BG: Color = Color::Rgb(0x4B, 0x28, 0x2C);
/// Chatterino's first-message highlight over a dark background.
pub const FIRST_BG: Color = Color::Rgb(0x23, 0x30, 0x1F);

#[derive(Debug, Clone)]
pub struct Highlighter {
    pub terms: Vec<String>,
    terms_re: Option<Regex>,
    /// The signed-in moderator's names (username, display name).
    me: Vec<String>,
    me_re: Option<Regex>,
    pub mentions: bool,
    pub first_messages: bool,
    pub color: Color,
    pub first_color: Color,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter {
            terms: Vec::new(),
            terms_re: None,
            me: Vec::new(),
            me_re: None,
            mentions: true,
            first_messages: true,
            color: MENTION_BG,
            first_color: FIRST_BG,
        }
    }
}

/// Whole words of any of `words`, in any case.
fn words_regex(words: &[String], at: bool) -> Option<Regex> {
    let alts: Vec<String> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .map(regex::escape)
        .collect();
    if alts.is_empty() {
        return None;
    }
    let at = if at { "@?" } else { "" };
    RegexBuilder::new(&format!(
        r"(?:^|\s|\b){at}(?:{})(?:$|\s|\b)",
        alts.join("|")
    ))
    .case_insensitive(true)
    .build()
    .ok()
}

impl Highlighter {
    /// From `[tui.highlights]`; a bad colour is an error that names it.
    pub fn from_config(c: &HighlightConfig) -> Result<Highlighter, String> {
        let color = |k: &str, v: &Option<String>, default: Color| match v {
            None => Ok(default),
            Some(hex) => parse_color(hex)
                .ok_or_else(|| format!("[tui.highlights] {k}: '{hex}' is not #RRGGBB")),
        };
        if let Some(t) = c.terms.iter().find(|t| t.trim().is_empty()) {
            return Err(format!("[tui.highlights] terms: '{t}' is empty"));
        }
        let mut h = Highlighter {
            terms: c.terms.clone(),
            terms_re: words_regex(&c.terms, false),
            mentions: c.mentions.unwrap_or(true),
            first_messages: c.first_messages.unwrap_or(true),
            color: color("color", &c.color, MENTION_BG)?,
            first_color: color("first_message_color", &c.first_message_color, FIRST_BG)?,
            ..Highlighter::default()
        };
        h.me_re = None;
        Ok(h)
    }

    /// Who "me" is, for mentions.
    pub fn set_me(&mut self, names: &[&str]) {
        self.me = names
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        self.me_re = words_regex(&self.me, true);
    }

    pub fn of(&self, l: &Line) -> Option<Highlight> {
        if l.system.is_some() {
            return None;
        }
        let mine = self.me.iter().any(|m| m.eq_ignore_ascii_case(&l.login));
        if self.mentions && !mine && self.me_re.as_ref().is_some_and(|r| r.is_match(&l.text)) {
            return Some(Highlight::Mention);
        }
        if self.terms_re.as_ref().is_some_and(|r| r.is_match(&l.text)) {
            return Some(Highlight::Term);
        }
        if self.first_messages && l.marks.first {
            return Some(Highlight::First);
        }
        None
    }

    /// The background of a highlighted line.
    pub fn background(&self, h: Highlight) -> Color {
        match h {
            Highlight::Mention | Highlight::Term => self.color,
            Highlight::First => self.first_color,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;

    fn line(login: &str, text: &str) -> Line {
        let mut l = crate::tui::state::test_line(login, Platform::Twitch, text);
        l.login = login.into();
        l
    }

    #[test]
    fn mentions_terms_and_first_messages() {
        let mut h = Highlighter::from_config(&HighlightConfig {
            terms: vec!["giveaway".into(), "c++".into()],
            ..HighlightConfig::default()
        })
        .unwrap();
        h.set_me(&["mod", "Milo Mod"]);
        assert_eq!(
            h.of(&line("ann", "hey @mod look")),
            Some(Highlight::Mention)
        );
        assert_eq!(h.of(&line("ann", "MOD?")), Some(Highlight::Mention));
        assert_eq!(h.of(&line("ann", "milo mod, hi")), Some(Highlight::Mention));
        assert_eq!(
            h.of(&line("ann", "moderation is hard")),
            None,
            "whole words"
        );
        assert_eq!(h.of(&line("mod", "I am mod")), None, "not my own messages");
        assert_eq!(h.of(&line("ann", "GIVEAWAY now")), Some(Highlight::Term));
        assert_eq!(h.of(&line("ann", "giveaways")), None);
        assert_eq!(
            h.of(&line("ann", "I like c++ a lot")),
            Some(Highlight::Term)
        );
        let mut first = line("ann", "hello");
        first.marks.first = true;
        assert_eq!(h.of(&first), Some(Highlight::First));
        assert_eq!(h.background(Highlight::Mention), MENTION_BG);
        let off = Highlighter::from_config(&HighlightConfig {
            mentions: Some(false),
            first_messages: Some(false),
            color: Some("#112233".into()),
            ..HighlightConfig::default()
        })
        .unwrap();
        assert_eq!(off.of(&first), None);
        assert_eq!(off.color, Color::Rgb(0x11, 0x22, 0x33));
        let e = Highlighter::from_config(&HighlightConfig {
            color: Some("red".into()),
            ..HighlightConfig::default()
        })
        .unwrap_err();
        assert!(e.contains("[tui.highlights] color"), "{e}");
    }
}
