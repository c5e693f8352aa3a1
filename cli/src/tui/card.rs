//! The user card's part of the update: opening it, loading it once at a time (once more
//! when an event came meanwhile), and merging what the server sent with what came live.

use super::state::{App, Card, CardData, Chatter, Effect, Line, CARD_MESSAGES};

impl App {
    /// Open the card of a chatter (or reload it when it is open).
    pub(super) fn open_card(&mut self, who: Chatter) -> Vec<Effect> {
        if self.card.as_ref().is_some_and(|c| c.target == who) {
            return self.reload_card();
        }
        let mut card = Card::new(who.clone());
        // What the session already has, until the history answers.
        card.messages = self
            .lines
            .iter()
            .rev()
            .filter(|l| l.system.is_none() && l.is_about(&who))
            .take(CARD_MESSAGES)
            .cloned()
            .collect();
        self.card = Some(card);
        vec![Effect::LoadCard { target: who }]
    }

    /// Load the open card again (once more after the current load when one is under way).
    pub(super) fn reload_card(&mut self) -> Vec<Effect> {
        let Some(c) = &mut self.card else {
            return vec![];
        };
        if c.loading {
            c.stale = true;
            return vec![];
        }
        c.loading = true;
        vec![Effect::LoadCard {
            target: c.target.clone(),
        }]
    }

    pub(super) fn card_loaded(&mut self, who: Chatter, data: CardData) -> Vec<Effect> {
        let offset = self.offset;
        let now = self.now;
        let Some(c) = self.card.as_mut().filter(|c| c.target == who) else {
            return vec![];
        };
        c.loading = false;
        c.loaded = true;
        c.errors = data.errors;
        c.loaded_at = Some(now);
        if let Some(p) = &data.profile {
            if let Some(name) = p
                .display_name
                .clone()
                .or(p.username.clone())
                .filter(|n| !n.trim().is_empty())
            {
                c.target.name = name;
            }
        }
        if data.profile.is_some() {
            c.profile = data.profile;
        }
        c.notes = data.notes;
        c.log = data.log;
        let selected_id = c.messages.get(c.cursor).map(|l| l.id.clone());
        let mut lines: Vec<Line> = data
            .messages
            .iter()
            .filter_map(|m| Line::message(m, offset))
            .collect();
        // Live messages newer than the page stay on top.
        let newest = lines.first().map(|l| l.id.clone());
        let mut live: Vec<Line> = c
            .messages
            .iter()
            .take_while(|l| Some(&l.id) != newest.as_ref())
            .filter(|l| !lines.iter().any(|x| x.id == l.id))
            .cloned()
            .collect();
        if !lines.is_empty() || c.messages.is_empty() {
            live.append(&mut lines);
            c.messages = live;
        }
        c.messages.truncate(CARD_MESSAGES);
        c.cursor = selected_id
            .and_then(|id| c.messages.iter().position(|l| l.id == id))
            .unwrap_or(0);
        if c.stale {
            c.stale = false;
            return self.reload_card();
        }
        vec![]
    }
}
