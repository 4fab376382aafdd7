//! POST /organizations/{id}/workspaces.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;

use super::multipart::entity_form;
use super::{ok, AppState};
use crate::errors::ApiResult;

pub async fn create(
  State(s): State<AppState>,
  Path(org): Path<i64>,
  mp: Multipart,
) -> ApiResult<Response> {
  let input = entity_form(mp, "workspace_image").await?;
  ok(s.write(|st| st.create_workspace(org, input)))
}
