//! The store contract: the same cases against SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use chrono::Utc;
use lumio_server::notes::model::Note;
use lumio_server::seed;
use lumio_server::store::Db;
use lumio_server::testing::{demo_seed_path, TestBackend, TestDb};
use uuid::Uuid;

struct Ctx {
    db: Db,
    _tdb: TestDb,
}

async fn setup(backend: TestBackend, test: &str) -> Option<Ctx> {
    let tdb = TestDb::create(backend, test).await?;
    let db = Db::connect(&tdb.url).await.expect("connect");
    Some(Ctx { db, _tdb: tdb })
}

/// One `#[tokio::test]` per case against one backend.
macro_rules! on_backend {
    ($module:ident, $backend:expr, $($case:ident),*) => {
        mod $module {
            $(
                #[tokio::test]
                async fn $case() {
                    let name = concat!(stringify!($module), "::", stringify!($case));
                    if let Some(ctx) = super::setup($backend, name).await {
                        super::$case(&ctx.db).await;
                        ctx.db.close().await;
                    }
                }
            )*
        }
    };
}

/// The same cases on SQLite and on PostgreSQL.
macro_rules! contract {
    ($($case:ident),* $(,)?) => {
        on_backend!(sqlite, lumio_server::testing::TestBackend::Sqlite, $($case),*);
        on_backend!(postgres, lumio_server::testing::TestBackend::Postgres, $($case),*);
    };
}

contract!(
    migrate_is_idempotent,
    seed_is_idempotent_and_updates,
    seed_rejects_a_bad_file_whole,
    memberships_and_custom_roles,
    tokens_round_trip,
    notes_crud_and_account_scope,
    batches_of_every_size_leave_no_prepared_statement_each,
);

async fn migrate_is_idempotent(db: &Db) {
    let before = db.migration_status().await.unwrap();
    assert!(!before.is_empty());
    assert!(before.iter().all(|m| !m.applied));
    let applied = db.migrate().await.unwrap();
    assert_eq!(applied.len(), before.len());
    let again = db.migrate().await.unwrap();
    assert!(again.is_empty(), "second migrate applied {again:?}");
    assert!(db
        .migration_status()
        .await
        .unwrap()
        .iter()
        .all(|m| m.applied));
}

async fn seeded(db: &Db) {
    db.migrate().await.unwrap();
    seed::run(db, &demo_seed_path()).await.unwrap();
}

async fn seed_is_idempotent_and_updates(db: &Db) {
    db.migrate().await.unwrap();
    let first = seed::run(db, &demo_seed_path()).await.unwrap();
    assert!(first.created >= 20, "{first:?}");
    assert_eq!(first.updated, 0);
    let second = seed::run(db, &demo_seed_path()).await.unwrap();
    assert_eq!(second.created, 0, "{second:?}");
    assert_eq!(second.updated, 0, "{second:?}");
    assert_eq!(second.unchanged, first.created);
    assert!(second.to_string().starts_with("nothing to change"));

    // A changed file updates just what changed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "[[accounts]]\nslug = \"demo\"\nname = \"Renamed\"\nplan = \"enterprise\"\n\n\
         [[users]]\nusername = \"mod\"\ndisplay_name = \"Milo Mod\"\npassword = \"a-new-password\"\n",
    )
    .unwrap();
    let third = seed::run(db, path.to_str().unwrap()).await.unwrap();
    assert_eq!((third.created, third.updated, third.unchanged), (0, 2, 0));
    let user = db.auth().user_by_username("mod").await.unwrap().unwrap();
    assert!(lumio_server::auth::service::verify_password(
        "a-new-password",
        user.password_hash.as_deref().unwrap()
    ));
}

async fn seed_rejects_a_bad_file_whole(db: &Db) {
    db.migrate().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    // The account is fine; the membership names a role that does not exist.
    std::fs::write(
        &path,
        "[[accounts]]\nslug = \"fresh\"\nname = \"Fresh\"\n\n[[users]]\nusername = \"u1\"\npassword = \"password1\"\n\n\
         [[memberships]]\nuser = \"u1\"\naccount = \"fresh\"\nrole = \"overlord\"\n",
    )
    .unwrap();
    let err = seed::run(db, path.to_str().unwrap())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("bad.toml:12: memberships[0].role: no role 'overlord'"),
        "{err}"
    );
    // Nothing was written.
    assert!(db.auth().user_by_username("u1").await.unwrap().is_none());
    let accounts = db.auth().account_slugs().await.unwrap();
    assert!(accounts.is_empty(), "{accounts:?}");
}

