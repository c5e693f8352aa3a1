//! The store contract of `db.discord()` and `db.admin()`: the same cases against SQLite and
//! PostgreSQL — unique guild per account named by its constraint, settings written with the
//! connection, mappings replaced in place and removed with their connection, deletes scoped to
//! an account, and the audit log's pending → finished rows with JSON details, newest first,
//! paged.

#![allow(clippy::unwrap_used)]

use lumio_server::admin::model::AuditRow;
use lumio_server::discord::model::GuildConnection;
use lumio_server::discord::store::GUILD_UNIQUE;
use lumio_server::store::Db;
use lumio_server::store::StoreError;
use lumio_server::testing::{demo_seed_path, TestBackend, TestDb};
use serde_json::json;
use uuid::Uuid;

struct Ctx {
    db: Db,
    _tdb: TestDb,
}

async fn setup(backend: TestBackend, test: &str) -> Option<Ctx> {
    let tdb = TestDb::create(backend, test).await?;
    let db = Db::connect(&tdb.url).await.expect("connect");
    db.migrate().await.expect("migrate");
    lumio_server::seed::run(&db, &demo_seed_path())
        .await
        .expect("seed");
    Some(Ctx { db, _tdb: tdb })
}

macro_rules! on_backend {
    ($module:ident, $backend:expr, $($case:ident),*) => {
        mod $module {
            $(
                #[tokio::test]
                async fn $case() {
                    let name = concat!("discord_store::", stringify!($module), "::", stringify!($case));
                    if let Some(ctx) = super::setup($backend, name).await {
                        super::$case(&ctx.db).await;
                        ctx.db.close().await;
                    }
                }
            )*
        }
    };
}

macro_rules! contract {
    ($($case:ident),* $(,)?) => {
        on_backend!(sqlite, lumio_server::testing::TestBackend::Sqlite, $($case),*);
        on_backend!(postgres, lumio_server::testing::TestBackend::Postgres, $($case),*);
    };
}

contract!(
    connections_are_unique_per_guild_and_scoped_to_their_account,
    mappings_are_replaced_in_place_and_go_with_their_connection,
    audit_entries_are_finished_listed_newest_first_and_paged,
);

/// (user id, account id) of a demo user.
async fn user_and_account(db: &Db, username: &str) -> (Uuid, Uuid) {
    let u = db.auth().user_by_username(username).await.unwrap().unwrap();
    let m = db.auth().memberships_of_user(u.id).await.unwrap();
    (u.id, m[0].account_id)
}

fn connection(account: Uuid, by: Uuid, guild: &str) -> GuildConnection {
    let now = lumio_server::store::now();
    GuildConnection {
        id: Uuid::now_v7(),
        account_id: account,
        guild_id: guild.into(),
        guild_name: "Guild".into(),
        guild_icon: Some("0123456789abcdef0123456789abcdef".into()),
        connected_by: Some(by),
        connected_by_name: "Olive Owner".into(),
        created_at: now,
        updated_at: now,
    }
}

async fn connections_are_unique_per_guild_and_scoped_to_their_account(db: &Db) {
    let (owner, demo) = user_and_account(db, "owner").await;
    let (_, other) = user_and_account(db, "othermod").await;
    let store = db.discord();
    let c = connection(demo, owner, "81384788765712384");
    store.insert_connection(&c).await.unwrap();
    assert_eq!(
        store
            .connection_by_guild("81384788765712384")
            .await
            .unwrap(),
        Some(c.clone())
    );
    // The same guild again, for any account: a conflict naming the unique constraint, and
    // nothing half-written (the settings row of the first stays the only one).
    let e = store
        .insert_connection(&connection(other, owner, "81384788765712384"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Conflict { constraint } if constraint == GUILD_UNIQUE),
        "{e:?}"
    );
    store
        .insert_connection(&connection(other, owner, "81384788765712385"))
        .await
        .unwrap();
    assert_eq!(store.connections_of_account(demo).await.unwrap().len(), 1);
    assert_eq!(store.all_connections().await.unwrap().len(), 2);
    // Name and icon change in place.
    let later = lumio_server::store::now();
    let u = store
        .update_info("81384788765712384", "Renamed", None, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (u.guild_name.as_str(), u.guild_icon, u.updated_at),
        ("Renamed", None, later)
    );
    assert!(store
        .update_info("81384788765712399", "x", None, later)
        .await
        .unwrap()
        .is_none());
    // A delete scoped to another account deletes nothing.
    assert!(store
        .delete_connection("81384788765712384", Some(other))
        .await
        .unwrap()
        .is_none());
    let gone = store
        .delete_connection("81384788765712384", Some(demo))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(gone.id, c.id);
    // Unscoped (the admin's and the bot's).
    assert!(store
        .delete_connection("81384788765712385", None)
        .await
        .unwrap()
        .is_some());
    assert!(store.all_connections().await.unwrap().is_empty());
    // A guild can be connected again once it was removed (its settings row went with it).
    store
        .insert_connection(&connection(other, owner, "81384788765712384"))
        .await
        .unwrap();
}

