//! The embedded backend: a SQLite file (bundled SQLite, nothing to
//! install), running the statements of [`super::sql`] prepared once each.

use super::{Backend, Param, Result, Value};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// How long a load waits for another writer to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A SQLite database file.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Open (or create) the database file.
    pub fn open(path: &Path) -> Result<Sqlite> {
        let conn = Connection::open(path)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL")?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(Sqlite { conn })
    }
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match *self {
            Param::Int(i) => ToSqlOutput::from(i),
            Param::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Param::Text(None) => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

impl Backend for Sqlite {
    fn id_type(&self) -> &'static str {
        "INTEGER PRIMARY KEY"
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.conn.execute_batch(sql)?)
    }

    fn execute(&mut self, sql: &'static str, params: &[Param]) -> Result<u64> {
        let n = self
            .conn
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        Ok(u64::try_from(n).unwrap_or(u64::MAX))
    }

    fn query(&mut self, sql: &'static str, params: &[Param]) -> Result<Vec<Vec<Value>>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let width = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match row.get_ref(i)? {
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Null => Value::Null,
                    ValueRef::Real(r) => Value::Text(r.to_string()),
                    ValueRef::Blob(b) => Value::Text(String::from_utf8_lossy(b).into_owned()),
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}
