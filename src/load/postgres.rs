//! The server backend: PostgreSQL through the synchronous `postgres`
//! client, running the statements of [`super::sql`] (with `$N` parameters)
//! prepared once per connection.

use super::{Backend, LoadError, Param, Result, Value};
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;

/// A connection to a PostgreSQL database.
pub struct Postgres {
    client: Client,
    prepared: HashMap<&'static str, Statement>,
}

impl Postgres {
    /// Connect by URL (`postgres://user:password@host:port/database`),
    /// without TLS: the server is expected on the office network or host.
    pub fn connect(url: &str) -> Result<Postgres> {
        let client = Client::connect(url, NoTls)?;
        Ok(Postgres {
            client,
            prepared: HashMap::new(),
        })
    }

    fn statement(&mut self, sql: &'static str) -> Result<Statement> {
        if let Some(stmt) = self.prepared.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.client.prepare(&dollar_params(sql))?;
        self.prepared.insert(sql, stmt.clone());
        Ok(stmt)
    }
}

/// A client error for people: the server's message with its detail, or
/// the client's error with its cause ("error connecting to server: …").
pub fn describe(err: &postgres::Error) -> String {
    if let Some(db) = err.as_db_error() {
        let mut text = format!("{}: {}", db.severity(), db.message());
        if let Some(detail) = db.detail() {
            text += &format!(" ({detail})");
        }
        return text;
    }
    let mut text = err.to_string();
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        text += &format!(": {c}");
        cause = c.source();
    }
    text
}

/// `?N` parameters as PostgreSQL's `$N` (the statements hold no other `?`).
fn dollar_params(sql: &str) -> String {
    sql.replace('?', "$")
}

/// The parameters as the client takes them.
fn bind<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| match p {
            Param::Int(i) => i as &(dyn ToSql + Sync),
            Param::Text(t) => t as &(dyn ToSql + Sync),
        })
        .collect()
}

impl Backend for Postgres {
    fn id_type(&self) -> &'static str {
        "BIGSERIAL PRIMARY KEY"
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.batch_execute(sql)?)
    }

    fn execute(&mut self, sql: &'static str, params: &[Param]) -> Result<u64> {
        let stmt = self.statement(sql)?;
        Ok(self.client.execute(&stmt, &bind(params))?)
    }

    fn query(&mut self, sql: &'static str, params: &[Param]) -> Result<Vec<Vec<Value>>> {
        let stmt = self.statement(sql)?;
        let rows = self.client.query(&stmt, &bind(params))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        let ty = row.columns()[i].type_();
                        let value = if *ty == Type::INT8 {
                            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
                        } else if *ty == Type::INT4 {
                            row.try_get::<_, Option<i32>>(i)?
                                .map(|n| Value::Int(i64::from(n)))
                        } else if *ty == Type::TEXT || *ty == Type::VARCHAR {
                            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
                        } else {
                            return Err(LoadError::Database(format!(
                                "unexpected column type {ty} in a result"
                            )));
                        };
                        Ok(value.unwrap_or(Value::Null))
                    })
                    .collect()
            })
            .collect()
    }
}
