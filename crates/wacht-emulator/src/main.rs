//! `wacht-emulator`: run the emulator from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use wacht_emulator::{Emulator, EmulatorConfig};

const USAGE: &str = "usage: wacht-emulator [--host 127.0.0.1] [--port 8787] [--api-key KEY] [--data-file PATH] [--no-seed]";

fn parse(args: impl Iterator<Item = String>) -> Result<EmulatorConfig, String> {
  let mut c = EmulatorConfig {
    port: 8787,
    ..EmulatorConfig::default()
  };
  let mut args = args.peekable();
  while let Some(a) = args.next() {
    let (flag, inline) = match a.split_once('=') {
      Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
      _ => (a.clone(), None),
    };
    let mut value = |name: &str| {
      inline
        .clone()
        .or_else(|| args.next())
        .ok_or_else(|| format!("{name} needs a value"))
    };
    match flag.as_str() {
      "--host" => c.host = value("--host")?,
      "--port" => {
        c.port = value("--port")?
          .parse()
          .map_err(|_| "--port must be a number 0-65535".to_string())?
      }
      "--api-key" => c.api_key = value("--api-key")?,
      "--data-file" => c.data_file = Some(PathBuf::from(value("--data-file")?)),
      "--no-seed" => c.seed_users = false,
      "-h" | "--help" => return Err(String::new()),
      other => return Err(format!("unknown argument: {other}")),
    }
  }
  Ok(c)
}

#[tokio::main]
async fn main() -> ExitCode {
  let config = match parse(std::env::args().skip(1)) {
    Ok(c) => c,
    Err(msg) => {
      if msg.is_empty() {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
      }
      eprintln!("{msg}\n{USAGE}");
      return ExitCode::from(2);
    }
  };
  let emulator = match Emulator::start(config).await {
    Ok(e) => e,
    Err(e) => {
      eprintln!("wacht-emulator: {e}");
      return ExitCode::FAILURE;
    }
  };
  println!(
    "wacht-emulator listening on {} (api key: {})",
    emulator.url(),
    emulator.api_key()
  );
  let _ = tokio::signal::ctrl_c().await;
  emulator.close().await;
  ExitCode::SUCCESS
}
