//! A tiny client for the emulator's HTTP surface.
#![allow(dead_code)]

use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use wacht_emulator::{Emulator, EmulatorConfig};

pub struct T {
  pub emu: Emulator,
  pub http: reqwest::Client,
}

pub struct Resp {
  pub status: StatusCode,
  pub headers: reqwest::header::HeaderMap,
  pub text: String,
}

impl Resp {
  pub fn json(&self) -> Value {
    serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
  }
  pub fn code(&self) -> u16 {
    self.status.as_u16()
  }
  /// Status and the envelope's message.
  pub fn err(&self) -> (u16, String) {
    let v = self.json();
    assert_eq!(v["errors"][0]["code"], self.code(), "{}", self.text);
    assert!(
      self.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"),
      "error must be JSON"
    );
    (
      self.code(),
      v["errors"][0]["message"].as_str().unwrap().to_string(),
    )
  }
}

impl T {
  pub async fn start() -> T {
    Self::with(EmulatorConfig::default()).await
  }

  pub async fn with(config: EmulatorConfig) -> T {
    let emu = Emulator::start(config).await.expect("start");
    T {
      emu,
      http: reqwest::Client::new(),
    }
  }

  pub fn url(&self, path: &str) -> String {
    format!("{}{}", self.emu.url(), path)
  }

  pub fn req(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
    self
      .http
      .request(method, self.url(path))
      .bearer_auth(self.emu.api_key())
  }

  pub async fn send(&self, rb: reqwest::RequestBuilder) -> Resp {
    let r = rb.send().await.expect("send");
    Resp {
      status: r.status(),
      headers: r.headers().clone(),
      text: r.text().await.unwrap(),
    }
  }

  pub async fn get(&self, path: &str) -> Resp {
    self.send(self.req(Method::GET, path)).await
  }
  pub async fn delete(&self, path: &str) -> Resp {
    self.send(self.req(Method::DELETE, path)).await
  }
  pub async fn post_empty(&self, path: &str) -> Resp {
    self.send(self.req(Method::POST, path)).await
  }
  pub async fn json(&self, method: Method, path: &str, body: Value) -> Resp {
    self.send(self.req(method, path).json(&body)).await
  }
  pub async fn form(&self, method: Method, path: &str, fields: &[(&str, &str)]) -> Resp {
    let mut f = Form::new();
    for (k, v) in fields {
      f = f.text(k.to_string(), v.to_string());
    }
    self.send(self.req(method, path).multipart(f)).await
  }
  pub async fn form_with(&self, method: Method, path: &str, form: Form) -> Resp {
    self.send(self.req(method, path).multipart(form)).await
  }

  /// Create an organization and return its id.
  pub async fn org(&self, name: &str) -> String {
    let r = self
      .form(Method::POST, "/organizations", &[("name", name)])
      .await;
    assert_eq!(r.code(), 200, "{}", r.text);
    r.json()["id"].as_str().unwrap().to_string()
  }

  pub fn user_ids(&self) -> Vec<String> {
    self.emu.list_users()["data"]
      .as_array()
      .unwrap()
      .iter()
      .map(|u| u["id"].as_str().unwrap().to_string())
      .collect()
  }
}

pub fn image(bytes: &[u8], mime: &str, field: &str) -> Form {
  Form::new().text("name", "With image").part(
    field.to_string(),
    Part::bytes(bytes.to_vec())
      .file_name("logo")
      .mime_str(mime)
      .unwrap(),
  )
}
