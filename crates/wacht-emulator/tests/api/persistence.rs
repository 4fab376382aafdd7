use reqwest::Method;
use serde_json::json;
use wacht_emulator::EmulatorConfig;

use crate::common::T;

fn temp_file(name: &str) -> std::path::PathBuf {
  let dir = std::env::temp_dir().join(format!("wacht-emu-{}-{name}", std::process::id()));
  let _ = std::fs::remove_dir_all(&dir);
  std::fs::create_dir_all(&dir).unwrap();
  dir.join("state.db")
}

#[tokio::test]
async fn state_survives_restart() {
  let file = temp_file("restart");
  let config = || EmulatorConfig {
    data_file: Some(file.clone()),
    ..EmulatorConfig::default()
  };
  let t = T::with(config()).await;
  let org = t.org("Durable").await;
  let users = t.user_ids();
  let m = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/members"),
      json!({"user_id": users[0], "role": "org:admin"}),
    )
    .await;
  assert_eq!(m.code(), 200);
  let gone = t.org("Gone").await;
  t.delete(&format!("/organizations/{gone}")).await;
  let before = t.get(&format!("/organizations/{org}")).await.json();
  t.emu.close().await;
  t.emu.close().await; // idempotent

  let t = T::with(config()).await;
  assert_eq!(t.user_ids(), users, "users are not seeded twice");
  let after = t.get(&format!("/organizations/{org}")).await.json();
  assert_eq!(after, before);
  assert_eq!(t.get(&format!("/organizations/{gone}")).await.code(), 404);
  let ms = t.get(&format!("/organizations/{org}/members")).await.json();
  assert_eq!(ms["data"][0]["roles"][0]["name"], "Admin");
  let newer = t.org("Newer").await;
  assert!(newer.parse::<i64>().unwrap() > org.parse::<i64>().unwrap());

  t.emu.reset();
  t.emu.close().await;
  let t = T::with(config()).await;
  assert_eq!(t.get("/organizations").await.json()["data"], json!([]));
  assert_eq!(t.user_ids().len(), 3);
  t.emu.close().await;
}
