//! All emulator data, held behind one lock (see `Store`), plus the set of rows a
//! mutation changed so persistence can write exactly those.

use std::collections::BTreeMap;

use serde_json::json;

use super::models::*;
use crate::ids::{now, IdGen};

/// Which collection a row belongs to (also the `kind` column in SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
  User,
  Org,
  Workspace,
  Role,
  Member,
  Invitation,
}

impl Kind {
  pub const ALL: [Kind; 6] = [
    Kind::User,
    Kind::Org,
    Kind::Workspace,
    Kind::Role,
    Kind::Member,
    Kind::Invitation,
  ];

  pub fn as_str(self) -> &'static str {
    match self {
      Kind::User => "user",
      Kind::Org => "organization",
      Kind::Workspace => "workspace",
      Kind::Role => "role",
      Kind::Member => "member",
      Kind::Invitation => "invitation",
    }
  }

  pub fn parse(s: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| k.as_str() == s)
  }
}

#[derive(Debug, Default)]
pub struct State {
  pub ids: IdGen,
  pub users: BTreeMap<i64, User>,
  pub orgs: BTreeMap<i64, Organization>,
  pub workspaces: BTreeMap<i64, Workspace>,
  pub roles: BTreeMap<i64, Role>,
  pub members: BTreeMap<i64, Member>,
  pub invitations: BTreeMap<i64, Invitation>,
  /// Rows changed since the last flush (created, updated or deleted).
  pub dirty: Vec<(Kind, i64)>,
}

/// The demo users seeded at start (first, last, username, email, phone).
const DEMO_USERS: [(&str, &str, &str, &str, &str); 3] = [
  ("Ada", "Lovelace", "ada", "ada@example.com", "+447700900001"),
  (
    "Grace",
    "Hopper",
    "grace",
    "grace@example.com",
    "+12025550102",
  ),
  (
    "Alan",
    "Turing",
    "alan",
    "alan@example.com",
    "+447700900003",
  ),
];

impl State {
  /// An empty state (used before loading a data file).
  pub fn empty() -> State {
    State::default()
  }

  /// The initial state: the deployment-level roles and, optionally, demo users.
  pub fn initial(seed_users: bool) -> State {
    let mut s = State::empty();
    s.seed(seed_users);
    s
  }

  pub fn seed(&mut self, seed_users: bool) {
    for (name, perm) in [
      ("Admin", "organization:admin"),
      ("Member", "organization:member"),
    ] {
      let id = self.ids.next();
      let t = now();
      self.roles.insert(
        id,
        Role {
          id,
          organization_id: None,
          created_at: t,
          updated_at: t,
          name: name.to_string(),
          permissions: vec![perm.to_string()],
          key: Some(format!("org:{}", name.to_lowercase())),
          description: None,
        },
      );
      self.touch(Kind::Role, id);
    }
    if seed_users {
      for (first, last, username, email, phone) in DEMO_USERS {
        self.insert_user(NewUser {
          first_name: Some(first.into()),
          last_name: Some(last.into()),
          username: Some(username.into()),
          email: Some(email.into()),
          phone: Some(phone.into()),
        });
      }
    }
  }

  pub fn touch(&mut self, kind: Kind, id: i64) {
    self.dirty.push((kind, id));
  }

  pub fn take_dirty(&mut self) -> Vec<(Kind, i64)> {
    let mut d = std::mem::take(&mut self.dirty);
    d.sort_unstable();
    d.dedup();
    d
  }

  /// The stored JSON of a row, or `None` when it no longer exists.
  pub fn row_json(&self, kind: Kind, id: i64) -> Option<String> {
    let v = match kind {
      Kind::User => self.users.get(&id).map(serde_json::to_string),
      Kind::Org => self.orgs.get(&id).map(serde_json::to_string),
      Kind::Workspace => self.workspaces.get(&id).map(serde_json::to_string),
      Kind::Role => self.roles.get(&id).map(serde_json::to_string),
      Kind::Member => self.members.get(&id).map(serde_json::to_string),
      Kind::Invitation => self.invitations.get(&id).map(serde_json::to_string),
    };
    v.and_then(Result::ok)
  }

  /// Every row, for a full rewrite of the data file (after a reset).
  pub fn all_rows(&self) -> Vec<(Kind, i64)> {
    let mut rows = Vec::new();
    rows.extend(self.users.keys().map(|id| (Kind::User, *id)));
    rows.extend(self.orgs.keys().map(|id| (Kind::Org, *id)));
    rows.extend(self.workspaces.keys().map(|id| (Kind::Workspace, *id)));
    rows.extend(self.roles.keys().map(|id| (Kind::Role, *id)));
    rows.extend(self.members.keys().map(|id| (Kind::Member, *id)));
    rows.extend(self.invitations.keys().map(|id| (Kind::Invitation, *id)));
    rows
  }

  /// Insert one persisted row.
  pub fn load_row(&mut self, kind: Kind, json: &str) -> Result<(), serde_json::Error> {
    let id = match kind {
      Kind::User => ins(&mut self.users, json, |r: &User| r.id)?,
      Kind::Org => ins(&mut self.orgs, json, |r: &Organization| r.id)?,
      Kind::Workspace => ins(&mut self.workspaces, json, |r: &Workspace| r.id)?,
      Kind::Role => ins(&mut self.roles, json, |r: &Role| r.id)?,
      Kind::Member => ins(&mut self.members, json, |r: &Member| r.id)?,
      Kind::Invitation => ins(&mut self.invitations, json, |r: &Invitation| r.id)?,
    };
    self.ids.observe(id);
    Ok(())
  }

  pub fn insert_user(&mut self, u: NewUser) -> User {
    let id = self.ids.next();
    let t = now();
    let clean = |s: Option<String>| s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let user = User {
      id,
      created_at: t,
      updated_at: t,
      first_name: clean(u.first_name).unwrap_or_default(),
      last_name: clean(u.last_name).unwrap_or_default(),
      username: clean(u.username),
      email: clean(u.email).map(|e| e.to_lowercase()),
      phone: clean(u.phone),
    };
    self.users.insert(id, user.clone());
    self.touch(Kind::User, id);
    user
  }

  pub fn member_count(&self, org_id: i64) -> i64 {
    self
      .members
      .values()
      .filter(|m| m.organization_id == org_id)
      .count() as i64
  }

  /// A role usable in this org: deployment-level or the org's own.
  pub fn role_in_org(&self, org_id: i64, role_id: i64) -> Option<&Role> {
    self
      .roles
      .get(&role_id)
      .filter(|r| r.organization_id.is_none() || r.organization_id == Some(org_id))
  }

  pub fn users_json(&self) -> serde_json::Value {
    let data: Vec<_> = self.users.values().map(super::views::user).collect();
    json!({ "data": data })
  }
}

fn ins<T: serde::de::DeserializeOwned>(
  map: &mut BTreeMap<i64, T>,
  json: &str,
  id: impl Fn(&T) -> i64,
) -> Result<i64, serde_json::Error> {
  let row: T = serde_json::from_str(json)?;
  let k = id(&row);
  map.insert(k, row);
  Ok(k)
}
