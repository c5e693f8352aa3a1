//! What the CLI prints: stable snake_case shapes for `--json`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Note {
    pub id: String,
    pub account_id: String,
    pub platform: String,
    pub platform_user_id: String,
    pub note: String,
    pub created_by: Option<String>,
    pub created_by_name: String,
    pub created_at: String,
    pub updated_at: String,
}

macro_rules! note_from {
    ($t:ty) => {
        impl From<$t> for Note {
            fn from(n: $t) -> Note {
                Note {
                    id: n.id,
                    account_id: n.account_id,
                    platform: n.platform,
                    platform_user_id: n.platform_user_id,
                    note: n.note,
                    created_by: n.created_by,
                    created_by_name: n.created_by_name,
                    created_at: n.created_at,
                    updated_at: n.updated_at,
                }
            }
        }
    };
}

note_from!(super::ops::platform_user_notes::PlatformUserNotesPlatformUserNotes);
note_from!(super::ops::create_platform_user_note::CreatePlatformUserNoteCreatePlatformUserNote);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccountAccess {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub plan: String,
    pub role: String,
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub permissions: Option<Vec<String>>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Me {
    pub user: User,
    pub accounts: Vec<AccountAccess>,
    pub admin_permissions: Vec<String>,
    pub token: TokenInfo,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginResponse {
    pub token: String,
    pub token_id: String,
    pub expires_at: Option<String>,
    pub user: User,
}
