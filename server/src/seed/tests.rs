//! The seed file's parsing and validation.

use super::*;

fn check(text: &str) -> Result<SeedFile, SeedError> {
    parse("t.toml", text, &BTreeSet::new(), &BTreeSet::new())
}

#[test]
fn reports_line_and_field() {
    let text = "[[accounts]]\nslug = \"demo\"\nname = \"Demo\"\nplan = \"gold\"\n";
    let e = check(text).unwrap_err().to_string();
    assert_eq!(
        e,
        "t.toml:4: accounts[0].plan: 'gold' is not one of free, pro, enterprise"
    );

    let text = "[[users]]\nusername = \"a\"\npassword = \"x\"\n\n[[memberships]]\nuser = \"a\"\naccount = \"nope\"\nrole = \"owner\"\n";
    let e = check(text).unwrap_err().to_string();
    assert!(e.contains("t.toml:3: users[0].password"), "{e}");
    assert!(
        e.contains("t.toml:7: memberships[0].account: no account 'nope'"),
        "{e}"
    );
}

#[test]
fn channel_ids_follow_their_platform() {
    let seed = |platform: &str, id: &str| {
        format!(
                "[[accounts]]\nslug = \"demo\"\nname = \"Demo\"\n\n[[channel_connections]]\n\
                 account = \"demo\"\nplatform = \"{platform}\"\nchannel = \"c\"\nchannel_id = \"{id}\"\n"
            )
    };
    for (platform, id) in [
        ("twitch", "lumio_demo"),
        ("youtube", "UC123"),
        ("discord", "12345"),
    ] {
        let e = check(&seed(platform, id)).unwrap_err().to_string();
        assert!(
            e.contains("t.toml:9: channel_connections[0].channel_id")
                && e.contains(&format!("is not a {platform} id")),
            "{e}"
        );
    }
    for (platform, id) in [
        ("twitch", "100000001"),
        ("youtube", "UCLumioDemo0000000000000"),
        ("discord", "1100000000000000001"),
    ] {
        assert!(check(&seed(platform, id)).is_ok(), "{platform} {id}");
    }
}

#[test]
fn syntax_and_unknown_fields() {
    let e = check("[[accounts]]\nslug = \"demo\"\nnmae = \"x\"\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("t.toml:"), "{e}");
    assert!(e.contains("nmae"), "{e}");
}

#[test]
fn demo_seed_is_valid() {
    let text = include_str!("../../../migrations/seeds/demo.toml");
    let f = check(text).unwrap();
    assert!(f
        .accounts
        .iter()
        .any(|a| a.get_ref().slug.get_ref() == "demo"));
    assert_eq!(f.channel_connections.len(), 5);
}
