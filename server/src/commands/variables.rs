//! Template variables: the [`VariableResolver`] trait, the [`VariableRegistry`] that holds
//! them, and the built-ins. Pure: what a resolver needs from the bus (the stream's uptime,
//! the song playing, the use count) is fetched before rendering and handed over in the
//! [`RenderCtx`]; a resolver names the [`Fact`] it needs so that only those are fetched.
//!
//! The seed's seven: `{user}` (display name of the invoker), `{channel}`, `{platform}`,
//! `{uptime}` (from the stream state on the bus), `{song}` (gated by the feature
//! `widget:spotify_now_playing`), `{count}` (the command's use count), `{random:a,b,c}`.
//! Added for the importers: `{touser}` (the first argument without `@`, else the invoker),
//! `{args}` (every argument) and `{1}` … `{9}` (one argument).
//!
//! Adding a variable: implement [`VariableResolver`] and register it in
//! [`VariableRegistry::builtin`].

use std::collections::HashMap;

use rand::Rng;

/// The feature that gates `{song}`.
pub const SPOTIFY_FEATURE: &str = "widget:spotify_now_playing";

/// Something a resolver needs fetched before rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    Uptime,
    Song,
    Count,
}

/// The stream's state for `{uptime}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Uptime {
    /// Live for this long.
    Live(chrono::Duration),
    Offline,
    /// Live, but since when is not known (a state reported before lumio kept the time).
    #[default]
    Unknown,
}

/// What a resolver may read.
#[derive(Debug, Clone, Copy)]
pub struct RenderCtx<'a> {
    /// Display name of the invoker.
    pub user: &'a str,
    pub channel: &'a str,
    pub platform: &'a str,
    /// The words after the command.
    pub args: &'a [String],
    pub uptime: Uptime,
    pub song: Option<&'a str>,
    pub count: Option<i64>,
    /// The account's enabled features.
    pub features: &'a [String],
}

impl Default for RenderCtx<'_> {
    fn default() -> Self {
        RenderCtx {
            user: "",
            channel: "",
            platform: "",
            args: &[],
            uptime: Uptime::Unknown,
            song: None,
            count: None,
            features: &[],
        }
    }
}

/// What a resolver made of a variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Value(String),
    /// Renders as nothing, for this reason (reported by `commands test`).
    Empty(String),
    /// No resolver knows the name: the variable stays as written.
    Unknown,
}

/// One variable.
pub trait VariableResolver: Send + Sync {
    /// The name between the braces.
    fn name(&self) -> &'static str;
    /// A feature the account must have for the variable to render.
    fn feature(&self) -> Option<&'static str> {
        None
    }
    /// What must be fetched before rendering.
    fn needs(&self) -> Option<Fact> {
        None
    }
    fn resolve(&self, arg: Option<&str>, ctx: &RenderCtx) -> Resolution;
}

/// The resolvers by name.
pub struct VariableRegistry {
    resolvers: HashMap<&'static str, Box<dyn VariableResolver>>,
}

impl VariableRegistry {
    pub fn empty() -> Self {
        VariableRegistry {
            resolvers: HashMap::new(),
        }
    }

    /// The built-in variables.
    pub fn builtin() -> Self {
        let mut r = VariableRegistry::empty();
        r.register(Box::new(UserVar));
        r.register(Box::new(ChannelVar));
        r.register(Box::new(PlatformVar));
        r.register(Box::new(UptimeVar));
        r.register(Box::new(SongVar));
        r.register(Box::new(CountVar));
        r.register(Box::new(RandomVar));
        r.register(Box::new(ToUserVar));
        r.register(Box::new(ArgsVar));
        r
    }

    pub fn register(&mut self, resolver: Box<dyn VariableResolver>) {
        self.resolvers.insert(resolver.name(), resolver);
    }

    /// Whether `name` renders (a registered name, or a positional `{1}`…`{9}`).
    pub fn knows(&self, name: &str) -> bool {
        self.resolvers.contains_key(name) || positional(name).is_some()
    }

    pub fn fact_of(&self, name: &str) -> Option<Fact> {
        self.resolvers.get(name).and_then(|r| r.needs())
    }

    /// The names, sorted (for help texts).
    pub fn names(&self) -> Vec<&'static str> {
        let mut n: Vec<&'static str> = self.resolvers.keys().copied().collect();
        n.sort_unstable();
        n
    }

    pub fn resolve(&self, name: &str, arg: Option<&str>, ctx: &RenderCtx) -> Resolution {
        if let Some(n) = positional(name) {
            return match ctx.args.get(n - 1) {
                Some(a) => Resolution::Value(a.clone()),
                None => Resolution::Empty(format!("no argument {n} was given")),
            };
        }
        let Some(r) = self.resolvers.get(name) else {
            return Resolution::Unknown;
        };
        if let Some(f) = r.feature() {
            if !ctx.features.iter().any(|x| x == f) {
                return Resolution::Empty(format!("the feature {f} is off for this account"));
            }
        }
        r.resolve(arg, ctx)
    }
}

