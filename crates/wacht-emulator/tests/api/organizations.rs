use reqwest::Method;
use serde_json::json;

use crate::common::{image, T};

#[tokio::test]
async fn health_needs_no_auth_and_api_does() {
  let t = T::start().await;
  let r = t.http.get(t.url("/health")).send().await.unwrap();
  assert_eq!(r.status(), 200);
  let r = t.http.get(t.url("/organizations")).send().await.unwrap();
  assert_eq!(r.status(), 401);
  let body: serde_json::Value = r.json().await.unwrap();
  assert_eq!(
    body,
    json!({"errors":[{"message":"Authorization header must be Bearer token","code":401}]})
  );
  let r = t
    .http
    .get(t.url("/organizations"))
    .header("authorization", "Basic abc")
    .send()
    .await
    .unwrap();
  assert_eq!(r.status(), 401);
  let r = t
    .http
    .get(t.url("/organizations"))
    .bearer_auth("wrong")
    .send()
    .await
    .unwrap();
  let body: serde_json::Value = r.json().await.unwrap();
  assert_eq!(body["errors"][0]["message"], "Authentication failed");
  // Auth runs before routing: unknown routes and bad ids are 401 too.
  let r = t.http.get(t.url("/nope")).send().await.unwrap();
  assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn create_has_server_shape_and_key_order() {
  let t = T::start().await;
  let r = t
    .form(
      Method::POST,
      "/organizations",
      &[
        ("name", "  Acme  "),
        ("description", "Rockets"),
        ("public_metadata", r#"{"plan":"pro"}"#),
        ("slug", "ignored"),
      ],
    )
    .await;
  assert_eq!(r.code(), 200);
  assert_eq!(r.headers["content-type"], "application/json");
  let v = r.json();
  let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
  assert_eq!(
    keys,
    [
      "id",
      "created_at",
      "updated_at",
      "name",
      "image_url",
      "description",
      "member_count",
      "public_metadata",
      "private_metadata"
    ]
  );
  assert_eq!(v["name"], "Acme");
  assert_eq!(v["image_url"], "");
  assert_eq!(v["member_count"], 0);
  assert_eq!(v["public_metadata"], json!({"plan":"pro"}));
  assert_eq!(v["private_metadata"], json!({}));
  let id = v["id"].as_str().unwrap();
  assert!(id.len() >= 17 && id.chars().all(|c| c.is_ascii_digit()));
  let ts = v["created_at"].as_str().unwrap();
  assert!(ts.ends_with('Z') && ts.len() == 27, "{ts}");
}

#[tokio::test]
async fn create_validation() {
  let t = T::start().await;
  let r = t
    .form(Method::POST, "/organizations", &[("description", "x")])
    .await;
  assert_eq!(r.err(), (400, "Organization name is required".into()));
  let r = t
    .form(
      Method::POST,
      "/organizations",
      &[("name", "a"), ("public_metadata", "{nope")],
    )
    .await;
  let (code, msg) = r.err();
  assert_eq!(code, 400);
  assert!(msg.starts_with("Invalid public metadata JSON: "), "{msg}");
  let r = t
    .form_with(
      Method::POST,
      "/organizations",
      image(b"BM..", "image/bmp", "organization_image"),
    )
    .await;
  assert_eq!(
    r.err(),
    (
      400,
      "Unsupported image format. Supported formats: JPEG, PNG, GIF, WEBP, ICO".into()
    )
  );
  let r = t
    .form_with(
      Method::POST,
      "/organizations",
      image(b"\x89PNG", "image/png", "organization_image"),
    )
    .await;
  let v = r.json();
  assert!(v["image_url"].as_str().unwrap().ends_with(&format!(
    "/organizations/{}/logo.png",
    v["id"].as_str().unwrap()
  )));
  // Not multipart at all.
  let r = t
    .json(Method::POST, "/organizations", json!({"name": "x"}))
    .await;
  assert_eq!(r.err(), (400, "Bad request".into()));
}

#[tokio::test]
async fn list_pagination_sort_search() {
  let t = T::start().await;
  for name in ["Charlie", "alpha", "Bravo"] {
    t.org(name).await;
  }
  let v = t.get("/organizations").await.json();
  assert_eq!(v["limit"], 10);
  assert_eq!(v["offset"], 0);
  assert_eq!(v["has_more"], false);
  assert!(v.get("total").is_none());
  // Default: created_at DESC.
  let names = |v: &serde_json::Value| -> Vec<String> {
    v["data"]
      .as_array()
      .unwrap()
      .iter()
      .map(|o| o["name"].as_str().unwrap().to_string())
      .collect()
  };
  assert_eq!(names(&v), ["Bravo", "alpha", "Charlie"]);
  let v = t.get("/organizations?limit=2").await.json();
  assert_eq!((names(&v).len(), v["has_more"].clone()), (2, json!(true)));
  let v = t.get("/organizations?limit=2&offset=2").await.json();
  assert_eq!(
    (names(&v), v["has_more"].clone()),
    (vec!["Charlie".to_string()], json!(false))
  );
  let v = t
    .get("/organizations?sort_key=name&sort_order=ASC")
    .await
    .json();
  assert_eq!(names(&v), ["Bravo", "Charlie", "alpha"]);
  let v = t
    .get("/organizations?sort_key=bogus&sort_order=asc")
    .await
    .json();
  assert_eq!(names(&v), ["Charlie", "alpha", "Bravo"]);
  let v = t.get("/organizations?search=%20ALP%20").await.json();
  assert_eq!(names(&v), ["alpha"]);
  let v = t.get("/organizations?limit=0").await.json();
  assert_eq!((names(&v).len(), v["has_more"].clone()), (0, json!(true)));
  assert_eq!(
    t.get("/organizations?limit=abc").await.err(),
    (400, "Bad request".into())
  );
}

#[tokio::test]
async fn details_update_delete_cascade() {
  let t = T::start().await;
  let id = t.org("Acme").await;
  let w = t
    .form(
      Method::POST,
      &format!("/organizations/{id}/workspaces"),
      &[("name", "Eng")],
    )
    .await;
  assert_eq!(w.code(), 200, "{}", w.text);
  assert_eq!(w.json()["member_count"], 0);
  let d = t.get(&format!("/organizations/{id}")).await.json();
  let roles = d["roles"].as_array().unwrap();
  assert_eq!(roles.len(), 2);
  assert_eq!(roles[0]["name"], "Admin");
  assert_eq!(roles[0]["permissions"], json!(["organization:admin"]));
  assert_eq!(roles[0]["is_deployment_level"], true);
  assert_eq!(d["workspaces"][0]["name"], "Eng");
  assert_eq!(d["segments"], json!([]));

  let r = t
    .form(
      Method::PATCH,
      &format!("/organizations/{id}"),
      &[("slug", "x")],
    )
    .await;
  assert_eq!(r.err(), (400, "No fields to update".into()));
  let before = d["updated_at"].as_str().unwrap().to_string();
  tokio::time::sleep(std::time::Duration::from_millis(5)).await;
  let u = t
    .form(
      Method::PATCH,
      &format!("/organizations/{id}"),
      &[("name", "Acme 2"), ("public_metadata", r#"{"b":2}"#)],
    )
    .await
    .json();
  assert_eq!(u["name"], "Acme 2");
  assert_eq!(u["public_metadata"], json!({"b":2}));
  assert!(u["updated_at"].as_str().unwrap() > before.as_str());
  let u = t
    .form(
      Method::PATCH,
      &format!("/organizations/{id}"),
      &[("public_metadata", r#"{"c":3}"#)],
    )
    .await
    .json();
  assert_eq!(u["public_metadata"], json!({"c":3}), "replaced, not merged");
  let r = t
    .form(Method::PATCH, "/organizations/123", &[("name", "x")])
    .await;
  assert_eq!(r.err(), (404, "Resource not found".into()));

  let user = t.user_ids()[0].clone();
  let m = t
    .json(
      Method::POST,
      &format!("/organizations/{id}/members"),
      json!({"user_id": user, "role_ids": []}),
    )
    .await;
  assert_eq!(m.code(), 200);
  t.json(
    Method::POST,
    &format!("/organizations/{id}/roles"),
    json!({"name":"R","permissions":[]}),
  )
  .await;
  t.json(
    Method::POST,
    &format!("/organizations/{id}/invitations"),
    json!({"email":"x@y.z"}),
  )
  .await;
  assert_eq!(
    t.get(&format!("/organizations/{id}")).await.json()["member_count"],
    1
  );

  let r = t.delete(&format!("/organizations/{id}")).await;
  assert_eq!((r.code(), r.json()), (200, json!({})));
  assert_eq!(
    t.get(&format!("/organizations/{id}")).await.err(),
    (404, "Organization not found".into())
  );
  assert_eq!(
    t.delete(&format!("/organizations/{id}")).await.err(),
    (404, "Organization not found".into())
  );
  let ms = t.get(&format!("/organizations/{id}/members")).await.json();
  assert_eq!(
    ms,
    json!({"data":[],"has_more":false,"limit":20,"offset":0})
  );
  let inv = t
    .get(&format!("/organizations/{id}/invitations"))
    .await
    .json();
  assert_eq!(inv, json!({"data":[],"has_more":false}));
  // The org's own role went too; deployment roles remain.
  let other = t.org("Other").await;
  let roles = t.get(&format!("/organizations/{other}/roles")).await.json();
  assert_eq!(roles["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn workspace_errors() {
  let t = T::start().await;
  let id = t.org("Acme").await;
  let r = t
    .form(
      Method::POST,
      &format!("/organizations/{id}/workspaces"),
      &[("description", "d")],
    )
    .await;
  assert_eq!(r.err(), (400, "Workspace name is required".into()));
  let r = t
    .form(
      Method::POST,
      "/organizations/1/workspaces",
      &[("name", "W")],
    )
    .await;
  assert_eq!(r.err(), (404, "Related resource not found".into()));
}

#[tokio::test]
async fn reset_and_users() {
  let t = T::start().await;
  assert_eq!(t.user_ids().len(), 3);
  let u = t
    .json(
      Method::POST,
      "/_emulator/users",
      json!({"first_name":"Linus","email":"L@X.org"}),
    )
    .await;
  assert_eq!(u.code(), 200);
  assert_eq!(u.json()["primary_email_address"], "l@x.org");
  assert_eq!(
    t.get("/_emulator/users").await.json()["data"]
      .as_array()
      .unwrap()
      .len(),
    4
  );
  t.org("A").await;
  let r = t.post_empty("/_emulator/reset").await;
  assert_eq!(r.json(), json!({}));
  assert_eq!(t.get("/organizations").await.json()["data"], json!([]));
  assert_eq!(t.user_ids().len(), 3);
  // Admin routes need the key too.
  let r = t.http.post(t.url("/_emulator/reset")).send().await.unwrap();
  assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn concurrent_creates_are_consistent() {
  let t = std::sync::Arc::new(T::start().await);
  let mut tasks = Vec::new();
  for i in 0..200 {
    let t = t.clone();
    tasks.push(tokio::spawn(
      async move { t.org(&format!("org-{i}")).await },
    ));
  }
  let mut ids = std::collections::HashSet::new();
  for task in tasks {
    ids.insert(task.await.unwrap());
  }
  assert_eq!(ids.len(), 200);
  let v = t.get("/organizations?limit=1000").await.json();
  assert_eq!(v["data"].as_array().unwrap().len(), 200);
}

#[tokio::test]
async fn url_names_loopback_when_bound_to_all_interfaces() {
  let t = crate::common::T::with(wacht_emulator::EmulatorConfig {
    host: "0.0.0.0".into(),
    ..Default::default()
  })
  .await;
  assert!(
    t.emu.url().starts_with("http://127.0.0.1:"),
    "{}",
    t.emu.url()
  );
  assert_eq!(t.get("/organizations").await.code(), 200);
}
