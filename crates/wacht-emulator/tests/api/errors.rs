use reqwest::Method;
use serde_json::json;

use crate::common::T;

#[tokio::test]
async fn framework_errors_are_enveloped() {
  let t = T::start().await;
  let org = t.org("Acme").await;
  let p = format!("/organizations/{org}/roles");
  assert_eq!(t.get("/nope").await.err(), (404, "Not found".into()));
  assert_eq!(
    t.get("/v1/organizations").await.err(),
    (404, "Not found".into())
  );
  assert_eq!(
    t.send(t.req(Method::PUT, "/organizations")).await.err(),
    (405, "Method not allowed".into())
  );
  assert_eq!(
    t.get("/organizations/org_abc123").await.err(),
    (400, "Bad request".into())
  );
  assert_eq!(
    t.get("/organizations/1/members/mem_1/roles/x").await.err(),
    (405, "Method not allowed".into())
  );
  assert_eq!(
    t.delete("/organizations/1/members/mem_1/roles/x")
      .await
      .err(),
    (400, "Bad request".into())
  );

  let malformed = t
    .send(
      t.req(Method::POST, &p)
        .header("content-type", "application/json")
        .body("{\"name\":"),
    )
    .await;
  assert_eq!(malformed.err(), (400, "Bad request".into()));
  let wrong = t
    .json(Method::POST, &p, json!({"name": 5, "permissions": []}))
    .await;
  assert_eq!(wrong.err(), (422, "Invalid request payload".into()));
  let no_ct = t
    .send(
      t.req(Method::POST, &p)
        .body(r#"{"name":"a","permissions":[]}"#),
    )
    .await;
  assert_eq!(no_ct.err(), (415, "Request failed".into()));
  let big = "x".repeat(3 * 1024 * 1024);
  let r = t
    .json(Method::POST, &p, json!({"name": big, "permissions": []}))
    .await;
  assert_eq!(r.err(), (413, "Request failed".into()));
  let form = reqwest::multipart::Form::new().text("name", big);
  let r = t.form_with(Method::POST, "/organizations", form).await;
  assert_eq!(r.err(), (413, "Request failed".into()));
  // Nothing was created by the failed requests.
  assert_eq!(t.get(&p).await.json()["data"].as_array().unwrap().len(), 2);
}
