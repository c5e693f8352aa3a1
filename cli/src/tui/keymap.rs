//! Keys and colours as data: defaults, overridden from `[tui.keys]` and `[tui.colors]` in the
//! CLI's config file. Arrows, Enter, Esc, End and the platform toggles 1–5 are fixed.

use std::collections::BTreeMap;

use ratatui::style::Color;

use super::app::PLATFORMS;

/// What a key does on the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Ban,
    Timeout,
    Delete,
    Card,
    Note,
    Filter,
    Command,
    Send,
    Help,
    Quit,
}

const DEFAULTS: [(&str, Action, char); 12] = [
    ("up", Action::Up, 'k'),
    ("down", Action::Down, 'j'),
    ("ban", Action::Ban, 'b'),
    ("timeout", Action::Timeout, 't'),
    ("delete", Action::Delete, 'd'),
    ("card", Action::Card, 'u'),
    ("note", Action::Note, 'n'),
    ("filter", Action::Filter, '/'),
    ("command", Action::Command, ':'),
    ("send", Action::Send, 'i'),
    ("help", Action::Help, '?'),
    ("quit", Action::Quit, 'q'),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    keys: Vec<(char, Action)>,
    /// Platform colours, in the order of [`PLATFORMS`].
    pub colors: [Color; 5],
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: DEFAULTS.iter().map(|(_, a, c)| (*c, *a)).collect(),
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

/// `#RRGGBB` as a colour.
pub fn parse_color(s: &str) -> Option<Color> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let n = u32::from_str_radix(h, 16).ok()?;
    Some(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8))
}

impl Keymap {
    /// The defaults with the config's overrides; a bad entry is an error that names it.
    pub fn from_config(
        keys: &BTreeMap<String, String>,
        colors: &BTreeMap<String, String>,
    ) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (action, key) in keys {
            let Some((_, a, _)) = DEFAULTS.iter().find(|(n, _, _)| n == action) else {
                return Err(format!(
                    "[tui.keys]: unknown action '{action}' (up, down, ban, timeout, delete, card, note, filter, command, send, help, quit)"
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
                    "[tui.keys] {action}: '{c}' is already the key of {other:?}"
                ));
            }
            map.keys.push((c, *a));
        }
        for (name, hex) in colors {
            let Some(i) = PLATFORMS.iter().position(|p| p == name) else {
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
