//! `lumio commands` and `lumio user flag` end to end against a real server, on SQLite and on
//! PostgreSQL + Redis: the whole command life cycle with exit codes, the dry run, imports
//! from every format's fixture (dry run, idempotent re-run, lossiness report, bad files that
//! write nothing), and export → import round trips in JSON and YAML.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::path::PathBuf;

use common::Cli;
use lumio_server::testing::TestServer;
use serde_json::Value;

on_both!(
    the_command_life_cycle_with_exit_codes,
    imports_from_every_format,
    bad_files_name_the_line_and_field_and_write_nothing,
    exports_round_trip_in_json_and_yaml,
    chatter_flags_from_the_cli
);

/// A fixture without its citation header (`//`, `#` lines at the top), in a temp file.
fn fixture(dir: &tempfile::TempDir, name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/commands/");
    let text = std::fs::read_to_string(format!("{path}{name}")).unwrap();
    let body: Vec<&str> = text
        .lines()
        .skip_while(|l| l.starts_with("//") || l.starts_with('#'))
        .collect();
    let out: PathBuf = dir.path().join(name);
    std::fs::write(&out, body.join("\n") + "\n").unwrap();
    out.to_str().unwrap().to_string()
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

async fn show(cli: &Cli, name: &str) -> Value {
    json(&cli.ok(&["commands", "show", name, "--json"], None).await)
}

async fn names(cli: &Cli) -> Vec<String> {
    let list = json(&cli.ok(&["commands", "list", "--json"], None).await);
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

async fn the_command_life_cycle_with_exit_codes(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("editor").await;
    let id = cli
        .ok(
            &[
                "commands",
                "create",
                "!so",
                "Go follow {touser}!",
                "--min-role",
                "moderator",
                "--user-cooldown",
                "30",
                "--platform",
                "twitch",
                "--platform",
                "kick",
            ],
            None,
        )
        .await;
    assert_eq!(id.trim().len(), 36, "piped: the id: {id}");
    let tsv = cli.ok(&["commands", "list"], None).await;
    let so: Vec<&str> = tsv
        .lines()
        .find(|l| l.starts_with("!so\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(
        &so[..7],
        [
            "!so",
            "account",
            "template",
            "moderator",
            "twitch,kick",
            "0s/30s",
            "yes"
        ],
        "{tsv}"
    );
    let c = show(&cli, "so").await;
    assert_eq!(
        (c["min_role"].as_str(), c["type"].as_str()),
        (Some("moderator"), Some("template"))
    );

    // The dry run: the reply, or why not (exit 1).
    let r = cli
        .run(
            &[
                "commands",
                "test",
                "!so @alice",
                "--as",
                "moderator",
                "--platform",
                "twitch",
            ],
            None,
        )
        .await;
    assert_eq!(
        (r.code, r.stdout.trim()),
        (0, "Go follow alice!"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("skips the command's cooldowns"),
        "{}",
        r.stderr
    );
    let r = cli.run(&["commands", "test", "!so @alice"], None).await;
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("would not run: needs moderator or higher; the invoker is everyone"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
    let r = cli
        .run(
            &[
                "commands",
                "test",
                "!so @alice",
                "--platform",
                "youtube",
                "--as",
                "broadcaster",
            ],
            None,
        )
        .await;
    assert!(r.stdout.contains("not active on youtube"), "{}", r.stdout);
    cli.ok(
        &[
            "commands",
            "edit",
            "so",
            "--response",
            "Hi {touser} ({points})",
        ],
        None,
    )
    .await;
    let r = cli
        .run(
            &[
                "commands",
                "test",
                "!so bob",
                "--as",
                "broadcaster",
                "--json",
            ],
            None,
        )
        .await;
    let t = json(&r.stdout);
    assert_eq!(
        (t["reply"].as_str(), t["unknown_variables"].clone()),
        (Some("Hi bob ({points})"), serde_json::json!(["{points}"]))
    );
    let r = cli
        .run(
            &["commands", "test", "!so bob", "--as", "broadcaster"],
            None,
        )
        .await;
    assert!(
        r.stderr.contains("unknown variable {points}"),
        "{}",
        r.stderr
    );

    // Bad input and permissions are exit codes with one line.
    let r = cli
        .run(&["commands", "create", "bad", "x", "--cooldown=-5"], None)
        .await;
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("lumio: validation failed: global_cooldown_seconds:"),
        "{}",
        r.stderr
    );
    let r = cli.run(&["commands", "create", "so", "again"], None).await;
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("conflict: name:"), "{}", r.stderr);
    let r = cli
        .run(&["commands", "test", "!so", "--as", "king"], None)
        .await;
    assert_eq!(r.code, 2, "clap refuses the role: {}", r.stderr);
    let viewer = Cli::new(s);
    viewer.login("viewer").await;
    let r = viewer.run(&["commands", "list"], None).await;
    assert_eq!(r.code, 4);
    assert!(r.stderr.contains("bot-commands:read"), "{}", r.stderr);

    // Global commands: an override cannot lower min_role.
    cli.ok(
        &[
            "commands",
            "override",
            "grenade",
            "--enable",
            "--min-role",
            "vip",
        ],
        None,
    )
    .await;
    let g = show(&cli, "grenade").await;
    assert_eq!(
        (g["enabled"].as_bool(), g["min_role"].as_str()),
        (Some(true), Some("vip"))
    );
    // (An override below the global's min_role is a 422: server/tests/commands.rs.)
    let r = cli
        .run(&["commands", "override", "so-not-there", "--enable"], None)
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    cli.ok(&["commands", "unoverride", "grenade"], None).await;
    assert_eq!(show(&cli, "grenade").await["enabled"], false);

    // Remove: asks on a terminal, needs --yes without one.
    let r = cli.run(&["commands", "rm", "so"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    cli.ok(&["commands", "rm", "so", "--yes"], None).await;
    assert_eq!(cli.run(&["commands", "show", "so"], None).await.code, 5);
    // History survives the command.
    let h = cli.ok(&["commands", "history", id.trim()], None).await;
    let actions: Vec<&str> = h.lines().map(|l| l.split('\t').nth(2).unwrap()).collect();
    assert_eq!(actions, ["create", "update", "delete"], "{h}");
    let stats = json(&cli.ok(&["commands", "stats", "--json"], None).await);
    assert!(stats.as_array().unwrap().iter().all(|s| s["uses"] == 0));
}

async fn import(cli: &Cli, file: &str, from: &str, extra: &[&str]) -> Value {
    let mut args = vec!["commands", "import", file, "--from", from, "--json"];
    args.extend_from_slice(extra);
    let r = cli.run(&args, None).await;
    assert_eq!(r.code, 0, "import {file}: {}{}", r.stdout, r.stderr);
    json(&r.stdout)
}

async fn imports_from_every_format(s: &TestServer) {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(s);
    cli.login("editor").await;

    // Nightbot: commands and timers; the dry run writes nothing.
    let nb = fixture(&dir, "nightbot_commands.json");
    let dry = import(&cli, &nb, "nightbot", &["--dry-run"]).await;
    assert_eq!(
        (
            dry["result"]["created"].as_i64(),
            dry["result"]["applied"].as_bool()
        ),
        (Some(4), Some(false))
    );
    assert!(!names(&cli).await.contains(&"hug".to_string()));
    let r = import(&cli, &nb, "nightbot", &[]).await["result"].clone();
    assert_eq!(
        (r["created"].as_i64(), r["applied"].as_bool()),
        (Some(4), Some(true)),
        "{r}"
    );
    let lost = |name: &str| -> Vec<String> {
        r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == name)
            .unwrap()["lost"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(lost("hug"), Vec::<String>::new());
    assert!(lost("so")[0].contains("regular"), "{:?}", lost("so"));
    assert!(lost("deaths")[0].contains("count 12"));
    assert!(
        lost("weather").iter().any(|l| l.contains("$(urlfetch")),
        "{:?}",
        lost("weather")
    );
    let hug = show(&cli, "hug").await;
    assert_eq!(
        (
            hug["response"].as_str(),
            hug["global_cooldown_seconds"].as_i64()
        ),
        (Some("{user} hugs {touser}!"), Some(30))
    );
    assert_eq!(show(&cli, "so").await["min_role"], "vip");
    assert_eq!(
        show(&cli, "deaths").await["response"],
        "{channel} has died {count} times"
    );
    let w = show(&cli, "weather").await;
    assert_eq!(
        (w["enabled"].as_bool(), w["needs_review"].as_bool()),
        (Some(false), Some(true))
    );
    let again = import(&cli, &nb, "nightbot", &[]).await["result"].clone();
    assert_eq!(
        (again["created"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(4)),
        "idempotent: {again}"
    );
    let timers = import(
        &cli,
        &fixture(&dir, "nightbot_timers.json"),
        "nightbot",
        &[],
    )
    .await["result"]
        .clone();
    assert_eq!(timers["created"], 1);
    let t = show(&cli, "timer_discord").await;
    assert_eq!(
        (t["response"].as_str(), t["enabled"].as_bool()),
        (
            Some("Join the Discord, {channel} fans: discord.gg/lumio"),
            Some(false)
        )
    );

    // StreamElements: access levels and cooldowns.
    let se = fixture(&dir, "streamelements.json");
    let r = import(&cli, &se, "streamelements", &[]).await["result"].clone();
    assert_eq!(r["created"], 4, "{r}");
    let gg = show(&cli, "goodgame").await;
    assert_eq!(
        (
            gg["response"].as_str(),
            gg["aliases"].clone(),
            gg["user_cooldown_seconds"].as_i64()
        ),
        (
            Some("{user} says GG to {touser}!"),
            serde_json::json!(["gg"]),
            Some(15)
        )
    );
    let rps = show(&cli, "rps").await;
    assert_eq!(
        (rps["response"].as_str(), rps["min_role"].as_str()),
        (
            Some("{user} plays {random:rock,paper,scissors}"),
            Some("vip")
        )
    );
    assert_eq!(show(&cli, "death").await["min_role"], "broadcaster");
    assert_eq!(show(&cli, "up").await["min_role"], "moderator");
    assert_eq!(
        import(&cli, &se, "streamelements", &[]).await["result"]["unchanged"],
        4
    );

    // Streamlabs Chatbot: the .abcomg group export, the .acomg spelling, and the CSVs.
    let sl = fixture(&dir, "streamlabs.abcomg");
    let r = import(&cli, &sl, "streamlabs", &[]).await["result"].clone();
    assert_eq!(r["created"], 3, "{r}");
    let horn = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "horn")
        .unwrap();
    let horn_lost = horn["lost"].to_string();
    for what in ["Min_Points", "cost 100", "sound file", "$points"] {
        assert!(horn_lost.contains(what), "{what}: {horn_lost}");
    }
    assert_eq!(
        show(&cli, "cookie").await["response"],
        "{user} gives {touser} a cookie!"
    );
    let mp = show(&cli, "modpanel").await;
    assert_eq!(
        (mp["platforms"].clone(), mp["enabled"].as_bool()),
        (
            serde_json::json!(["twitch", "youtube", "discord"]),
            Some(false)
        )
    );
    let acomg = dir.path().join("same.acomg");
    std::fs::copy(&sl, &acomg).unwrap();
    let r = import(&cli, acomg.to_str().unwrap(), "streamlabs", &[]).await["result"].clone();
    assert_eq!(r["unchanged"], 3, "the same commands: {r}");
    let csv = fixture(&dir, "streamlabs_commands.csv");
    let r = import(&cli, &csv, "streamlabs", &[]).await["result"].clone();
    assert_eq!(r["created"], 3, "{r}");
    assert_eq!(
        show(&cli, "lurk").await["response"],
        "{user} is lurking\nsee you later",
        "a quoted line break"
    );
    assert_eq!(
        show(&cli, "discord").await["response"],
        "Join us, {user}: discord.gg/lumio"
    );
    assert_eq!(show(&cli, "raffle").await["enabled"], false);
    let r = import(
        &cli,
        &fixture(&dir, "streamlabs_timers.csv"),
        "streamlabs",
        &[],
    )
    .await["result"]
        .clone();
    assert_eq!(r["created"], 1);

    // PhantomBot: phantombot.db.
    let db = dir.path().join("phantombot.db");
    build_phantombot_db(&db).await;
    // lurk came first from Streamlabs: skipped.
    let r = import(
        &cli,
        db.to_str().unwrap(),
        "phantombot",
        &["--on-conflict", "skip"],
    )
    .await;
    assert_eq!(
        (
            r["result"]["created"].as_i64(),
            r["result"]["skipped"].as_i64()
        ),
        (Some(2), Some(1)),
        "{r}"
    );
    let slap = show(&cli, "slap").await;
    assert_eq!(
        slap["response"],
        "{user} slaps {touser} around a bit with a large trout"
    );
    assert_eq!(
        (
            slap["global_cooldown_seconds"].as_i64(),
            slap["user_cooldown_seconds"].as_i64()
        ),
        (Some(10), Some(60))
    );
    assert_eq!(slap["aliases"], serde_json::json!(["trout"]));
    let joke = show(&cli, "joke").await;
    assert_eq!(
        (
            joke["enabled"].as_bool(),
            joke["min_role"].as_str(),
            joke["cooldown_applies_to_mods"].as_bool()
        ),
        (Some(false), Some("moderator"), Some(true))
    );
    assert_eq!(
        show(&cli, "lurk").await["source"],
        "streamlabs",
        "lurk came first from Streamlabs"
    );
    assert!(r["file_notes"].to_string().contains("points add"), "{r}");
    let r2 = import(
        &cli,
        db.to_str().unwrap(),
        "phantombot",
        &["--on-conflict", "skip"],
    )
    .await;
    assert_eq!(r2["result"]["created"], 0, "{r2}");

    // Firebot: chat-only effects make text commands, the rest automations for review.
    let fb = fixture(&dir, "lumio_test.firebotsetup");
    let r = import(&cli, &fb, "firebot", &["--on-conflict", "skip"]).await;
    let res = &r["result"];
    assert_eq!(res["created"], 2, "{r}");
    assert_eq!(res["skipped"], 1, "so came from Nightbot: skipped: {r}");
    let hello = show(&cli, "hello").await;
    assert_eq!(
        (hello["response"].as_str(), hello["type"].as_str()),
        (Some("Hello {user}!"), Some("template"))
    );
    let horn = show(&cli, "airhorn").await;
    assert_eq!(
        (horn["type"].as_str(), horn["needs_review"].as_bool()),
        (Some("automation"), Some(true))
    );
    assert!(horn["automation"].as_str().unwrap().starts_with("firebot:"));
    assert!(r["file_notes"].to_string().contains("1 events"), "{r}");
    // The table of a dry run on a terminal-less pipe: rows and a summary on stderr.
    let out = cli
        .run(
            &[
                "commands",
                "import",
                &fb,
                "--from",
                "firebot",
                "--dry-run",
                "--on-conflict",
                "skip",
            ],
            None,
        )
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("3\tairhorn\tunchanged")),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("dry run, nothing written"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("lossiness"), "{}", out.stderr);
}

async fn build_phantombot_db(path: &std::path::Path) {
    use sqlx::ConnectOptions;
    use std::str::FromStr;
    let sql = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/commands/phantombot.sql"
    ))
    .unwrap();
    let mut conn =
        sqlx::sqlite::SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))
            .unwrap()
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
    sqlx::raw_sql(&sql).execute(&mut conn).await.unwrap();
}

async fn bad_files_name_the_line_and_field_and_write_nothing(s: &TestServer) {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(s);
    cli.login("editor").await;
    let before = names(&cli).await;
    let bad = fixture(&dir, "nightbot_bad.json");
    let r = cli
        .run(&["commands", "import", &bad, "--from", "nightbot"], None)
        .await;
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("commands[1]: userLevel: unknown userlevel 'superfan'"),
        "{}",
        r.stderr
    );
    let csv = fixture(&dir, "streamlabs_bad.csv");
    let r = cli
        .run(&["commands", "import", &csv, "--from", "streamlabs"], None)
        .await;
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("line 3: Cooldown: 'soon' is not a number"),
        "{}",
        r.stderr
    );
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"commands\": [\n    {\"_id\": 1,,}\n").unwrap();
    let r = cli
        .run(
            &[
                "commands",
                "import",
                broken.to_str().unwrap(),
                "--from",
                "nightbot",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("broken.json:3:"), "{}", r.stderr);
    let r = cli
        .run(&["commands", "import", &bad, "--from", "phantombot"], None)
        .await;
    assert_eq!(r.code, 1, "not a database: {}", r.stderr);
    let r = cli
        .run(
            &["commands", "import", "/nope.json", "--from", "nightbot"],
            None,
        )
        .await;
    assert_eq!(r.code, 5);
    let r = cli
        .run(&["commands", "import", &bad, "--from", "deepbot"], None)
        .await;
    assert_eq!(r.code, 2);
    // A file that reads but whose rows the server refuses: every row reported, exit 1.
    let rows = dir.path().join("rows.json");
    std::fs::write(&rows, r#"[{"_id":"x1","command":"fine","reply":"ok","accessLevel":100},{"_id":"x2","command":"two words","reply":"no","accessLevel":100}]"#).unwrap();
    let r = cli
        .run(
            &[
                "commands",
                "import",
                rows.to_str().unwrap(),
                "--from",
                "streamelements",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("two words") && r.stdout.contains("name:"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .contains("1 of 2 rows failed: nothing was imported"),
        "{}",
        r.stderr
    );
    assert_eq!(names(&cli).await, before, "nothing was written");
}

async fn exports_round_trip_in_json_and_yaml(s: &TestServer) {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(s);
    cli.login("editor").await;
    cli.ok(
        &[
            "commands",
            "create",
            "dice",
            "{user} rolls {random:1,2,3}",
            "--cooldown",
            "10",
            "--alias",
            "roll",
        ],
        None,
    )
    .await;
    cli.ok(
        &[
            "commands",
            "create",
            "raid",
            "--type",
            "automation",
            "--automation",
            "raid-alert",
            "--platform",
            "twitch",
            "--discord-style",
            "slash",
        ],
        None,
    )
    .await;
    cli.ok(
        &[
            "commands",
            "create",
            "quiet",
            "shh",
            "--cooldown-reply",
            "wait {remaining}s",
            "--mods-wait",
            "--disable",
        ],
        None,
    )
    .await;
    cli.ok(
        &[
            "commands",
            "override",
            "tnt",
            "--enable",
            "--user-cooldown",
            "900",
        ],
        None,
    )
    .await;
    let export = cli.ok(&["commands", "export"], None).await;
    let yaml = cli
        .ok(&["commands", "export", "--format", "yaml"], None)
        .await;
    let jf = dir.path().join("commands.json");
    let yf = dir.path().join("commands.yaml");
    std::fs::write(&jf, &export).unwrap();
    std::fs::write(&yf, &yaml).unwrap();
    let v = json(&export);
    assert_eq!(
        (v["kind"].as_str(), v["version"].as_i64()),
        (Some("lumio.bot-commands"), Some(1))
    );
    // Wipe and re-import: the export is the same file again.
    for n in ["dice", "raid", "quiet"] {
        cli.ok(&["commands", "rm", n, "--yes"], None).await;
    }
    cli.ok(&["commands", "unoverride", "tnt"], None).await;
    let r = import(&cli, jf.to_str().unwrap(), "lumio", &[]).await;
    assert_eq!(
        r["result"]["created"], 4,
        "three commands and an override: {r}"
    );
    assert_eq!(
        cli.ok(&["commands", "export"], None).await,
        export,
        "JSON round trip"
    );
    let r = import(&cli, jf.to_str().unwrap(), "lumio", &[]).await;
    assert_eq!(
        (
            r["result"]["created"].as_i64(),
            r["result"]["updated"].as_i64()
        ),
        (Some(0), Some(0)),
        "{r}"
    );
    // YAML: the same after wiping again.
    for n in ["dice", "raid", "quiet"] {
        cli.ok(&["commands", "rm", n, "--yes"], None).await;
    }
    cli.ok(&["commands", "unoverride", "tnt"], None).await;
    import(&cli, yf.to_str().unwrap(), "lumio", &[]).await;
    assert_eq!(
        cli.ok(&["commands", "export", "--format", "yaml"], None)
            .await,
        yaml,
        "YAML round trip"
    );
    assert_eq!(cli.ok(&["commands", "export"], None).await, export);
    // A file of another kind or version is refused.
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"kind": "lumio.bot-commands", "version": 9, "commands": []}"#,
    )
    .unwrap();
    let r = cli
        .run(
            &[
                "commands",
                "import",
                other.to_str().unwrap(),
                "--from",
                "lumio",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("version"), "{}", r.stderr);
}

async fn chatter_flags_from_the_cli(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    assert_eq!(
        cli.ok(&["user", "flag", "twitch", "1234", "vulnerable"], None)
            .await
            .trim(),
        "vulnerable"
    );
    assert_eq!(
        cli.ok(&["user", "flag", "twitch", "1234", "itemlock"], None)
            .await
            .trim(),
        "vulnerable,itemlock"
    );
    let f = json(
        &cli.ok(&["user", "flag", "twitch", "1234", "--json"], None)
            .await,
    );
    assert_eq!(f["flags"], serde_json::json!(["vulnerable", "itemlock"]));
    assert_eq!(
        cli.ok(
            &["user", "flag", "twitch", "1234", "vulnerable", "--off"],
            None
        )
        .await
        .trim(),
        "itemlock"
    );
    let r = cli
        .run(&["user", "flag", "twitch", "1234", "admin"], None)
        .await;
    assert_eq!(r.code, 2, "not a settable flag: {}", r.stderr);
    let viewer = Cli::new(s);
    viewer.login("viewer").await;
    assert_eq!(
        viewer
            .run(&["user", "flag", "twitch", "1234", "greedy"], None)
            .await
            .code,
        4
    );
}
