"""API keys: made and checked here, stored as salted hashes (`tokens` is pure, `store` has
the rows). The CLI creates, lists and revokes keys; the API authenticates requests with them."""
