"""Accounts and credentials: passwords (argon2id), API tokens, browser sessions, lock-out."""
