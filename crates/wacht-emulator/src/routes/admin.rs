//! `/_emulator/*`: test-only controls (users, faults, reset). Same bearer key; never faulted.

use axum::extract::State;
use axum::response::Response;
use axum::Json;
use serde_json::json;

use super::{ok, AppState};
use crate::errors::{ApiError, ApiResult};
use crate::faults::FaultSpec;
use crate::store::models::NewUser;
use crate::store::views;

pub async fn list_users(State(s): State<AppState>) -> ApiResult<Response> {
  ok(Ok(s.read(|st| st.users_json())))
}

pub async fn create_user(State(s): State<AppState>, Json(u): Json<NewUser>) -> ApiResult<Response> {
  ok(s.write(|st| Ok(views::value(views::user(&st.insert_user(u))))))
}

pub async fn add_fault(
  State(s): State<AppState>,
  Json(spec): Json<FaultSpec>,
) -> ApiResult<Response> {
  let id = s
    .faults
    .add(spec)
    .map_err(|e| ApiError::bad_request(e.to_string()))?;
  ok(Ok(json!({ "id": id })))
}

pub async fn clear_faults(State(s): State<AppState>) -> ApiResult<Response> {
  s.faults.clear();
  ok(Ok(json!({})))
}

pub async fn reset(State(s): State<AppState>) -> ApiResult<Response> {
  ok(s.reset())
}
