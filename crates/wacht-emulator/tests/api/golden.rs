//! Byte-exact response bodies (key order, formats, nulls, string ids) for a fixed state.
//! Ids, timestamps and invitation tokens vary per run, so only their *shape* is
//! normalised: `"<id>"`, `"<ts>"`, `"<token>"`. Everything else is compared verbatim.

use reqwest::Method;
use serde_json::json;

use crate::common::T;

/// Replace each JSON string literal that is an id, a timestamp or a token by a marker.
/// A string that only *looks* close (wrong digit count, no `Z`) is left as is, so a
/// format change shows up as a diff.
fn normalise(body: &str) -> String {
  let mut out = String::with_capacity(body.len());
  let mut rest = body;
  while let Some(start) = rest.find('"') {
    out.push_str(&rest[..start]);
    let after = &rest[start + 1..];
    let end = string_end(after);
    let s = &after[..end];
    let marker = if s.len() >= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
      "<id>"
    } else if is_ts(s) {
      "<ts>"
    } else if s.len() == 68
      && s.starts_with("org.")
      && s[4..].bytes().all(|b| b.is_ascii_hexdigit())
    {
      "<token>"
    } else {
      s
    };
    out.push('"');
    out.push_str(marker);
    out.push('"');
    rest = &after[end + 1..];
  }
  out.push_str(rest);
  out
}

/// Index of the closing quote of a JSON string whose opening quote was just consumed.
fn string_end(s: &str) -> usize {
  let b = s.as_bytes();
  let mut i = 0;
  while b[i] != b'"' {
    i += if b[i] == b'\\' { 2 } else { 1 };
  }
  i
}

/// `2026-06-29T10:20:30.123456Z`: exactly 6 fractional digits and a `Z`.
fn is_ts(s: &str) -> bool {
  let b = s.as_bytes();
  b.len() == 27
    && b.iter().enumerate().all(|(i, c)| match i {
      4 | 7 => *c == b'-',
      10 => *c == b'T',
      13 | 16 => *c == b':',
      19 => *c == b'.',
      26 => *c == b'Z',
      _ => c.is_ascii_digit(),
    })
}

async fn body(t: &T, path: &str) -> String {
  let r = t.get(path).await;
  assert_eq!(r.code(), 200, "{}", r.text);
  assert_eq!(r.headers["content-type"], "application/json");
  normalise(&r.text)
}

