//! What the session remembers besides the scrollback, bounded: the chatters it has seen
//! (for Tab and `:` names) and the message rate of the last seconds.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Utc};

use super::state::{pidx, Chatter, CHATTERS_KEPT, COMPLETIONS};
use crate::platform::Platform;

/// The chatters seen in this session, per platform: user id → (name, when last seen).
#[derive(Debug, Clone, Default)]
pub struct Chatters {
    by_platform: [HashMap<String, (String, u64)>; 5],
    len: usize,
}

impl Chatters {
    pub fn saw(&mut self, p: Platform, user_id: &str, name: &str, seq: u64) {
        let map = &mut self.by_platform[pidx(p)];
        match map.get_mut(user_id) {
            Some(e) => {
                if e.0 != name {
                    e.0 = name.to_string();
                }
                e.1 = seq;
            }
            None => {
                map.insert(user_id.to_string(), (name.to_string(), seq));
                self.len += 1;
                if self.len > CHATTERS_KEPT {
                    self.forget_oldest();
                }
            }
        }
    }

    /// Forget the least recently seen quarter.
    fn forget_oldest(&mut self) {
        let mut seen: Vec<u64> = self
            .by_platform
            .iter()
            .flat_map(|m| m.values().map(|(_, s)| *s))
            .collect();
        seen.sort_unstable();
        let cut = seen[seen.len() / 4];
        for m in &mut self.by_platform {
            m.retain(|_, (_, s)| *s > cut);
        }
        self.len = self.by_platform.iter().map(|m| m.len()).sum();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn name_of(&self, p: Platform, user_id: &str) -> Option<&str> {
        self.by_platform[pidx(p)]
            .get(user_id)
            .map(|(n, _)| n.as_str())
    }

    /// The chatters of a name (any case, `@` ignored), on `platform` or all, most recently
    /// seen first.
    pub fn named(&self, name: &str, platform: Option<Platform>) -> Vec<Chatter> {
        let name = name.trim_start_matches('@');
        let mut found: Vec<(u64, Chatter)> = Vec::new();
        for p in Platform::ALL {
            if platform.is_some_and(|x| x != p) {
                continue;
            }
            for (id, (n, seq)) in &self.by_platform[pidx(p)] {
                if n.eq_ignore_ascii_case(name) || id == name {
                    found.push((
                        *seq,
                        Chatter {
                            platform: p,
                            user_id: id.clone(),
                            name: n.clone(),
                        },
                    ));
                }
            }
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().map(|(_, c)| c).collect()
    }

    /// Names starting with `prefix` (any case), most recently seen first, each once.
    pub fn complete(&self, prefix: &str) -> Vec<String> {
        let p = prefix.to_lowercase();
        let mut found: Vec<(u64, &str)> = self
            .by_platform
            .iter()
            .flat_map(|m| m.values())
            .filter(|(n, _)| n.to_lowercase().starts_with(&p))
            .map(|(n, s)| (*s, n.as_str()))
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        let mut seen = std::collections::HashSet::new();
        found
            .into_iter()
            .filter(|(_, n)| seen.insert(*n))
            .take(COMPLETIONS)
            .map(|(_, n)| n.to_string())
            .collect()
    }
}

/// Messages per second over the last five seconds (from the arrival times the loop stamps).
#[derive(Debug, Clone, Default)]
pub struct Rate {
    /// (second, count), oldest first.
    buckets: VecDeque<(i64, u32)>,
}

impl Rate {
    pub fn add(&mut self, at: DateTime<Utc>) {
        let s = at.timestamp();
        match self.buckets.back_mut() {
            Some((b, n)) if *b == s => *n += 1,
            _ => self.buckets.push_back((s, 1)),
        }
        while self.buckets.len() > 8 {
            self.buckets.pop_front();
        }
    }

    pub fn per_second(&self, now: DateTime<Utc>) -> f64 {
        let s = now.timestamp();
        let n: u32 = self
            .buckets
            .iter()
            .filter(|(b, _)| (s - 5..s).contains(b))
            .map(|(_, n)| n)
            .sum();
        f64::from(n) / 5.0
    }
}
