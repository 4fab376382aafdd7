use reqwest::Method;
use serde_json::json;

use crate::common::T;

#[tokio::test]
async fn invitations_flow() {
  let t = T::start().await;
  let org = t.org("Acme").await;
  let p = format!("/organizations/{org}/invitations");
  let s = t
    .json(Method::POST, &p, json!({"email":"  New@Example.COM "}))
    .await;
  assert_eq!(s.code(), 200, "{}", s.text);
  let s = s.json();
  let keys: Vec<&String> = s.as_object().unwrap().keys().collect();
  assert_eq!(
    keys,
    [
      "id",
      "token",
      "email",
      "organization_id",
      "organization_name",
      "workspace_id"
    ]
  );
  assert_eq!(s["email"], "new@example.com");
  assert_eq!(s["organization_name"], "Acme");
  assert_eq!(s["workspace_id"], json!(null));
  let token = s["token"].as_str().unwrap();
  assert!(token.starts_with("org.") && token.len() == 68);
  assert!(token[4..]
    .chars()
    .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));

  let dup = t
    .json(Method::POST, &p, json!({"email":"new@example.com"}))
    .await;
  assert_eq!(
    dup.err(),
    (
      409,
      "an invitation for this email is already pending".into()
    )
  );
  let user = t.user_ids()[0].clone();
  t.json(
    Method::POST,
    &format!("/organizations/{org}/members"),
    json!({"user_id":user,"role_ids":[]}),
  )
  .await;
  let mem = t
    .json(Method::POST, &p, json!({"email":"ADA@example.com"}))
    .await;
  assert_eq!(
    mem.err(),
    (
      409,
      "this email already belongs to a member of the organization".into()
    )
  );
  assert_eq!(
    t.json(Method::POST, &p, json!({})).await.err(),
    (400, "email is required".into())
  );
  let r = t
    .json(
      Method::POST,
      "/organizations/3/invitations",
      json!({"email":"a@b.c"}),
    )
    .await;
  assert_eq!(r.err(), (404, "organization not found".into()));
  let r = t
    .json(
      Method::POST,
      &p,
      json!({"email":"a@b.c","workspace_id":"77"}),
    )
    .await;
  assert_eq!(
    r.err(),
    (400, "workspace does not belong to this organization".into())
  );

  let ws = t
    .form(
      Method::POST,
      &format!("/organizations/{org}/workspaces"),
      &[("name", "Eng")],
    )
    .await
    .json();
  let wid = ws["id"].as_str().unwrap().to_string();
  let roles = t.get(&format!("/organizations/{org}/roles")).await.json();
  let member_role = roles["data"][1]["id"].clone();
  let second = t
    .json(
      Method::POST,
      &p,
      json!({"email":"w@example.com","workspace_id":wid,"role_id":member_role,"expiry_days":1}),
    )
    .await
    .json();
  assert_eq!(second["workspace_id"], json!(wid));

  let list = t.get(&p).await.json();
  assert_eq!(list["has_more"], false);
  let data = list["data"].as_array().unwrap();
  assert_eq!(data.len(), 2);
  assert_eq!(data[0]["email"], "w@example.com", "newest first");
  assert_eq!(data[0]["initial_organization_role_name"], "Member");
  assert_eq!(data[0]["workspace_name"], "Eng");
  assert_eq!(data[0]["expired"], false);
  assert_eq!(data[1]["inviter_id"], json!(null));
  let keys: Vec<&String> = data[0].as_object().unwrap().keys().collect();
  assert_eq!(
    keys,
    [
      "id",
      "created_at",
      "updated_at",
      "organization_id",
      "email",
      "initial_organization_role_id",
      "initial_organization_role_name",
      "inviter_id",
      "workspace_id",
      "workspace_name",
      "initial_workspace_role_id",
      "initial_workspace_role_name",
      "expired",
      "expiry",
      "token"
    ]
  );
  let only_ws = t.get(&format!("{p}?workspace_id={wid}")).await.json();
  assert_eq!(only_ws["data"].as_array().unwrap().len(), 1);

  let iid = s["id"].as_str().unwrap();
  let d = format!("{p}/{iid}/discard");
  assert_eq!(t.post_empty(&d).await.json(), json!({}));
  assert_eq!(
    t.post_empty(&d).await.err(),
    (404, "invitation not found".into())
  );
  assert_eq!(t.get(&p).await.json()["data"].as_array().unwrap().len(), 1);
  assert_eq!(
    t.get(&format!("{p}?include_deleted=true")).await.json()["data"]
      .as_array()
      .unwrap()
      .len(),
    2
  );
  // Discarded: the same email can be invited again.
  assert_eq!(
    t.json(Method::POST, &p, json!({"email":"new@example.com"}))
      .await
      .code(),
    200
  );
  assert_eq!(
    t.get("/organizations/9/invitations").await.json(),
    json!({"data":[],"has_more":false})
  );
}
