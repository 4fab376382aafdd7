//! Request inputs, already decoded. JSON ones deserialize like the real DTOs:
//! unknown fields ignored, ids accepted as strings or numbers.

use serde::{de, Deserialize, Deserializer};
use serde_json::Value;

/// An id given as a JSON string or number; a non-numeric string is a type error (→ 422).
fn parse_id<E: de::Error>(v: &Value) -> Result<i64, E> {
  match v {
    Value::Number(n) => n.as_i64().ok_or_else(|| E::custom("id must be an integer")),
    Value::String(s) => s
      .trim()
      .parse::<i64>()
      .map_err(|_| E::custom("id must be numeric")),
    _ => Err(E::custom("id must be a string or a number")),
  }
}

pub fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
  parse_id(&Value::deserialize(d)?)
}

pub fn de_opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
  match Option::<Value>::deserialize(d)? {
    None | Some(Value::Null) => Ok(None),
    Some(v) => parse_id(&v).map(Some),
  }
}

pub fn de_opt_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<i64>>, D::Error> {
  match Option::<Vec<Value>>::deserialize(d)? {
    None => Ok(None),
    Some(vs) => vs.iter().map(parse_id).collect::<Result<_, _>>().map(Some),
  }
}

/// Multipart fields of create/update organization and create workspace.
#[derive(Debug, Default, Clone)]
pub struct EntityInput {
  pub name: Option<String>,
  pub description: Option<String>,
  pub public_metadata: Option<Value>,
  pub private_metadata: Option<Value>,
  pub remove_image: bool,
  /// File extension of an uploaded, supported image.
  pub image_ext: Option<&'static str>,
}

impl EntityInput {
  pub fn is_empty(&self) -> bool {
    self.name.is_none()
      && self.description.is_none()
      && self.public_metadata.is_none()
      && self.private_metadata.is_none()
      && !self.remove_image
      && self.image_ext.is_none()
  }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListOrgsQuery {
  pub limit: Option<i32>,
  pub offset: Option<i64>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
  pub search: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListMembersQuery {
  pub limit: Option<i32>,
  pub offset: Option<i64>,
  pub search: Option<String>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListInvitationsQuery {
  pub workspace_id: Option<i64>,
  #[serde(default)]
  pub include_deleted: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AddMember {
  #[serde(deserialize_with = "de_id")]
  pub user_id: i64,
  #[serde(default, deserialize_with = "de_opt_ids")]
  pub role_ids: Option<Vec<i64>>,
  /// Lenient alias used by the documented examples (`"org:admin"`).
  #[serde(default)]
  pub role: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct UpdateMember {
  #[serde(default, deserialize_with = "de_opt_ids")]
  pub role_ids: Option<Vec<i64>>,
  #[serde(default)]
  pub role: Option<String>,
  #[serde(default)]
  pub public_metadata: Option<Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NewRole {
  pub name: String,
  pub permissions: Vec<String>,
  #[serde(default)]
  pub key: Option<String>,
  #[serde(default)]
  pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct RoleUpdate {
  #[serde(default)]
  pub name: Option<String>,
  #[serde(default)]
  pub permissions: Option<Vec<String>>,
  #[serde(default)]
  pub key: Option<String>,
  #[serde(default)]
  pub description: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct NewInvitation {
  #[serde(default)]
  pub email: Option<String>,
  #[serde(default, deserialize_with = "de_opt_id")]
  pub role_id: Option<i64>,
  #[serde(default, deserialize_with = "de_opt_id")]
  pub workspace_id: Option<i64>,
  #[serde(default, deserialize_with = "de_opt_id")]
  pub workspace_role_id: Option<i64>,
  #[serde(default)]
  pub expiry_days: Option<i64>,
}
