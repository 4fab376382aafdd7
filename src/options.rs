//! Plain objects that cross from JS, already checked by the JS layer (lib/validate.js).

use std::collections::HashMap;
use std::time::Duration;

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

#[napi(object)]
pub struct NativeConfig {
  /// Absolute http(s) URL; a path in it is kept.
  pub base_url: String,
  pub api_key: Option<String>,
  /// Per-attempt timeout in milliseconds (default 30000).
  pub timeout: Option<f64>,
  /// Overall deadline of one call in milliseconds, across retries (default: none).
  pub total_timeout: Option<f64>,
  /// Retries after the first attempt (default 2).
  pub max_retries: Option<u32>,
  pub headers: Option<HashMap<String, String>>,
  pub user_agent: String,
  /// A PEM file of extra trusted roots (`NODE_EXTRA_CA_CERTS`).
  pub extra_ca_certs_file: Option<String>,
  /// `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY` as read from `process.env`.
  pub http_proxy: Option<String>,
  pub https_proxy: Option<String>,
  pub no_proxy: Option<String>,
}

#[napi(object)]
pub struct CallOptions {
  pub timeout: Option<f64>,
  pub total_timeout: Option<f64>,
  pub max_retries: Option<u32>,
  pub headers: Option<HashMap<String, String>>,
  pub idempotency_key: Option<String>,
}

#[napi(object)]
pub struct ListOrganizationsOptions {
  pub limit: Option<i64>,
  pub offset: Option<i64>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
  pub search: Option<String>,
}

#[napi(object)]
pub struct ListMembersOptions {
  pub limit: Option<i64>,
  pub offset: Option<i64>,
  pub search: Option<String>,
  pub sort_key: Option<String>,
  pub sort_order: Option<String>,
}

#[napi(object)]
pub struct ListInvitationsOptions {
  pub workspace_id: Option<String>,
  pub include_deleted: Option<bool>,
}

/// Multipart fields; metadata is already JSON text.
#[napi(object)]
pub struct EntityForm {
  pub name: Option<String>,
  pub description: Option<String>,
  pub public_metadata: Option<String>,
  pub private_metadata: Option<String>,
  pub remove_image: Option<bool>,
  pub image: Option<Buffer>,
  pub image_filename: Option<String>,
  pub image_content_type: Option<String>,
}

pub fn millis(ms: Option<f64>) -> Option<Duration> {
  ms.filter(|v| v.is_finite() && *v > 0.0)
    .map(|v| Duration::from_secs_f64(v / 1000.0))
}

pub fn header_pairs(headers: Option<HashMap<String, String>>) -> Vec<(String, String)> {
  headers.map(|h| h.into_iter().collect()).unwrap_or_default()
}

impl From<ListOrganizationsOptions> for wacht::organizations::ListOrganizationsQuery {
  fn from(o: ListOrganizationsOptions) -> Self {
    Self {
      limit: o.limit,
      offset: o.offset,
      sort_key: o.sort_key,
      sort_order: o.sort_order,
      search: o.search,
    }
  }
}

impl From<ListMembersOptions> for wacht::organizations::ListMembersQuery {
  fn from(o: ListMembersOptions) -> Self {
    Self {
      limit: o.limit,
      offset: o.offset,
      search: o.search,
      sort_key: o.sort_key,
      sort_order: o.sort_order,
    }
  }
}

impl From<ListInvitationsOptions> for wacht::organizations::ListInvitationsQuery {
  fn from(o: ListInvitationsOptions) -> Self {
    Self {
      workspace_id: o.workspace_id,
      include_deleted: o.include_deleted,
    }
  }
}

impl From<EntityForm> for wacht::organizations::EntityForm {
  fn from(f: EntityForm) -> Self {
    let image = f.image.map(|bytes| wacht::FilePart {
      bytes: bytes::Bytes::copy_from_slice(&bytes),
      filename: f.image_filename.unwrap_or_else(|| "blob".to_string()),
      content_type: f
        .image_content_type
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "application/octet-stream".into()),
    });
    Self {
      name: f.name,
      description: f.description,
      public_metadata: f.public_metadata,
      private_metadata: f.private_metadata,
      remove_image: f.remove_image,
      image,
    }
  }
}
