"""The analyst service (`redflags serve`): a case store for teams, a REST API, accounts and roles,
four-eyes decisions, an audit trail and online scoring (docs/service.md, docs/security.md).

Layers, one way: `db` (tables, migrations) < `security`, `audit` (accounts, tokens, sessions,
the chained audit log) < the case store's operations (`cases`, `decisions`, `publish`, `jobs`)
< `api` (FastAPI routes, problem+json). The scanner never imports this package."""
