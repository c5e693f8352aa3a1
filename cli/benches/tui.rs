//! The TUI under a flood. A benchmark: it prints figures, it asserts none.
//!
//! `cargo bench -p lumio --bench tui` (in process):
//! - events/s of 100,000 message events through `App::update` with a frame drawn every 67
//!   events (30 frames a second at 2,000 msg/s) into a 200×60 TestBackend, long messages
//!   wrapping; frame time p50 / p99 / max — live, paused, and with a regex filter;
//! - resident memory after 100,000 and 1,000,000 messages at the default scrollback.
//!
//! `cargo bench -p lumio --bench tui -- --process SECS [RATE]`: `lumio chat` as its own
//! process in a 200×60 pseudo-terminal (util-linux `script`) against `lumio demo --no-tui
//! --rate RATE` (default 2000): CPU and RSS of both processes every 10 s.
//!
//! `cargo bench -p lumio --bench tui -- --demo SECS [RATE]`: `lumio demo --rate RATE` (TUI
//! and embedded server in one process) in a 200×60 pseudo-terminal: CPU and RSS every 10 s.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use lumio::api::chat::{ChatMessage, EmotePosition};
use lumio::api::live::LiveEvent;
use lumio::tui::{view, App, Input, DEFAULT_SCROLLBACK};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const WORDS: [&str; 12] = [
    "hello", "chat", "that", "was", "insane", "clip", "it", "gg", "no", "way", "PogChamp", "lol",
];

fn message(i: u64) -> ChatMessage {
    let platforms = ["twitch", "youtube", "kick", "trovo", "discord"];
    // One message in ten is long enough to wrap at 200 columns.
    let n = if i % 10 == 0 {
        40
    } else {
        3 + (i % 9) as usize
    };
    let mut text: Vec<&str> = (0..n)
        .map(|k| WORDS[(i as usize + k * 7) % WORDS.len()])
        .collect();
    text.push("Kappa");
    let text = text.join(" ");
    let start = text.len() as i32 - 5;
    ChatMessage {
        id: format!("00000000-0000-7000-8000-{i:012}"),
        account_id: "a".into(),
        platform: platforms[(i % 5) as usize].into(),
        channel_name: "lumio_demo".into(),
        user_id: format!("{}", 1000 + i % 5000),
        username: format!("viewer{}", i % 5000),
        display_name: Some(format!("Viewer{}", i % 5000)),
        message: text,
        emotes: vec![EmotePosition {
            id: "25".into(),
            name: "Kappa".into(),
            start,
            end: start + 4,
            provider: Some("twitch".into()),
        }],
        badges: vec!["subscriber/12".into()],
        color: Some("#1E90FF".into()),
        is_mod: false,
        is_sub: true,
        is_vip: false,
        sub_tier: None,
        platform_message_id: None,
        reply_to_message_id: None,
        reply_to_user_id: None,
        reply_to_username: None,
        reply_to_message: None,
        created_at: "2026-11-23T12:34:56Z".into(),
        deleted_at: None,
        deleted_by: None,
        is_first_message: i % 50 == 0,
        is_first_in_stream: false,
        treatment: None,
    }
}