async fn memberships_and_custom_roles(db: &Db) {
    seeded(db).await;
    let mod_user = db.auth().user_by_username("mod").await.unwrap().unwrap();
    let ms = db.auth().memberships_of_user(mod_user.id).await.unwrap();
    assert_eq!(ms.len(), 1);
    assert_eq!(
        (ms[0].slug.as_str(), ms[0].role.as_str()),
        ("demo", "moderator")
    );
    assert!(ms[0].role_permissions.is_none());

    // A user given the custom role sees its permissions through the join.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.toml");
    std::fs::write(
        &path,
        "[[users]]\nusername = \"jan\"\npassword = \"password1\"\n\n[[memberships]]\nuser = \"jan\"\naccount = \"demo\"\nrole = \"janitor\"\n\n\
         [[memberships]]\nuser = \"jan\"\naccount = \"other\"\nrole = \"viewer\"\n",
    )
    .unwrap();
    seed::run(db, path.to_str().unwrap()).await.unwrap();
    let jan = db.auth().user_by_username("jan").await.unwrap().unwrap();
    let ms = db.auth().memberships_of_user(jan.id).await.unwrap();
    assert_eq!(ms.len(), 2);
    let janitor = ms.iter().find(|m| m.slug == "demo").unwrap();
    let perms: BTreeSet<_> = janitor
        .role_permissions
        .as_ref()
        .unwrap()
        .0
        .iter()
        .cloned()
        .collect();
    assert_eq!(
        perms,
        ["chat:delete", "chat:read", "chat:timeout"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

async fn tokens_round_trip(db: &Db) {
    seeded(db).await;
    let user = db.auth().user_by_username("viewer").await.unwrap().unwrap();
    let now = Utc::now();
    let row = lumio_server::auth::model::TokenRow {
        id: Uuid::now_v7(),
        user_id: user.id,
        name: "ci".into(),
        kind: "api".into(),
        token_hash: "abc123".into(),
        permissions: Some(sqlx::types::Json(vec!["chat:read".into()])),
        created_at: now,
        expires_at: None,
        last_used_at: None,
    };
    db.auth().insert_token(&row).await.unwrap();
    let back = db.auth().token_by_hash("abc123").await.unwrap().unwrap();
    assert_eq!(back.id, row.id);
    assert_eq!(back.permissions.unwrap().0, vec!["chat:read".to_string()]);
    assert_eq!(back.created_at.timestamp_micros(), now.timestamp_micros());
    // The same hash twice is a unique violation, mapped to 409.
    let dup = db
        .auth()
        .insert_token(&lumio_server::auth::model::TokenRow {
            id: Uuid::now_v7(),
            ..row.clone()
        })
        .await
        .unwrap_err();
    assert!(matches!(
        lumio_server::AppError::from(dup),
        lumio_server::AppError::Conflict(_)
    ));
    db.auth().touch_token(row.id, now).await.unwrap();
    assert!(db
        .auth()
        .token_by_hash("abc123")
        .await
        .unwrap()
        .unwrap()
        .last_used_at
        .is_some());
    assert_eq!(db.auth().tokens_of_user(user.id).await.unwrap().len(), 1);
    let other = db.auth().user_by_username("mod").await.unwrap().unwrap();
    assert!(
        !db.auth().delete_token(other.id, row.id).await.unwrap(),
        "another user's token"
    );
    assert!(db.auth().delete_token(user.id, row.id).await.unwrap());
    assert!(db.auth().token_by_hash("abc123").await.unwrap().is_none());
}

async fn notes_crud_and_account_scope(db: &Db) {
    seeded(db).await;
    let account = |slug| async move { db.auth().account_id_by_slug(slug).await.unwrap().unwrap() };
    let demo = account("demo").await;
    let other = account("other").await;
    let author = db.auth().user_by_username("mod").await.unwrap().unwrap();
    let base = Utc::now();
    let mut ids = Vec::new();
    for i in 0..3 {
        let at = base + chrono::Duration::seconds(i);
        let n = Note {
            id: Uuid::now_v7(),
            account_id: demo,
            platform: "twitch".into(),
            platform_user_id: "42".into(),
            note: format!("note {i} — ünïcode"),
            created_by: Some(author.id),
            created_by_name: author.display_name.clone(),
            created_at: at,
            updated_at: at,
        };
        db.notes().insert_note(&n).await.unwrap();
        ids.push(n.id);
    }
    let list = db
        .notes()
        .notes_of_user(demo, "twitch", "42")
        .await
        .unwrap();
    assert_eq!(
        list.iter().map(|n| n.id).collect::<Vec<_>>(),
        ids.iter().rev().copied().collect::<Vec<_>>()
    );
    assert_eq!(list[2].note, "note 0 — ünïcode");
    assert!(db
        .notes()
        .notes_of_user(demo, "kick", "42")
        .await
        .unwrap()
        .is_empty());
    assert!(db
        .notes()
        .notes_of_user(other, "twitch", "42")
        .await
        .unwrap()
        .is_empty());

    // Another account can neither read nor change nor delete the note.
    assert!(db
        .notes()
        .note_by_id(other, ids[0])
        .await
        .unwrap()
        .is_none());
    assert!(db
        .notes()
        .update_note(other, ids[0], "x", Utc::now())
        .await
        .unwrap()
        .is_none());
    assert!(!db.notes().delete_note(other, ids[0]).await.unwrap());

    let later = Utc::now() + chrono::Duration::minutes(5);
    let updated = db
        .notes()
        .update_note(demo, ids[0], "changed", later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(updated.note, "changed");
    assert_eq!(
        updated.updated_at.timestamp_micros(),
        later.timestamp_micros()
    );
    assert_eq!(updated.created_by, Some(author.id));
    assert!(db.notes().delete_note(demo, ids[0]).await.unwrap());
    assert!(!db.notes().delete_note(demo, ids[0]).await.unwrap());
    assert_eq!(
        db.notes()
            .notes_of_user(demo, "twitch", "42")
            .await
            .unwrap()
            .len(),
        2
    );
}

/// The same database through a pool of one connection, so that every statement run on it
/// lands in that one connection's statement cache.
async fn one_connection(db: &Db) -> Db {
    match db {
        Db::Postgres(pool) => Db::Postgres(
            sqlx::postgres::PgPoolOptions::new()
                .max_connections(1)
                .connect_with((*pool.connect_options()).clone())
                .await
                .unwrap(),
        ),
        Db::Sqlite(pool) => Db::Sqlite(
            sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with((*pool.connect_options()).clone())
                .await
                .unwrap(),
        ),
    }
}

/// Statements held in the statement cache of a one-connection pool.
async fn cached_statements(db: &Db) -> usize {
    use sqlx::Connection;
    match db {
        Db::Postgres(pool) => pool.acquire().await.unwrap().cached_statements_size(),
        Db::Sqlite(pool) => pool.acquire().await.unwrap().cached_statements_size(),
    }
}

/// A flush's multi-row INSERT (and `IN (…)` list) has a text of its own for each batch size.
/// Were they cached, every size seen would keep a prepared statement per connection — on
/// SQLite ~280 KB each at 1,000 rows, 250 MB of heap after ten minutes at 2,000 msg/s
/// (issue 13). Batches of twelve new sizes must leave the cache as it was.
async fn batches_of_every_size_leave_no_prepared_statement_each(db: &Db) {
    seeded(db).await;
    let db = &one_connection(db).await;
    let account = db.auth().account_id_by_slug("demo").await.unwrap().unwrap();
    let batch = |size: usize, tag: &str| -> Vec<lumio_server::chat::model::ChatMessage> {
        (0..size)
            .map(|i| {
                serde_json::from_value(serde_json::json!({
                    "id": Uuid::now_v7(), "account_id": account, "platform": "twitch",
                    "channel_name": "lumio_demo", "user_id": format!("{}", 1000 + i),
                    "username": format!("u{tag}{i}"), "display_name": null,
                    "message": "hello", "emotes": [], "badges": [], "color": null,
                    "is_mod": false, "is_sub": false, "is_vip": false, "sub_tier": null,
                    "platform_message_id": format!("{tag}-{i}"), "reply_to_message_id": null,
                    "reply_to_user_id": null, "reply_to_username": null,
                    "reply_to_message": null, "created_at": Utc::now(), "deleted_at": null,
                    "deleted_by": null,
                }))
                .unwrap()
            })
            .collect()
    };
    // Warm up: the statements every batch shares are prepared once.
    for size in 1..=3 {
        let msgs = batch(size, &format!("w{size}"));
        assert_eq!(db.chat().insert_messages(&msgs).await.unwrap(), size);
        let ids: Vec<Uuid> = msgs.iter().map(|m| m.id).collect();
        assert_eq!(
            db.chat().stored_message_ids(&ids).await.unwrap().len(),
            size
        );
    }
    let before = cached_statements(db).await;
    for size in 4..=15 {
        let msgs = batch(size, &format!("b{size}"));
        assert_eq!(db.chat().insert_messages(&msgs).await.unwrap(), size);
        let ids: Vec<Uuid> = msgs.iter().map(|m| m.id).collect();
        assert_eq!(
            db.chat().stored_message_ids(&ids).await.unwrap().len(),
            size
        );
    }
    let after = cached_statements(db).await;
    assert_eq!(
        after,
        before,
        "twelve batch sizes left {} statements in the cache",
        after.saturating_sub(before)
    );
}
