use reqwest::Method;
use serde_json::json;

use crate::common::T;

#[tokio::test]
async fn roles_crud() {
  let t = T::start().await;
  let org = t.org("Acme").await;
  let p = format!("/organizations/{org}/roles");
  let list = t.get(&p).await.json();
  assert_eq!(list["has_more"], false);
  assert!(list.get("limit").is_none());
  let names: Vec<_> = list["data"]
    .as_array()
    .unwrap()
    .iter()
    .map(|r| r["name"].clone())
    .collect();
  assert_eq!(names, [json!("Admin"), json!("Member")]);
  let admin = list["data"][0]["id"].as_str().unwrap().to_string();

  let r = t
    .json(
      Method::POST,
      &p,
      json!({"name":"Editor","permissions":["docs:write"]}),
    )
    .await
    .json();
  let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
  assert_eq!(
    keys,
    [
      "id",
      "created_at",
      "updated_at",
      "name",
      "permissions",
      "is_deployment_level"
    ]
  );
  assert_eq!(r["is_deployment_level"], false);
  let rid = r["id"].as_str().unwrap().to_string();
  let dup = t
    .json(Method::POST, &p, json!({"name":"Editor","permissions":[]}))
    .await;
  assert_eq!(
    dup.err(),
    (400, "Role with this name already exists".into())
  );
  let missing = t.json(Method::POST, &p, json!({"name":"X"})).await;
  assert_eq!(missing.err(), (422, "Invalid request payload".into()));
  let r = t
    .json(
      Method::POST,
      "/organizations/5/roles",
      json!({"name":"X","permissions":[]}),
    )
    .await;
  assert_eq!(r.err(), (404, "Organization not found".into()));
  assert_eq!(
    t.get("/organizations/5/roles").await.err(),
    (404, "Organization not found".into())
  );

  let rp = format!("{p}/{rid}");
  assert_eq!(
    t.json(Method::PATCH, &rp, json!({})).await.err(),
    (400, "No fields to update".into())
  );
  let u = t
    .json(Method::PATCH, &rp, json!({"permissions":["a","b"]}))
    .await
    .json();
  assert_eq!(
    (u["name"].clone(), u["permissions"].clone()),
    (json!("Editor"), json!(["a", "b"]))
  );
  let r = t
    .json(
      Method::PATCH,
      &format!("{p}/{admin}"),
      json!({"name":"Boss"}),
    )
    .await;
  assert_eq!(r.err(), (404, "Organization role not found".into()));
  let other = t.org("Other").await;
  let r = t
    .json(
      Method::PATCH,
      &format!("/organizations/{other}/roles/{rid}"),
      json!({"name":"Y"}),
    )
    .await;
  assert_eq!(r.err(), (404, "Organization role not found".into()));
  assert_eq!(
    t.delete(&format!("{p}/{admin}")).await.err(),
    (404, "Organization role not found".into())
  );

  // Deleting a role takes it off members.
  let user = t.user_ids()[0].clone();
  let m = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/members"),
      json!({"user_id":user,"role_ids":[rid]}),
    )
    .await;
  assert_eq!(m.json()["roles"][0]["name"], "Editor");
  assert_eq!(t.delete(&rp).await.json(), json!({}));
  assert_eq!(
    t.delete(&rp).await.err(),
    (404, "Organization role not found".into())
  );
  let ms = t.get(&format!("/organizations/{org}/members")).await.json();
  assert_eq!(ms["data"][0]["roles"], json!([]));
}
