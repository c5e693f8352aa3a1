//! The bench as a client of the server: the login and the body of a chat message.

use serde_json::{json, Value};

pub fn message_body(i: u64, text: &str) -> Value {
    let platform = ["twitch", "youtube", "kick", "trovo", "discord"][(i % 5) as usize];
    let user = format!("viewer{}", i % 5000);
    let user_id = lumio_server::platforms::simulator::user_id(
        platform
            .parse()
            .unwrap_or(lumio_server::platforms::Platform::Twitch),
        &user,
    );
    json!({"platform": platform,
        "channel_name": "lumio_demo", "user_id": user_id,
        "username": user, "message": text,
        "badges": ["subscriber/6"], "color": "#1E90FF", "is_sub": i % 3 == 0})
}

pub async fn login(base: &str) -> anyhow::Result<(reqwest::Client, String, String)> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(1024)
        .build()?;
    let v: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "mod", "password": "lumio-mod"}))
        .send()
        .await?
        .json()
        .await?;
    let token = v["token"].as_str().unwrap_or_default().to_string();
    let me: Value = http
        .get(format!("{base}/v1/auth/me"))
        .bearer_auth(&token)
        .send()
        .await?
        .json()
        .await?;
    let account = me["accounts"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    Ok((http, token, account))
}

/// The owner's token (the demo account's owner, who may connect platforms).
pub async fn owner_token(http: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let v: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "owner", "password": "lumio-owner"}))
        .send()
        .await?
        .json()
        .await?;
    Ok(v["token"].as_str().unwrap_or_default().to_string())
}
