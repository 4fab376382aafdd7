//! `NativeClient`: one core client (one pooled HTTP client) per JS `WachtClient`, and one
//! method per operation. Each returns a promise of the body text (`null` for operations
//! that return nothing); lib/operations.js parses it with `JSON.parse`.

use std::sync::Arc;

use napi::bindgen_prelude::{Function, Promise, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;
use wacht::organizations as ops;
use wacht::{ClientConfig, Request, ReqwestTransport, Transport};

use crate::cancel::CancelToken;
use crate::completion::Completer;
use crate::events::{JsEventSink, NativeEvent};
use crate::fetch_transport::{FetchRequest, FetchResult, FetchTransport};
use crate::options::{
  header_pairs, millis, CallOptions, EntityForm, ListInvitationsOptions, ListMembersOptions,
  ListOrganizationsOptions, NativeConfig,
};

type Body<'env> = Result<PromiseRaw<'env, Option<String>>>;
type Built = std::result::Result<Request, wacht::Error>;

#[napi]
pub struct NativeClient {
  core: Arc<wacht::Client>,
  completer: Completer,
}

fn invalid(message: String) -> napi::Error {
  napi::Error::new(napi::Status::InvalidArg, message)
}

#[napi]
impl NativeClient {
  #[napi(constructor)]
  pub fn new(
    env: Env,
    config: NativeConfig,
    fetch: Option<Function<FetchRequest, Promise<FetchResult>>>,
    on_event: Option<Function<NativeEvent, ()>>,
  ) -> Result<Self> {
    let mut core_config = ClientConfig::new(&config.base_url, config.api_key)
      .and_then(|c| c.with_headers(header_pairs(config.headers)))
      .map_err(|e| invalid(e.to_string()))?;
    if let Some(timeout) = millis(config.timeout) {
      core_config.timeout = timeout;
    }
    core_config.total_timeout = millis(config.total_timeout);
    if let Some(n) = config.max_retries {
      core_config.retry.max_retries = n;
    }
    core_config.user_agent = config.user_agent;

    let transport: Arc<dyn Transport> = match fetch {
      Some(f) => {
        let tsfn = f
          .build_threadsafe_function()
          .callee_handled::<false>()
          .weak::<true>()
          .build()?;
        Arc::new(FetchTransport::new(tsfn))
      }
      None => {
        let extra_ca = match config.extra_ca_certs_file {
          Some(path) => Some(
            std::fs::read(&path)
              .map_err(|e| invalid(format!("cannot read extra CA file {path:?}: {e}")))?,
          ),
          None => None,
        };
        let proxy = wacht::ProxySettings {
          http: config.http_proxy,
          https: config.https_proxy,
          no_proxy: config.no_proxy,
        };
        let options = wacht::TransportOptions {
          extra_root_certs_pem: extra_ca,
          proxy,
        };
        Arc::new(ReqwestTransport::new(&options).map_err(invalid)?)
      }
    };
    let events = match on_event {
      Some(f) => {
        let tsfn = f
          .build_threadsafe_function()
          .callee_handled::<false>()
          .weak::<true>()
          .build()?;
        Some(Arc::new(JsEventSink(tsfn)) as Arc<dyn wacht::EventSink>)
      }
      None => None,
    };
    let core =
      wacht::Client::new(core_config, transport, events).map_err(|e| invalid(e.to_string()))?;
    Ok(NativeClient {
      core: Arc::new(core),
      completer: Completer::new(&env)?,
    })
  }

  fn call<'env>(
    &self,
    env: &'env Env,
    request: Built,
    options: Option<CallOptions>,
    cancel: Option<&CancelToken>,
  ) -> Body<'env> {
    let core = self.core.clone();
    let mut call = wacht::CallOptions {
      cancel: cancel.map(|c| c.token.clone()),
      ..Default::default()
    };
    if let Some(o) = options {
      call.timeout = millis(o.timeout);
      call.total_timeout = millis(o.total_timeout);
      call.max_retries = o.max_retries;
      call.headers = header_pairs(o.headers);
      call.idempotency_key = o.idempotency_key;
    }
    self.completer.run(
      env,
      async move { Ok(core.execute(request?, call).await?.body) },
    )
  }
}

/// One napi method per operation: `name(official arguments..., options?, cancel?)`,
/// returning a promise of the body text. Each line says how the request is built.
macro_rules! operations {
  ($( $name:ident ( $($arg:ident : $ty:ty),* ) => $build:expr; )*) => {
    #[napi]
    impl NativeClient {
      $(
        #[napi]
        pub fn $name<'env>(
          &self,
          env: &'env Env,
          $($arg: $ty,)*
          options: Option<CallOptions>,
          cancel: Option<&CancelToken>,
        ) -> Body<'env> {
          self.call(env, $build, options, cancel)
        }
      )*
    }
  };
}

operations! {
  list_organizations(query: Option<ListOrganizationsOptions>) =>
    Ok(ops::list_organizations(query.map(Into::into).unwrap_or_default()));
  get_organization(organization_id: String) => ops::get_organization(&organization_id);
  create_organization(form: EntityForm) => Ok(ops::create_organization(form.into()));
  update_organization(organization_id: String, form: EntityForm) =>
    ops::update_organization(&organization_id, form.into());
  delete_organization(organization_id: String) => ops::delete_organization(&organization_id);
  list_organization_members(organization_id: String, query: Option<ListMembersOptions>) =>
    ops::list_organization_members(&organization_id, query.map(Into::into).unwrap_or_default());
  add_organization_member(organization_id: String, json: String) =>
    ops::add_organization_member(&organization_id, json);
  update_organization_member(organization_id: String, member_id: String, json: String) =>
    ops::update_organization_member(&organization_id, &member_id, json);
  remove_organization_member(organization_id: String, member_id: String) =>
    ops::remove_organization_member(&organization_id, &member_id);
  list_organization_roles(organization_id: String) => ops::list_organization_roles(&organization_id);
  create_organization_role(organization_id: String, json: String) =>
    ops::create_organization_role(&organization_id, json);
  update_organization_role(organization_id: String, role_id: String, json: String) =>
    ops::update_organization_role(&organization_id, &role_id, json);
  delete_organization_role(organization_id: String, role_id: String) =>
    ops::delete_organization_role(&organization_id, &role_id);
  assign_organization_member_role(organization_id: String, membership_id: String, role_id: String) =>
    ops::assign_organization_member_role(&organization_id, &membership_id, &role_id);
  remove_organization_member_role(organization_id: String, membership_id: String, role_id: String) =>
    ops::remove_organization_member_role(&organization_id, &membership_id, &role_id);
  create_workspace_for_organization(organization_id: String, form: EntityForm) =>
    ops::create_workspace_for_organization(&organization_id, form.into());
  list_organization_invitations(organization_id: String, query: Option<ListInvitationsOptions>) =>
    ops::list_organization_invitations(&organization_id, query.map(Into::into).unwrap_or_default());
  create_organization_invitation(organization_id: String, json: String) =>
    ops::create_organization_invitation(&organization_id, json);
  discard_organization_invitation(organization_id: String, invitation_id: String) =>
    ops::discard_organization_invitation(&organization_id, &invitation_id);
}