/// `1`…`9` as an argument number.
fn positional(name: &str) -> Option<usize> {
    match name.parse::<usize>() {
        Ok(n @ 1..=9) if name.len() == 1 => Some(n),
        _ => None,
    }
}

struct UserVar;
impl VariableResolver for UserVar {
    fn name(&self) -> &'static str {
        "user"
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        Resolution::Value(ctx.user.to_string())
    }
}

struct ChannelVar;
impl VariableResolver for ChannelVar {
    fn name(&self) -> &'static str {
        "channel"
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        Resolution::Value(ctx.channel.to_string())
    }
}

struct PlatformVar;
impl VariableResolver for PlatformVar {
    fn name(&self) -> &'static str {
        "platform"
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        Resolution::Value(ctx.platform.to_string())
    }
}

/// `1h 5m`, `12m`, `40s`.
pub fn format_uptime(d: chrono::Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, m) => format!("{m}m"),
        (h, m) => format!("{h}h {m}m"),
    }
}

struct UptimeVar;
impl VariableResolver for UptimeVar {
    fn name(&self) -> &'static str {
        "uptime"
    }
    fn needs(&self) -> Option<Fact> {
        Some(Fact::Uptime)
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        match ctx.uptime {
            Uptime::Live(d) => Resolution::Value(format_uptime(d)),
            Uptime::Offline => Resolution::Value("offline".into()),
            Uptime::Unknown => Resolution::Empty("the stream is live since an unknown time".into()),
        }
    }
}

struct SongVar;
impl VariableResolver for SongVar {
    fn name(&self) -> &'static str {
        "song"
    }
    fn feature(&self) -> Option<&'static str> {
        Some(SPOTIFY_FEATURE)
    }
    fn needs(&self) -> Option<Fact> {
        Some(Fact::Song)
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        match ctx.song {
            Some(s) if !s.is_empty() => Resolution::Value(s.to_string()),
            _ => Resolution::Empty("nothing is playing".into()),
        }
    }
}

struct CountVar;
impl VariableResolver for CountVar {
    fn name(&self) -> &'static str {
        "count"
    }
    fn needs(&self) -> Option<Fact> {
        Some(Fact::Count)
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        match ctx.count {
            Some(n) => Resolution::Value(n.to_string()),
            None => Resolution::Empty("the use count is not known here".into()),
        }
    }
}

struct RandomVar;
impl VariableResolver for RandomVar {
    fn name(&self) -> &'static str {
        "random"
    }
    fn resolve(&self, arg: Option<&str>, _: &RenderCtx) -> Resolution {
        let choices: Vec<&str> = arg
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if choices.is_empty() {
            return Resolution::Empty("give choices as {random:a,b,c}".into());
        }
        let i = rand::thread_rng().gen_range(0..choices.len());
        Resolution::Value(choices[i].to_string())
    }
}

struct ToUserVar;
impl VariableResolver for ToUserVar {
    fn name(&self) -> &'static str {
        "touser"
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        match ctx.args.first() {
            Some(a) => Resolution::Value(a.trim_start_matches('@').to_string()),
            None => Resolution::Value(ctx.user.to_string()),
        }
    }
}

struct ArgsVar;
impl VariableResolver for ArgsVar {
    fn name(&self) -> &'static str {
        "args"
    }
    fn resolve(&self, _: Option<&str>, ctx: &RenderCtx) -> Resolution {
        Resolution::Value(ctx.args.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_holds_the_builtins() {
        let r = VariableRegistry::builtin();
        assert_eq!(
            r.names(),
            [
                "args", "channel", "count", "platform", "random", "song", "touser", "uptime",
                "user"
            ]
        );
        assert!(r.knows("3") && !r.knows("10") && !r.knows("0") && !r.knows("points"));
        assert_eq!(r.fact_of("uptime"), Some(Fact::Uptime));
        assert_eq!(r.fact_of("user"), None);
        assert_eq!(format_uptime(chrono::Duration::seconds(59)), "59s");
        assert_eq!(format_uptime(chrono::Duration::seconds(600)), "10m");
        assert_eq!(format_uptime(chrono::Duration::seconds(7260)), "2h 1m");
    }

    #[test]
    fn a_registered_resolver_renders() {
        struct Shout;
        impl VariableResolver for Shout {
            fn name(&self) -> &'static str {
                "shout"
            }
            fn resolve(&self, arg: Option<&str>, _: &RenderCtx) -> Resolution {
                Resolution::Value(arg.unwrap_or_default().to_uppercase())
            }
        }
        let mut r = VariableRegistry::builtin();
        assert_eq!(
            r.resolve("shout", Some("hey"), &RenderCtx::default()),
            Resolution::Unknown
        );
        r.register(Box::new(Shout));
        assert_eq!(
            r.resolve("shout", Some("hey"), &RenderCtx::default()),
            Resolution::Value("HEY".into())
        );
    }
}
