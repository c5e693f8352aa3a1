//! Keys and colours as data: defaults, overridden from `[tui.keys]` and `[tui.colors]` in the
//! CLI's config file. Arrows, Enter, Esc, End, Home, PgUp/PgDn, the mouse and the platform
//! toggles 1–5 are fixed; the help lists both from here.

use std::collections::BTreeMap;

use ratatui::style::Color;

use super::state::parse_color;
use crate::platform::Platform;

/// What a key does on the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Live,
    Ban,
    Unban,
    Timeout,
    Delete,
    Card,
    Note,
    Treatment,
    Filter,
    Command,
    Send,
    Log,
    Help,
    Quit,
}

/// Every action: its name in `[tui.keys]`, its default key and what it does.
pub const ACTIONS: [(&str, Action, char, &str); 16] = [
    (
        "up",
        Action::Up,
        'k',
        "select the message above (pauses the chat)",
    ),
    ("down", Action::Down, 'j', "select the message below"),
    ("live", Action::Live, 'G', "back to live"),
    ("ban", Action::Ban, 'b', "ban the chatter (asks y/n)"),
    ("unban", Action::Unban, 'U', "unban the chatter (asks y/n)"),
    (
        "timeout",
        Action::Timeout,
        't',
        "time out: 1 2 3 4 = 1m 10m 1h 1d, or type 30m [reason]",
    ),
    (
        "delete",
        Action::Delete,
        'd',
        "delete the message (asks y/n)",
    ),
    (
        "card",
        Action::Card,
        'u',
        "user card: profile, recent messages, notes, log",
    ),
    ("note", Action::Note, 'n', "write a note on the chatter"),
    (
        "treatment",
        Action::Treatment,
        'r',
        "set the chatter's treatment",
    ),
    (
        "filter",
        Action::Filter,
        '/',
        "filter the chat (the query language: see below)",
    ),
    (
        "command",
        Action::Command,
        ':',
        "command line: ban unban timeout note treat card filter",
    ),
    (
        "send",
        Action::Send,
        'i',
        "send a message as the bot (Ctrl-T picks the platform)",
    ),
    ("log", Action::Log, 'L', "show or hide the moderation log"),
    ("help", Action::Help, '?', "this help"),
    ("quit", Action::Quit, 'q', "quit (also Ctrl-C)"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    keys: Vec<(char, Action)>,
    /// Platform colours, in the order of [`Platform::ALL`].
    pub colors: [Color; 5],
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: ACTIONS.iter().map(|(_, a, c, _)| (*c, *a)).collect(),
            colors: [
                Color::Rgb(145, 70, 255),
                Color::Rgb(255, 0, 0),
                Color::Rgb(83, 252, 24),
                Color::Rgb(25, 214, 107),
                Color::Rgb(88, 101, 242),
            ],
        }
    }
}

/// An action's name in `[tui.keys]`.
pub fn name(a: Action) -> &'static str {
    ACTIONS
        .iter()
        .find(|(_, x, _, _)| *x == a)
        .map_or("?", |(n, _, _, _)| n)
}

impl Keymap {
    /// The defaults with the config's overrides; a bad entry is an error that names it.
    pub fn from_config(
        keys: &BTreeMap<String, String>,
        colors: &BTreeMap<String, String>,
    ) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (action, key) in keys {
            let Some((_, a, _, _)) = ACTIONS.iter().find(|(n, _, _, _)| n == action) else {
                let all: Vec<&str> = ACTIONS.iter().map(|(n, _, _, _)| *n).collect();
                return Err(format!(
                    "[tui.keys]: unknown action '{action}' ({})",
                    all.join(", ")
                ));
            };
            let mut chars = key.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(format!(
                    "[tui.keys] {action}: '{key}' must be one character"
                ));
            };
            if c.is_ascii_digit() && ('1'..='5').contains(&c) {
                return Err(format!("[tui.keys] {action}: 1–5 toggle the platforms"));
            }
            map.keys.retain(|(_, x)| x != a);
            if let Some((_, other)) = map.keys.iter().find(|(k, _)| *k == c) {
                return Err(format!(
                    "[tui.keys] {action}: '{c}' is already the key of {}",
                    name(*other)
                ));
            }
            map.keys.push((c, *a));
        }
        for (name, hex) in colors {
            let Some(i) = Platform::ALL.iter().position(|p| p.as_str() == name) else {
                return Err(format!("[tui.colors]: unknown platform '{name}'"));
            };
            map.colors[i] = parse_color(hex)
                .ok_or_else(|| format!("[tui.colors] {name}: '{hex}' is not #RRGGBB"))?;
        }
        Ok(map)
    }

    pub fn action(&self, c: char) -> Option<Action> {
        self.keys.iter().find(|(k, _)| *k == c).map(|(_, a)| *a)
    }

    pub fn key(&self, a: Action) -> char {
        self.keys
            .iter()
            .find(|(_, x)| *x == a)
            .map(|(k, _)| *k)
            .unwrap_or('?')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_errors() {
        let keys = BTreeMap::from([("ban".to_string(), "B".to_string())]);
        let colors = BTreeMap::from([("kick".to_string(), "#000000".to_string())]);
        let m = Keymap::from_config(&keys, &colors).unwrap();
        assert_eq!(m.action('B'), Some(Action::Ban));
        assert_eq!(m.action('b'), None);
        assert_eq!(m.colors[2], Color::Rgb(0, 0, 0));
        let bad = |k: &str, v: &str| {
            Keymap::from_config(
                &BTreeMap::from([(k.to_string(), v.to_string())]),
                &BTreeMap::new(),
            )
            .unwrap_err()
        };
        assert!(bad("nuke", "x").contains("unknown action"));
        assert!(bad("ban", "bb").contains("one character"));
        assert!(bad("ban", "j").contains("already"));
        assert!(bad("ban", "3").contains("platforms"));
        let e = Keymap::from_config(
            &BTreeMap::new(),
            &BTreeMap::from([("kick".into(), "green".into())]),
        );
        assert!(e.unwrap_err().contains("#RRGGBB"));
    }
}
