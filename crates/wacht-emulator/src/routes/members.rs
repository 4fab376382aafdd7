//! /organizations/{id}/members and member roles.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;

use super::{ok, AppState};
use crate::errors::ApiResult;
use crate::store::dto::{AddMember, ListMembersQuery, UpdateMember};

pub async fn list(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  Query(q): Query<ListMembersQuery>,
) -> ApiResult<Response> {
  s.read(|st| ok(st.list_members(org, &q)))
}

pub async fn add(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  Json(req): Json<AddMember>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.add_member(org, req)))
}

pub async fn update(
  State(s): State<AppState>,
  Path((org, member)): Path<(i64, i64)>,
  Json(req): Json<UpdateMember>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.update_member(org, member, req)))
}

pub async fn remove(
  State(s): State<AppState>,
  Path((org, member)): Path<(i64, i64)>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.remove_member(org, member)))
}

pub async fn assign_role(
  State(s): State<AppState>,
  Path((org, member, role)): Path<(i64, i64, i64)>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.assign_member_role(org, member, role)))
}

pub async fn remove_role(
  State(s): State<AppState>,
  Path((org, member, role)): Path<(i64, i64, i64)>,
) -> ApiResult<Response> {
  ok(s.write(|st| st.remove_member_role(org, member, role)))
}