async fn mappings_are_replaced_in_place_and_go_with_their_connection(db: &Db) {
    let (owner, demo) = user_and_account(db, "owner").await;
    let store = db.discord();
    store
        .insert_connection(&connection(demo, owner, "81384788765712384"))
        .await
        .unwrap();
    let t1 = lumio_server::store::now();
    let m = store
        .upsert_mapping(
            "81384788765712384",
            "chat_mirror",
            "900000000000000001",
            true,
            owner,
            t1,
        )
        .await
        .unwrap();
    assert_eq!(
        (m.channel_id.as_str(), m.enabled),
        ("900000000000000001", true)
    );
    let t2 = lumio_server::store::now();
    let m = store
        .upsert_mapping(
            "81384788765712384",
            "chat_mirror",
            "900000000000000002",
            false,
            owner,
            t2,
        )
        .await
        .unwrap();
    assert_eq!(
        (m.channel_id.as_str(), m.enabled, m.updated_at),
        ("900000000000000002", false, t2)
    );
    // A key the code adds later needs no migration: the column is free text.
    store
        .upsert_mapping(
            "81384788765712384",
            "raid_alerts",
            "900000000000000003",
            true,
            owner,
            t2,
        )
        .await
        .unwrap();
    let all = store.mappings("81384788765712384").await.unwrap();
    assert_eq!(
        all.iter().map(|m| m.feature.as_str()).collect::<Vec<_>>(),
        ["chat_mirror", "raid_alerts"]
    );
    assert!(store
        .delete_mapping("81384788765712384", "raid_alerts")
        .await
        .unwrap());
    assert!(!store
        .delete_mapping("81384788765712384", "raid_alerts")
        .await
        .unwrap());
    // A mapping needs its connection (foreign key), and goes with it.
    assert!(store
        .upsert_mapping(
            "81384788765712399",
            "chat_mirror",
            "900000000000000001",
            true,
            owner,
            t2
        )
        .await
        .is_err());
    store
        .delete_connection("81384788765712384", None)
        .await
        .unwrap();
    assert!(store
        .mappings("81384788765712384")
        .await
        .unwrap()
        .is_empty());
}

async fn audit_entries_are_finished_listed_newest_first_and_paged(db: &Db) {
    let (admin, _) = user_and_account(db, "admin").await;
    let store = db.admin();
    let mut ids = Vec::new();
    for i in 0..3 {
        let id = Uuid::now_v7();
        ids.push(id);
        store
            .insert(&AuditRow {
                id,
                actor_id: Some(admin),
                actor_name: "Ada Admin".into(),
                permission: "discord-guilds:delete".into(),
                action: "discord_guild.delete".into(),
                target_kind: "discord_guild".into(),
                target_id: format!("8138478876571238{i}"),
                account_id: None,
                details: sqlx::types::Json(json!({"n": i, "name": "Ümlaut ✓"})),
                outcome: "pending".into(),
                error: None,
                created_at: lumio_server::store::now(),
                finished_at: None,
            })
            .await
            .unwrap();
    }
    let done = lumio_server::store::now();
    store.finish(ids[0], "ok", None, done).await.unwrap();
    store
        .finish(ids[1], "failed", Some("not found"), done)
        .await
        .unwrap();
    let all = store.list(10, None).await.unwrap();
    assert_eq!(
        all.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ids[2], ids[1], ids[0]]
    );
    assert_eq!(all[0].outcome, "pending", "never finished: still says so");
    assert_eq!(all[1].error.as_deref(), Some("not found"));
    assert_eq!(all[2].finished_at, Some(done));
    assert_eq!(all[2].details.0, json!({"n": 0, "name": "Ümlaut ✓"}));
    let page = store.list(1, Some(ids[2])).await.unwrap();
    assert_eq!(page.iter().map(|r| r.id).collect::<Vec<_>>(), [ids[1]]);
    assert!(store.list(5, Some(ids[0])).await.unwrap().is_empty());
    // Outcomes outside the three are refused by the database itself.
    assert!(store.finish(ids[2], "maybe", None, done).await.is_err());
}
