//! Durations and times as people type them: `90s`, `10m`, `1h30m`, `2d` (timeouts, the
//! TUI's prompt) and the times of history filters (RFC 3339, a date, or how long ago).

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

/// The longest timeout the platforms allow: two weeks.
pub const MAX_TIMEOUT_SECS: i64 = 14 * 24 * 3600;

/// The formats `--from` / `--to` take, for messages.
pub const TIME_FORMATS: &str = "RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local \
midnight) or how long ago (90m, 2h, 3d)";

/// `90s`, `10m`, `1h30m`, `2d`, `1w`, or plain seconds → seconds (at least 1).
pub fn parse_span(s: &str) -> Result<i64, String> {
    let s = s.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err("empty duration; use e.g. 90s, 10m, 1h30m, 1d".into());
    }
    let total = if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse::<i64>()
            .map_err(|_| format!("'{s}' is too large"))?
    } else {
        let mut total: i64 = 0;
        let mut num = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() {
                num.push(c);
                continue;
            }
            let unit = match c {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 604_800,
                _ => {
                    return Err(format!(
                        "'{s}' is not a duration: unknown unit '{c}' (use s, m, h, d, w)"
                    ))
                }
            };
            let n: i64 = num
                .parse()
                .map_err(|_| format!("'{s}' is not a duration: a number must come before '{c}'"))?;
            total = n
                .checked_mul(unit)
                .and_then(|x| total.checked_add(x))
                .ok_or_else(|| format!("'{s}' is too long"))?;
            num.clear();
        }
        if !num.is_empty() {
            return Err(format!(
                "'{s}' is not a duration: '{num}' has no unit (use s, m, h, d, w)"
            ));
        }
        total
    };
    if total < 1 {
        return Err("a duration is at least 1 second".into());
    }
    Ok(total)
}

/// A timeout's length: a [`parse_span`] of 1 s to 14 days.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let total = parse_span(s).map_err(|e| {
        if e.contains("at least 1 second") {
            "a timeout lasts at least 1 second".to_string()
        } else {
            e
        }
    })?;
    if total > MAX_TIMEOUT_SECS {
        return Err(format!(
            "'{}' is longer than the 14 days a timeout may last; ban instead",
            s.trim()
        ));
    }
    Ok(total)
}

/// Seconds as `1h30m`, `10m`, `45s`, `2d`.
pub fn format_duration(secs: i64) -> String {
    let mut left = secs;
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if left >= size {
            out.push_str(&format!("{}{unit}", left / size));
            left %= size;
        }
    }
    if out.is_empty() {
        "0s".into()
    } else {
        out
    }
}

/// A time of a history filter, relative to `now`: RFC 3339, a date (its midnight, local
/// time), or a span meaning that long ago. The error names the accepted formats.
pub fn parse_time(s: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let t = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Ok(at.with_timezone(&Utc));
    }
    if let Ok(day) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        return Local
            .from_local_datetime(&midnight)
            .earliest()
            .map(|l| l.with_timezone(&Utc))
            .ok_or_else(|| format!("'{t}' has no midnight in the local time zone"));
    }
    if !t.is_empty() && t.starts_with(|c: char| c.is_ascii_digit()) {
        if let Ok(secs) = parse_span(t) {
            return chrono::Duration::try_seconds(secs)
                .and_then(|d| now.checked_sub_signed(d))
                .ok_or_else(|| format!("'{t}' is too long ago"));
        }
    }
    Err(format!("'{t}' is not a time: use {TIME_FORMATS}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("10m"), Ok(600));
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("1D"), Ok(86_400));
        assert_eq!(parse_duration("2w"), Ok(MAX_TIMEOUT_SECS));
        assert_eq!(parse_duration("600"), Ok(600));
        for bad in [
            "",
            "0",
            "0s",
            "-5m",
            "15d",
            "10x",
            "m",
            "10m5",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_duration("15d").unwrap_err().contains("14 days"));
        assert_eq!(parse_span("30d"), Ok(30 * 86_400));
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(86_461), "1d1m1s");
    }

    #[test]
    fn times_are_rfc3339_dates_or_how_long_ago() {
        let now = DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let at = |s: &str| parse_time(s, now).unwrap().to_rfc3339();
        assert_eq!(at("2026-03-09T08:30:00+01:00"), "2026-03-09T07:30:00+00:00");
        assert_eq!(at("2h"), "2026-03-10T10:00:00+00:00");
        assert_eq!(at("3d"), "2026-03-07T12:00:00+00:00");
        assert_eq!(at("90m"), "2026-03-10T10:30:00+00:00");
        let day = parse_time("2026-03-09", now).unwrap();
        let local_midnight = Local
            .from_local_datetime(
                &NaiveDate::from_ymd_opt(2026, 3, 9)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
            )
            .earliest()
            .unwrap();
        assert_eq!(day, local_midnight.with_timezone(&Utc));
        for bad in ["yesterday", "", "2026-13-01", "-2h", "2x", "now"] {
            let e = parse_time(bad, now).unwrap_err();
            assert!(
                e.contains("RFC 3339") && e.contains("a date") && e.contains("2h"),
                "{bad}: {e}"
            );
        }
    }
}
