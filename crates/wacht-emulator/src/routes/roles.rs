//! /organizations/{id}/roles.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;

use super::{ok, AppState};
use crate::errors::ApiResult;
use crate::store::dto::{NewRole, RoleUpdate};

pub async fn list(State(s): State<AppState>, Path(org): Path<i64>) -> ApiResult<Response> {
  s.read(|st| ok(st.list_roles(org)))
}

pub async fn create(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  Json(req): Json<NewRole>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.create_role(org, req)))
}

pub async fn update(
  State(s): State<AppState>,
  Path((org, role)): Path<(i64, i64)>,
  Json(req): Json<RoleUpdate>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.update_role(org, role, req)))
}

pub async fn delete(
  State(s): State<AppState>,
  Path((org, role)): Path<(i64, i64)>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.delete_role(org, role)))
}
