"""The benign background of a synthetic world: people, merchants, time, text, and one generator
per record kind. Everything here is vectorised (numpy and Arrow, a chunk of rows at a time)."""
