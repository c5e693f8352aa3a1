//! The TUI under a flood: events through the app state and the renderer, and memory.
//!
//! `cargo bench -p lumio --bench tui` prints:
//! - events/s for 100,000 message events through `App::update`, with a frame drawn (into a
//!   120×40 TestBackend) every 67 events — 30 frames a second at 2,000 msg/s;
//! - frame time p50 / p99 / max over those frames;
//! - resident memory after 1,000,000 messages at the default scrollback.

use std::time::Instant;

use lumio::tui::app::{App, Input, DEFAULT_SCROLLBACK};
use lumio::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use serde_json::json;

fn event(i: u64) -> Input {
    let platforms = ["twitch", "youtube", "kick", "trovo", "discord"];
    Input::Event(
        json!({"type": "message", "cursor": format!("c{i}"), "message": {
        "id": format!("00000000-0000-7000-8000-{i:012}"), "platform": platforms[(i % 5) as usize],
        "user_id": format!("u{}", i % 5000), "username": format!("viewer{}", i % 5000),
        "display_name": format!("Viewer{}", i % 5000), "color": "#1E90FF",
        "message": format!("message number {i} with an emote Kappa and some words"),
        "created_at": "2026-11-23T12:34:56Z", "badges": ["subscriber/12"], "is_sub": true,
        "emotes": [{"id": "25", "name": "Kappa", "start": 30, "end": 34}],
        "is_first_message": i % 50 == 0}}),
    )
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // Memory first, before anything else has grown the heap.
    let before = rss_kib();
    let mut app = App::new("http://127.0.0.1:8080", "demo", DEFAULT_SCROLLBACK);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    for i in 0..1_000_000 {
        app.update(event(i));
        if i == 100_000 {
            println!(
                "tui: after 100000 messages: resident {:.1} MiB",
                rss_kib() as f64 / 1024.0
            );
        }
    }
    term.draw(|f| view::draw(f, &app)).expect("draw");
    println!(
        "tui: after 1000000 messages at scrollback {DEFAULT_SCROLLBACK}: {} lines kept, resident {:.1} MiB (process; {:.1} MiB at start)",
        app.lines.len(),
        rss_kib() as f64 / 1024.0,
        before as f64 / 1024.0
    );
    drop(app);

    // Build the events first: the bench measures the app, not JSON building.
    let events: Vec<Input> = (0..100_000).map(event).collect();
    let mut app = App::new("http://127.0.0.1:8080", "demo", DEFAULT_SCROLLBACK);
    let mut frames = Vec::new();
    let start = Instant::now();
    for (i, e) in events.into_iter().enumerate() {
        app.update(e);
        if i % 67 == 66 {
            let t = Instant::now();
            term.draw(|f| view::draw(f, &app)).expect("draw");
            frames.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    frames.sort_by(|a, b| a.total_cmp(b));
    println!(
        "tui: 100000 events in {secs:.2} s = {:.0} events/s with {} frames; frame p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        100_000.0 / secs,
        frames.len(),
        pct(&frames, 0.5),
        pct(&frames, 0.99),
        frames.last().copied().unwrap_or(0.0)
    );
}
