//! Optional SQLite persistence. Each mutation writes the rows it changed in one
//! transaction while the state lock is held, so the file always matches a state the
//! API actually returned; WAL journaling keeps a crash mid-write from corrupting it.

use std::path::Path;

use rusqlite::{params, Connection};

use crate::error::EmulatorError;
use crate::store::{Kind, State};

pub struct Persist {
  conn: Connection,
}

impl Persist {
  pub fn open(path: &Path) -> Result<Persist, EmulatorError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: an acknowledged write survives power loss, not just a process crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch(
      "CREATE TABLE IF NOT EXISTS entities (
         kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
       CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    )?;
    Ok(Persist { conn })
  }

  /// Load every stored row into `state`. Returns false when the file was empty (new).
  pub fn load(&self, state: &mut State) -> Result<bool, EmulatorError> {
    let mut stmt = self.conn.prepare("SELECT kind, json FROM entities")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut any = false;
    for row in rows {
      let (kind, json) = row?;
      let kind =
        Kind::parse(&kind).ok_or_else(|| EmulatorError::Corrupt(format!("unknown kind {kind}")))?;
      state
        .load_row(kind, &json)
        .map_err(|e| EmulatorError::Corrupt(format!("{} row: {e}", kind.as_str())))?;
      any = true;
    }
    let counter: Option<String> = self
      .conn
      .query_row("SELECT value FROM meta WHERE key = 'id_counter'", [], |r| {
        r.get(0)
      })
      .ok();
    if let Some(c) = counter.and_then(|c| c.parse().ok()) {
      state.ids.restore_counter(c);
    }
    Ok(any)
  }

  /// Write the given rows (upsert, or delete when gone) in one transaction.
  pub fn write(&mut self, state: &State, rows: &[(Kind, i64)], wipe: bool) -> rusqlite::Result<()> {
    let tx = self.conn.transaction()?;
    if wipe {
      tx.execute("DELETE FROM entities", [])?;
    }
    {
      let mut up =
        tx.prepare_cached("INSERT OR REPLACE INTO entities (kind, id, json) VALUES (?1, ?2, ?3)")?;
      let mut del = tx.prepare_cached("DELETE FROM entities WHERE kind = ?1 AND id = ?2")?;
      for (kind, id) in rows {
        match state.row_json(*kind, *id) {
          Some(json) => up.execute(params![kind.as_str(), id.to_string(), json])?,
          None => del.execute(params![kind.as_str(), id.to_string()])?,
        };
      }
    }
    tx.execute(
      "INSERT OR REPLACE INTO meta (key, value) VALUES ('id_counter', ?1)",
      params![state.ids.counter().to_string()],
    )?;
    tx.commit()
  }

  /// Fold the WAL back into the main file so the data file stands alone.
  pub fn checkpoint(&self) -> rusqlite::Result<()> {
    self
      .conn
      .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
  }
}
