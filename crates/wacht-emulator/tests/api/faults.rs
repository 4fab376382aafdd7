use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;
use wacht_emulator::FaultSpec;

use crate::common::T;

fn spec(v: serde_json::Value) -> FaultSpec {
  serde_json::from_value(v).unwrap()
}

#[tokio::test]
async fn status_body_headers_and_times() {
  let t = T::start().await;
  let id = t
    .emu
    .add_fault(spec(json!({"method":"get","path":"/organizations","status":503,"times":2,"retryAfter":7,"headers":{"x-fault":"yes"}})))
    .unwrap();
  assert!(id > 0);
  for _ in 0..2 {
    let r = t.get("/organizations").await;
    assert_eq!(r.err(), (503, "Something went wrong".into()));
    assert_eq!(r.headers["retry-after"], "7");
    assert_eq!(r.headers["x-fault"], "yes");
  }
  assert_eq!(
    t.get("/organizations").await.code(),
    200,
    "used up after times"
  );

  t.emu
    .add_fault(spec(json!({"path":"/organizations/**","status":502,"body":"<html>Bad Gateway</html>","contentType":"text/html"})))
    .unwrap();
  let r = t.get("/organizations/1/members").await;
  assert_eq!(r.code(), 502);
  assert_eq!(r.headers["content-type"], "text/html");
  assert_eq!(r.text, "<html>Bad Gateway</html>");

  t.emu
    .add_fault(spec(json!({"status":429,"body":{"errors":[{"message":"Rate limit exceeded. Retry after 60 seconds","code":429}]}})))
    .unwrap();
  let r = t.get("/organizations").await;
  assert_eq!(
    r.err(),
    (429, "Rate limit exceeded. Retry after 60 seconds".into())
  );

  // Method filter: a POST fault does not hit GETs.
  t.emu
    .add_fault(spec(json!({"method":"POST","status":500})))
    .unwrap();
  assert_eq!(t.get("/organizations").await.code(), 200);
  t.emu.clear_faults();
  assert_eq!(
    t.form(Method::POST, "/organizations", &[("name", "a")])
      .await
      .code(),
    200
  );
}

#[tokio::test]
async fn delay_drop_and_admin_exempt() {
  let t = T::start().await;
  t.emu.add_fault(spec(json!({"delayMs":300}))).unwrap();
  let start = Instant::now();
  assert_eq!(t.get("/organizations").await.code(), 200);
  assert!(start.elapsed() >= Duration::from_millis(290));

  t.emu
    .add_fault(spec(json!({"path":"/organizations","drop":true})))
    .unwrap();
  let fresh = reqwest::Client::builder()
    .pool_max_idle_per_host(0)
    .build()
    .unwrap();
  let r = fresh
    .get(t.url("/organizations"))
    .bearer_auth(t.emu.api_key())
    .send()
    .await;
  assert!(r.is_err(), "dropped connection must fail, got {r:?}");
  assert_eq!(t.get("/organizations").await.code(), 200);

  // Admin routes are never faulted, and can register faults over HTTP.
  t.emu
    .add_fault(spec(json!({"status":500,"times":5})))
    .unwrap();
  assert_eq!(t.get("/_emulator/users").await.code(), 200);
  assert_eq!(
    t.send(t.req(Method::DELETE, "/_emulator/faults"))
      .await
      .code(),
    200
  );
  assert_eq!(t.get("/organizations").await.code(), 200);
  let r = t
    .json(Method::POST, "/_emulator/faults", json!({"status": 418}))
    .await
    .json();
  assert!(r["id"].as_u64().is_some());
  assert_eq!(t.get("/health").await.code(), 418);
  let bad = t
    .json(Method::POST, "/_emulator/faults", json!({"path":"/x"}))
    .await;
  assert_eq!(bad.code(), 400);
  let bad = t
    .json(
      Method::POST,
      "/_emulator/faults",
      json!({"status":500,"bogus":1}),
    )
    .await;
  assert_eq!(bad.code(), 422);
}
