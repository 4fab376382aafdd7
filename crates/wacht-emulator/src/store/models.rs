//! The emulator's records. These are the stored shapes (also persisted as JSON);
//! the wire shapes are built in `views.rs` so field order matches the real server.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
  pub id: i64,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub first_name: String,
  pub last_name: String,
  pub username: Option<String>,
  pub email: Option<String>,
  pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Organization {
  pub id: i64,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub name: String,
  pub image_url: String,
  pub description: String,
  pub public_metadata: Value,
  pub private_metadata: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Workspace {
  pub id: i64,
  pub organization_id: i64,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub name: String,
  pub image_url: String,
  pub description: String,
  pub public_metadata: Value,
  pub private_metadata: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Role {
  pub id: i64,
  /// `None` for deployment-level roles (Admin, Member), visible in every org.
  pub organization_id: Option<i64>,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub name: String,
  pub permissions: Vec<String>,
  /// Not on the wire; kept so a lenient `role: "org:billing"` alias can be resolved.
  pub key: Option<String>,
  pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Member {
  pub id: i64,
  pub organization_id: i64,
  pub user_id: i64,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub role_ids: Vec<i64>,
  pub public_metadata: Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invitation {
  pub id: i64,
  pub organization_id: i64,
  pub created_at: DateTime<Utc>,
  pub updated_at: DateTime<Utc>,
  pub email: String,
  pub role_id: Option<i64>,
  pub workspace_id: Option<i64>,
  pub workspace_role_id: Option<i64>,
  pub expiry: Option<DateTime<Utc>>,
  pub token: String,
  /// Discarding soft-deletes.
  pub deleted_at: Option<DateTime<Utc>>,
}

/// A user to add through the test API. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
  #[serde(default, alias = "first_name")]
  pub first_name: Option<String>,
  #[serde(default, alias = "last_name")]
  pub last_name: Option<String>,
  #[serde(default)]
  pub username: Option<String>,
  #[serde(default, alias = "email_address", alias = "primary_email_address")]
  pub email: Option<String>,
  #[serde(default, alias = "phone_number", alias = "primary_phone_number")]
  pub phone: Option<String>,
}