#[tokio::test]
async fn response_bodies_are_byte_exact() {
  let t = T::start().await;
  let r = t
    .form(
      Method::POST,
      "/organizations",
      &[
        ("name", "Acme \"Rockets\" ünïcode"),
        ("description", "Line1\nLine2 <&>"),
        (
          "public_metadata",
          r#"{"tier":"gold","seats":10,"ratio":1.5,"nested":{"z":null,"a":[true,"x"]}}"#,
        ),
        ("private_metadata", r#"{"b":2,"a":1}"#),
      ],
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let created = normalise(&r.text);
  let org = r.json()["id"].as_str().unwrap().to_string();
  t.org("Plain").await;

  let roles = t.get(&format!("/organizations/{org}/roles")).await.json();
  let admin = roles["data"][0]["id"].as_str().unwrap().to_string();
  let r = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/roles"),
      json!({"name":"Billing","key":"org:billing","description":"d","permissions":["billing:read","billing:write"]}),
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let role = normalise(&r.text);
  let billing = r.json()["id"].as_str().unwrap().to_string();

  let r = t
    .form(
      Method::POST,
      &format!("/organizations/{org}/workspaces"),
      &[("name", "Eng"), ("public_metadata", r#"{"k":"v"}"#)],
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let wid = r.json()["id"].as_str().unwrap().to_string();

  let users = t.user_ids();
  let r = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/members"),
      json!({"user_id": users[0], "role_ids": [admin, billing], "public_metadata": {"m": 1}}),
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let member = normalise(&r.text);

  let r = t
    .json(
      Method::POST,
      &format!("/organizations/{org}/invitations"),
      json!({"email":"W@Example.com","workspace_id":wid,"role_id":billing,"expiry_days":1}),
    )
    .await;
  assert_eq!(r.code(), 200, "{}", r.text);
  let invitation = normalise(&r.text);
  t.json(
    Method::POST,
    &format!("/organizations/{org}/invitations"),
    json!({"email":"plain@example.com"}),
  )
  .await;

  let list = body(&t, "/organizations?limit=100").await;
  let details = body(&t, &format!("/organizations/{org}")).await;
  let members = body(&t, &format!("/organizations/{org}/members")).await;
  let role_list = body(&t, &format!("/organizations/{org}/roles")).await;
  let invitations = body(&t, &format!("/organizations/{org}/invitations")).await;

  let got = [
    created,
    role,
    member,
    invitation,
    list,
    details,
    members,
    role_list,
    invitations,
  ];
  let want = [
    // created organization
    r#"{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Acme \"Rockets\" ünïcode","image_url":"","description":"Line1\nLine2 <&>","member_count":0,"public_metadata":{"tier":"gold","seats":10,"ratio":1.5,"nested":{"z":null,"a":[true,"x"]}},"private_metadata":{"b":2,"a":1}}"#,
    // created role
    r#"{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Billing","permissions":["billing:read","billing:write"],"is_deployment_level":false}"#,
    // added member
    r#"{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","organization_id":"<id>","user_id":"<id>","roles":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Admin","permissions":["organization:admin"],"is_deployment_level":false},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Billing","permissions":["billing:read","billing:write"],"is_deployment_level":false}],"public_metadata":{},"first_name":"Ada","last_name":"Lovelace","username":"ada","primary_email_address":"ada@example.com","primary_phone_number":"+447700900001","user_created_at":"<ts>"}"#,
    // created invitation
    r#"{"id":"<id>","token":"<token>","email":"w@example.com","organization_id":"<id>","organization_name":"Acme \"Rockets\" ünïcode","workspace_id":"<id>"}"#,
    // organization list page
    r#"{"data":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Plain","image_url":"","description":"","member_count":0,"public_metadata":{},"private_metadata":{}},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Acme \"Rockets\" ünïcode","image_url":"","description":"Line1\nLine2 <&>","member_count":1,"public_metadata":{"tier":"gold","seats":10,"ratio":1.5,"nested":{"z":null,"a":[true,"x"]}},"private_metadata":{"b":2,"a":1}}],"has_more":false,"limit":100,"offset":0}"#,
    // organization details
    r#"{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Acme \"Rockets\" ünïcode","image_url":"","description":"Line1\nLine2 <&>","member_count":1,"public_metadata":{"tier":"gold","seats":10,"ratio":1.5,"nested":{"z":null,"a":[true,"x"]}},"private_metadata":{"b":2,"a":1},"roles":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Admin","permissions":["organization:admin"],"is_deployment_level":true},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Member","permissions":["organization:member"],"is_deployment_level":true},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Billing","permissions":["billing:read","billing:write"],"is_deployment_level":false}],"workspaces":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Eng","image_url":"","description":"","member_count":0,"public_metadata":{"k":"v"},"private_metadata":{}}],"segments":[]}"#,
    // member list
    r#"{"data":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","organization_id":"<id>","user_id":"<id>","roles":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Admin","permissions":["organization:admin"],"is_deployment_level":true},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Billing","permissions":["billing:read","billing:write"],"is_deployment_level":false}],"public_metadata":{},"first_name":"Ada","last_name":"Lovelace","username":"ada","primary_email_address":"ada@example.com","primary_phone_number":"+447700900001","user_created_at":"<ts>"}],"has_more":false,"limit":20,"offset":0}"#,
    // role list
    r#"{"data":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Admin","permissions":["organization:admin"],"is_deployment_level":true},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Member","permissions":["organization:member"],"is_deployment_level":true},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","name":"Billing","permissions":["billing:read","billing:write"],"is_deployment_level":false}],"has_more":false}"#,
    // invitation list
    r#"{"data":[{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","organization_id":"<id>","email":"plain@example.com","initial_organization_role_id":null,"initial_organization_role_name":null,"inviter_id":null,"workspace_id":null,"workspace_name":null,"initial_workspace_role_id":null,"initial_workspace_role_name":null,"expired":false,"expiry":"<ts>","token":"<token>"},{"id":"<id>","created_at":"<ts>","updated_at":"<ts>","organization_id":"<id>","email":"w@example.com","initial_organization_role_id":"<id>","initial_organization_role_name":"Billing","inviter_id":null,"workspace_id":"<id>","workspace_name":"Eng","initial_workspace_role_id":null,"initial_workspace_role_name":null,"expired":false,"expiry":"<ts>","token":"<token>"}],"has_more":false}"#,
  ];
  for (g, w) in got.iter().zip(want) {
    assert_eq!(g, w);
  }
}
