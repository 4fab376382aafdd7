//! /organizations and /organizations/{id}.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;

use super::multipart::entity_form;
use super::{ok, AppState};
use crate::errors::ApiResult;
use crate::store::dto::ListOrgsQuery;

pub async fn list(
  State(s): State<AppState>,
  Query(q): Query<ListOrgsQuery>,
) -> ApiResult<Response> {
  s.read(|st| ok(st.list_orgs(&q)))
}

pub async fn create(State(s): State<AppState>, mp: Multipart) -> ApiResult<Response> {
  let input = entity_form(mp, "organization_image").await?;
  ok(s.write(|st| st.create_org(input)))
}

pub async fn details(State(s): State<AppState>, Path(id): Path<i64>) -> ApiResult<Response> {
  s.read(|st| ok(st.get_org_details(id)))
}

pub async fn update(
  State(s): State<AppState>,
  Path(id): Path<i64>,
  mp: Multipart,
) -> ApiResult<Response> {
  let input = entity_form(mp, "organization_image").await?;
  ok(s.write(|st| st.update_org(id, input)))
}

pub async fn delete(State(s): State<AppState>, Path(id): Path<i64>) -> ApiResult<Response> {
  ok(s.write(|st| st.delete_org(id)))
}