fn event(i: u64) -> Input {
    Input::Live {
        event: Box::new(LiveEvent::Message {
            cursor: format!("c{i}"),
            message: Box::new(message(i)),
        }),
        cursor: None,
        at: Utc::now(),
    }
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0)
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn frames(label: &str, app: &mut App, events: Vec<Input>) {
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    app.update(Input::Resize(200, 60));
    let n = events.len();
    let mut times = Vec::new();
    let start = Instant::now();
    for (i, e) in events.into_iter().enumerate() {
        app.update(e);
        if i % 67 == 66 {
            let t = Instant::now();
            term.draw(|f| view::draw(f, app)).expect("draw");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "tui {label}: {n} events in {secs:.2} s = {:.0} events/s with {} frames at 200x60; frame p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        n as f64 / secs,
        times.len(),
        pct(&times, 0.5),
        pct(&times, 0.99),
        times.last().copied().unwrap_or(0.0)
    );
}

fn in_process() {
    let me = std::process::id();
    let before = rss_kib(me);
    let mut app = App::new("http://127.0.0.1:8080", "demo", DEFAULT_SCROLLBACK);
    for i in 0..1_000_000 {
        app.update(event(i));
        if i == 100_000 {
            println!(
                "tui: after 100000 messages: resident {:.1} MiB",
                rss_kib(me) as f64 / 1024.0
            );
        }
    }
    println!(
        "tui: after 1000000 messages at scrollback {DEFAULT_SCROLLBACK}: {} lines kept, {} chatters remembered, resident {:.1} MiB (process; {:.1} MiB at start)",
        app.lines.len(),
        app.chatters.len(),
        rss_kib(me) as f64 / 1024.0,
        before as f64 / 1024.0
    );
    drop(app);

    // The events are built first: the bench measures the app, not building them.
    let mut app = App::new("http://127.0.0.1:8080", "demo", DEFAULT_SCROLLBACK);
    frames("live", &mut app, (0..100_000).map(event).collect());
    // Paused: a message selected while the flood goes on.
    app.update(Input::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('k'),
        crossterm::event::KeyModifiers::NONE,
    )));
    frames("paused", &mut app, (100_000..200_000).map(event).collect());
    let mut app = App::new("http://127.0.0.1:8080", "demo", DEFAULT_SCROLLBACK);
    for c in "/regex:(clip|insane) !platform:kick\r".chars() {
        let code = if c == '\r' {
            crossterm::event::KeyCode::Enter
        } else {
            crossterm::event::KeyCode::Char(c)
        };
        app.update(Input::Key(crossterm::event::KeyEvent::new(
            code,
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    frames(
        "filtered (regex)",
        &mut app,
        (0..100_000).map(event).collect(),
    );
}

fn lumio_bin() -> &'static str {
    env!("CARGO_BIN_EXE_lumio")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(18_080)
}

/// `cmd` in a 200×60 pseudo-terminal; its output is drained into a VT100 screen.
fn in_pty(cmd: &str, env: &[(&str, &str)]) -> (Child, Arc<Mutex<vt100::Parser>>) {
    let full = format!("stty rows 60 cols 200; exec {cmd}");
    let mut child = Command::new("script")
        .args(["-qfec", &full, "/dev/null"])
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(60, 200, 0)));
    let mut out = child.stdout.take().expect("stdout");
    let s = screen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = s.lock() {
                p.process(&buf[..n]);
            }
        }
    });
    (child, screen)
}

