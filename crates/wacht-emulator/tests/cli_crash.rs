//! The CLI binary, killed with SIGKILL mid-life: every acknowledged write is in the data file.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

fn start(file: &std::path::Path) -> (Child, String) {
  let mut child = Command::new(env!("CARGO_BIN_EXE_wacht-emulator"))
    .args(["--port", "0", "--api-key", "k", "--data-file"])
    .arg(file)
    .stdout(Stdio::piped())
    .spawn()
    .expect("spawn wacht-emulator");
  let mut line = String::new();
  BufReader::new(child.stdout.take().unwrap())
    .read_line(&mut line)
    .unwrap();
  // "wacht-emulator listening on http://127.0.0.1:PORT (api key: k)"
  assert!(
    line.starts_with("wacht-emulator listening on http://127.0.0.1:"),
    "{line}"
  );
  assert!(line.trim_end().ends_with("(api key: k)"), "{line}");
  let url = line.split_whitespace().nth(3).unwrap().to_string();
  (child, url)
}

#[tokio::test]
async fn sigkill_keeps_acknowledged_writes() {
  let dir = std::env::temp_dir().join(format!("wacht-emu-cli-{}", std::process::id()));
  let _ = std::fs::remove_dir_all(&dir);
  std::fs::create_dir_all(&dir).unwrap();
  let file = dir.join("state.db");
  let http = reqwest::Client::new();

  let (mut child, url) = start(&file);
  let mut ids = Vec::new();
  for i in 0..20 {
    let form = reqwest::multipart::Form::new().text("name", format!("org-{i}"));
    let r = http
      .post(format!("{url}/organizations"))
      .bearer_auth("k")
      .multipart(form)
      .send()
      .await
      .unwrap();
    assert_eq!(r.status(), 200);
    let v: serde_json::Value = r.json().await.unwrap();
    ids.push(v["id"].as_str().unwrap().to_string());
  }
  child.kill().unwrap(); // SIGKILL: no close, no checkpoint
  child.wait().unwrap();

  let (mut child, url) = start(&file);
  let v: serde_json::Value = http
    .get(format!("{url}/organizations?limit=100&sort_order=asc"))
    .bearer_auth("k")
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
  let got: Vec<String> = v["data"]
    .as_array()
    .unwrap()
    .iter()
    .map(|o| o["id"].as_str().unwrap().to_string())
    .collect();
  assert_eq!(got, ids);
  child.kill().unwrap();
  child.wait().unwrap();
  let _ = std::fs::remove_dir_all(&dir);
}
