//! Generated chat messages and the demo account, for the measurements that store directly.

use lumio_server::chat::model::ChatMessage;
use lumio_server::state::AppState;

use crate::client::message_body;

pub fn generate(account: uuid::Uuid, n: usize) -> Vec<ChatMessage> {
    (0..n as u64)
        .map(|i| {
            let input: lumio_server::chat::model::ChatMessageInput = serde_json::from_value(
                message_body(i, &format!("message number {i} in the bench")),
            )
            .unwrap_or_else(|_| unreachable!());
            lumio_server::chat::service::validate(account, &input)
                .unwrap_or_else(|_| unreachable!())
        })
        .collect()
}

pub async fn account_id(state: &AppState) -> anyhow::Result<uuid::Uuid> {
    state
        .db
        .auth()
        .account_id_by_slug("demo")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account 'demo'"))
}
