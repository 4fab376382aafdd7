//! The multipart form of create/update organization and create workspace (wire-spec §3.3).

use axum::extract::multipart::{Multipart, MultipartError};

use crate::errors::{default_message, ApiError, ApiResult};
use crate::store::dto::EntityInput;

fn mp_err(e: MultipartError) -> ApiError {
  let status = e.status().as_u16();
  ApiError::new(status, default_message(status))
}

/// Supported image content types and the file extension used in the CDN URL.
fn image_ext(content_type: &str) -> Option<&'static str> {
  match content_type.to_ascii_lowercase().as_str() {
    "image/jpeg" | "image/jpg" => Some("jpg"),
    "image/png" => Some("png"),
    "image/gif" => Some("gif"),
    "image/webp" => Some("webp"),
    "image/x-icon" | "image/vnd.microsoft.icon" => Some("ico"),
    _ => None,
  }
}

pub async fn entity_form(mut mp: Multipart, image_field: &str) -> ApiResult<EntityInput> {
  let mut out = EntityInput::default();
  while let Some(field) = mp.next_field().await.map_err(mp_err)? {
    let name = field.name().unwrap_or("").to_string();
    if name == image_field {
      let ct = field.content_type().unwrap_or("").to_string();
      // Non-image parts are silently ignored, like the real server.
      if !ct.to_ascii_lowercase().starts_with("image/") {
        continue;
      }
      let bytes = field.bytes().await.map_err(mp_err)?;
      if bytes.is_empty() {
        continue;
      }
      out.image_ext = Some(image_ext(&ct).ok_or_else(|| {
        ApiError::bad_request(
          "Unsupported image format. Supported formats: JPEG, PNG, GIF, WEBP, ICO",
        )
      })?);
      continue;
    }
    if !matches!(
      name.as_str(),
      "name" | "description" | "public_metadata" | "private_metadata" | "remove_image"
    ) {
      continue;
    }
    let bytes = field.bytes().await.map_err(mp_err)?;
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
      ApiError::bad_request(format!("Multipart field '{name}' must be valid UTF-8 text"))
    })?;
    let trimmed = text.trim();
    match name.as_str() {
      "name" if !trimmed.is_empty() => out.name = Some(trimmed.to_string()),
      "description" if !trimmed.is_empty() => out.description = Some(trimmed.to_string()),
      "public_metadata" | "private_metadata" if !trimmed.is_empty() => {
        let kind = name.trim_end_matches("_metadata");
        let v = serde_json::from_str(trimmed)
          .map_err(|e| ApiError::bad_request(format!("Invalid {kind} metadata JSON: {e}")))?;
        if kind == "public" {
          out.public_metadata = Some(v);
        } else {
          out.private_metadata = Some(v);
        }
      }
      "remove_image" => out.remove_image = text == "true",
      _ => {}
    }
  }
  Ok(out)
}
