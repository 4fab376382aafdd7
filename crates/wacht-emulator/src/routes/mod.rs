//! The HTTP surface: the organizations API at the root, `/health`, and `/_emulator/*`.

mod admin;
mod invitations;
mod members;
mod middleware;
mod multipart;
mod organizations;
mod roles;
mod workspaces;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Serialize;

use crate::errors::{json_response, ApiResult};
use crate::shared::Shared;

pub type AppState = Arc<Shared>;

/// Admin routes start with this and are never faulted.
pub const ADMIN_PREFIX: &str = "/_emulator/";

/// A 200 `application/json` response, the only success status the real API uses.
/// Read routes call this under the read lock, so views can borrow from the store.
pub fn ok(v: ApiResult<impl Serialize>) -> ApiResult<Response> {
  v.map(|v| json_response(StatusCode::OK, &v))
}

pub fn router(shared: AppState) -> Router {
  let orgs = "/organizations/{organization_id}";
  Router::new()
    .route("/health", get(health))
    .route(
      "/organizations",
      get(organizations::list).post(organizations::create),
    )
    .route(
      orgs,
      get(organizations::details)
        .patch(organizations::update)
        .delete(organizations::delete),
    )
    .route(&format!("{orgs}/workspaces"), post(workspaces::create))
    .route(
      &format!("{orgs}/members"),
      get(members::list).post(members::add),
    )
    .route(
      &format!("{orgs}/members/{{membership_id}}"),
      axum::routing::patch(members::update).delete(members::remove),
    )
    .route(
      &format!("{orgs}/members/{{membership_id}}/roles/{{role_id}}"),
      post(members::assign_role).delete(members::remove_role),
    )
    .route(
      &format!("{orgs}/roles"),
      get(roles::list).post(roles::create),
    )
    .route(
      &format!("{orgs}/roles/{{role_id}}"),
      axum::routing::patch(roles::update).delete(roles::delete),
    )
    .route(
      &format!("{orgs}/invitations"),
      get(invitations::list).post(invitations::create),
    )
    .route(
      &format!("{orgs}/invitations/{{invitation_id}}/discard"),
      post(invitations::discard),
    )
    .route(
      "/_emulator/users",
      get(admin::list_users).post(admin::create_user),
    )
    .route(
      "/_emulator/faults",
      post(admin::add_fault).delete(admin::clear_faults),
    )
    .route("/_emulator/reset", post(admin::reset))
    .layer(axum::middleware::from_fn_with_state(
      shared.clone(),
      middleware::auth,
    ))
    // Outermost: whatever axum itself answers (404, 405, 413, 415, rejections) leaves as JSON.
    .layer(axum::middleware::map_response(middleware::normalize))
    .with_state(shared)
}

async fn health() -> Response {
  json_response(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}
