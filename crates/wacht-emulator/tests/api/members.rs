use reqwest::Method;
use serde_json::json;

use crate::common::T;

async fn setup() -> (T, String, Vec<String>) {
  let t = T::start().await;
  let org = t.org("Acme").await;
  let users = t.user_ids();
  (t, org, users)
}

fn role_names(m: &serde_json::Value) -> Vec<String> {
  m["roles"]
    .as_array()
    .unwrap()
    .iter()
    .map(|r| r["name"].as_str().unwrap().to_string())
    .collect()
}

#[tokio::test]
async fn add_member_shapes_and_errors() {
  let (t, org, users) = setup().await;
  let p = format!("/organizations/{org}/members");
  let roles = t.get(&format!("/organizations/{org}/roles")).await.json();
  let admin = roles["data"][0]["id"].as_str().unwrap().to_string();
  let r = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[0], "role_ids": [admin]}),
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let m = r.json();
  let keys: Vec<&String> = m.as_object().unwrap().keys().collect();
  assert_eq!(
    keys,
    [
      "id",
      "created_at",
      "updated_at",
      "organization_id",
      "user_id",
      "roles",
      "public_metadata",
      "first_name",
      "last_name",
      "username",
      "primary_email_address",
      "primary_phone_number",
      "user_created_at"
    ]
  );
  assert_eq!(m["first_name"], "Ada");
  assert_eq!(role_names(&m), ["Admin"]);
  // Real quirk: the add response marks roles non-deployment-level.
  assert_eq!(m["roles"][0]["is_deployment_level"], false);

  let r = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[0], "role_ids": []}),
    )
    .await;
  assert_eq!(
    r.err(),
    (400, "User is already a member of this organization".into())
  );
  let r = t
    .json(Method::POST, &p, json!({"user_id": "42", "role_ids": []}))
    .await;
  assert_eq!(r.err(), (404, "User not found".into()));
  let r = t
    .json(
      Method::POST,
      "/organizations/42/members",
      json!({"user_id": users[1], "role_ids": []}),
    )
    .await;
  assert_eq!(r.err(), (404, "Organization not found".into()));
  let r = t.json(Method::POST, &p, json!({"user_id": users[1]})).await;
  assert_eq!(r.err(), (422, "Invalid request payload".into()));
  let r = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": "usr_abc", "role_ids": []}),
    )
    .await;
  assert_eq!(r.err(), (422, "Invalid request payload".into()));
  let r = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[1], "role_ids": ["999"]}),
    )
    .await;
  assert_eq!(r.err(), (404, "Related resource not found".into()));
  // Numeric ids work as well as strings.
  let num: i64 = users[1].parse().unwrap();
  let r = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": num, "role": "org:member"}),
    )
    .await;
  assert_eq!(role_names(&r.json()), ["Member"]);
}

#[tokio::test]
async fn role_alias_resolution() {
  let (t, org, users) = setup().await;
  let p = format!("/organizations/{org}/members");
  let billing = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/roles"),
      json!({"name":"Billing Manager","key":"org:billing_manager","description":"d","permissions":["billing"]}),
    )
    .await
    .json();
  assert!(billing.get("key").is_none() && billing.get("description").is_none());
  let m = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[0], "role": "org:admin"}),
    )
    .await
    .json();
  assert_eq!(role_names(&m), ["Admin"]);
  let m = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[1], "role": "org:billing_manager"}),
    )
    .await
    .json();
  assert_eq!(role_names(&m), ["Billing Manager"]);
  let m = t
    .json(
      Method::POST,
      &p,
      json!({"user_id": users[2], "role": "billing manager"}),
    )
    .await
    .json();
  assert_eq!(role_names(&m), ["Billing Manager"]);
}