/// The pid of the `lumio` process below `parent` (script → lumio, after the shell's exec).
fn lumio_below(parent: u32) -> Option<u32> {
    for _ in 0..100 {
        if let Ok(dir) = std::fs::read_dir("/proc") {
            for e in dir.flatten() {
                let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
                    continue;
                };
                let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                    continue;
                };
                let Some((name, rest)) = stat.split_once(") ") else {
                    continue;
                };
                let ppid = rest
                    .split_whitespace()
                    .nth(1)
                    .and_then(|p| p.parse::<u32>().ok());
                if ppid == Some(parent) && name.ends_with("(lumio") {
                    return Some(pid);
                }
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

fn ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The msg/s the screen's status bar shows.
fn screen_rate(screen: &Arc<Mutex<vt100::Parser>>) -> String {
    let s = screen
        .lock()
        .map(|p| p.screen().contents())
        .unwrap_or_default();
    s.split(" msg/s")
        .next()
        .and_then(|b| b.rsplit(' ').next())
        .unwrap_or("?")
        .to_string()
}

/// Sample processes every 10 s for `secs`: CPU % of one core over the interval, RSS.
fn sample(secs: u64, procs: &[(&str, u32)], screen: &Arc<Mutex<vt100::Parser>>) {
    let hz = ticks_per_second();
    let mut last: Vec<u64> = procs.iter().map(|(_, p)| cpu_ticks(*p)).collect();
    let mut at = Instant::now();
    let start = Instant::now();
    println!("load average at start: {}", load());
    while start.elapsed().as_secs() < secs {
        std::thread::sleep(Duration::from_secs(10));
        let dt = at.elapsed().as_secs_f64();
        at = Instant::now();
        let mut row = format!("t={:>4}s", start.elapsed().as_secs());
        for (i, (name, pid)) in procs.iter().enumerate() {
            let now = cpu_ticks(*pid);
            let cpu = (now.saturating_sub(last[i])) as f64 / hz / dt * 100.0;
            last[i] = now;
            row.push_str(&format!(
                "  {name}: cpu {cpu:5.1}% rss {:6.1} MiB",
                rss_kib(*pid) as f64 / 1024.0
            ));
        }
        row.push_str(&format!(
            "  screen {} msg/s  load {}",
            screen_rate(screen),
            load()
        ));
        println!("{row}");
    }
}

/// Stop the demo server the way Ctrl-C does, so that it removes its temporary directory
/// (its SQLite database grows by hundreds of MiB in ten minutes at 2,000 msg/s).
fn interrupt(server: &mut Child) {
    let _ = Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status();
    for _ in 0..100 {
        if let Ok(Some(_)) = server.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = server.kill();
    let _ = server.wait();
}

fn process(secs: u64, rate: &str) {
    let config = tempfile::tempdir().expect("tempdir");
    let cfg = config.path().display().to_string();
    let port = free_port();
    let mut server = Command::new(lumio_bin())
        .args([
            "demo",
            "--no-tui",
            "--rate",
            rate,
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .env("LUMIO_CONFIG_DIR", &cfg)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lumio demo --no-tui");
    // The token from its stderr (which is drained to the end, so it never blocks).
    let stderr = server.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(t) = line.split("LUMIO_TOKEN=").nth(1) {
                let _ = tx.send(t.split_whitespace().next().map(String::from));
            }
        }
    });
    let Ok(Some(token)) = rx.recv_timeout(Duration::from_secs(60)) else {
        eprintln!("the demo server did not print a token");
        interrupt(&mut server);
        return;
    };
    let url = format!("http://127.0.0.1:{port}");
    let (mut chat, screen) = in_pty(
        &format!("{} chat", lumio_bin()),
        &[
            ("LUMIO_SERVER", &url),
            ("LUMIO_TOKEN", &token),
            ("LUMIO_CONFIG_DIR", &cfg),
        ],
    );
    let Some(chat_pid) = lumio_below(chat.id()) else {
        eprintln!("lumio chat did not start");
        let _ = chat.kill();
        let _ = chat.wait();
        interrupt(&mut server);
        return;
    };
    println!(
        "lumio chat (pid {chat_pid}, 200x60, default scrollback) against lumio demo --no-tui --rate {rate} (pid {}) for {secs} s",
        server.id()
    );
    sample(
        secs,
        &[("chat", chat_pid), ("server", server.id())],
        &screen,
    );
    if let Some(stdin) = chat.stdin.as_mut() {
        let _ = stdin.write_all(b"q");
        let _ = stdin.flush();
    }
    std::thread::sleep(Duration::from_secs(1));
    let _ = chat.kill();
    let _ = chat.wait();
    interrupt(&mut server);
}

fn demo(secs: u64, rate: &str) {
    let config = tempfile::tempdir().expect("tempdir");
    let cfg = config.path().display().to_string();
    let port = free_port();
    let (mut child, screen) = in_pty(
        &format!("{} demo --rate {rate} --bind 127.0.0.1:{port}", lumio_bin()),
        &[("LUMIO_CONFIG_DIR", &cfg)],
    );
    let Some(pid) = lumio_below(child.id()) else {
        eprintln!("lumio demo did not start");
        let _ = child.kill();
        let _ = child.wait();
        return;
    };
    println!("lumio demo --rate {rate} (pid {pid}, 200x60: TUI and embedded server in one process) for {secs} s");
    sample(secs, &[("demo", pid)], &screen);
    if let Some(stdin) = child.stdin.as_mut() {
        let _ = stdin.write_all(b"q");
        let _ = stdin.flush();
    }
    std::thread::sleep(Duration::from_secs(2));
    let _ = child.kill();
    let _ = child.wait();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let after = |flag: &str| {
        args.iter().position(|a| a == flag).map(|i| {
            (
                args.get(i + 1)
                    .and_then(|s| s.parse::<u64>().ok())
                    .unwrap_or(600),
                args.get(i + 2)
                    .filter(|s| s.parse::<f64>().is_ok())
                    .cloned()
                    .unwrap_or_else(|| "2000".into()),
            )
        })
    };
    if let Some((secs, rate)) = after("--process") {
        return process(secs, &rate);
    }
    if let Some((secs, rate)) = after("--demo") {
        return demo(secs, &rate);
    }
    in_process();
}