#[tokio::test]
async fn list_search_sort_update_remove() {
  let (t, org, users) = setup().await;
  let p = format!("/organizations/{org}/members");
  let mut mids = Vec::new();
  for u in &users {
    let m = t
      .json(
        Method::POST,
        &p,
        json!({"user_id": u, "role": "org:member"}),
      )
      .await
      .json();
    mids.push(m["id"].as_str().unwrap().to_string());
  }
  let list = t.get(&p).await.json();
  assert_eq!(list["limit"], 20);
  assert_eq!(list["data"].as_array().unwrap().len(), 3);
  assert_eq!(
    list["data"][0]["first_name"], "Alan",
    "created_at DESC by default"
  );
  assert_eq!(list["data"][0]["roles"][0]["is_deployment_level"], true);
  let first = |v: &serde_json::Value| -> Vec<String> {
    v["data"]
      .as_array()
      .unwrap()
      .iter()
      .map(|m| m["first_name"].as_str().unwrap().to_string())
      .collect()
  };
  assert_eq!(
    first(
      &t.get(&format!("{p}?sort_key=first_name&sort_order=asc"))
        .await
        .json()
    ),
    ["Ada", "Alan", "Grace"]
  );
  // Members' sort_order is case-sensitive: ASC means DESC.
  assert_eq!(
    first(
      &t.get(&format!("{p}?sort_key=first_name&sort_order=ASC"))
        .await
        .json()
    ),
    ["Grace", "Alan", "Ada"]
  );
  assert_eq!(
    first(&t.get(&format!("{p}?search=HOPPER")).await.json()),
    ["Grace"]
  );
  assert_eq!(
    first(&t.get(&format!("{p}?search=grace%40example")).await.json()),
    ["Grace"]
  );
  assert_eq!(
    first(&t.get(&format!("{p}?search=turing")).await.json()),
    ["Alan"]
  );
  let page = t.get(&format!("{p}?limit=2&offset=0")).await.json();
  assert_eq!(page["has_more"], true);
  // Unknown org: 200 with an empty page (faithful).
  let empty = t.get("/organizations/1/members").await.json();
  assert_eq!(
    empty,
    json!({"data":[],"has_more":false,"limit":20,"offset":0})
  );

  let mp = format!("{p}/{}", mids[0]);
  assert_eq!(
    t.json(Method::PATCH, &mp, json!({})).await.json(),
    json!({})
  );
  assert_eq!(
    t.json(Method::PATCH, &mp, json!({"role": "org:admin"}))
      .await
      .json(),
    json!({})
  );
  let ada = |v: serde_json::Value| {
    v["data"]
      .as_array()
      .unwrap()
      .iter()
      .find(|m| m["first_name"] == "Ada")
      .cloned()
      .unwrap()
  };
  assert_eq!(role_names(&ada(t.get(&p).await.json())), ["Admin"]);
  let roles = t.get(&format!("/organizations/{org}/roles")).await.json();
  let (admin, member) = (
    roles["data"][0]["id"].clone(),
    roles["data"][1]["id"].clone(),
  );
  t.json(
    Method::PATCH,
    &mp,
    json!({"role_ids": [admin, member], "public_metadata": {"x":1}}),
  )
  .await;
  let a = ada(t.get(&p).await.json());
  assert_eq!(role_names(&a), ["Admin", "Member"]);
  assert_eq!(a["public_metadata"], json!({"x":1}));
  let r = t.json(Method::PATCH, &format!("{p}/1"), json!({})).await;
  assert_eq!(r.err(), (404, "Organization membership not found".into()));

  // Member-role assign/remove.
  let rp = format!("{mp}/roles/{}", admin.as_str().unwrap());
  t.delete(&rp).await;
  assert_eq!(t.post_empty(&rp).await.json(), json!({}));
  assert_eq!(t.post_empty(&rp).await.json(), json!({}), "idempotent");
  assert_eq!(t.delete(&rp).await.json(), json!({}));
  assert_eq!(
    t.delete(&rp).await.err(),
    (404, "role not assigned to this membership".into())
  );
  assert_eq!(
    t.post_empty(&format!("{mp}/roles/5")).await.err(),
    (404, "role not found in this organization".into())
  );
  assert_eq!(
    t.post_empty(&format!("{p}/5/roles/{}", admin.as_str().unwrap()))
      .await
      .err(),
    (404, "organization membership not found".into())
  );

  assert_eq!(t.delete(&mp).await.json(), json!({}));
  assert_eq!(
    t.delete(&mp).await.err(),
    (404, "Organization membership not found".into())
  );
  assert_eq!(t.get(&p).await.json()["data"].as_array().unwrap().len(), 2);
  assert_eq!(
    t.get(&format!("/organizations/{org}")).await.json()["member_count"],
    2
  );
}
