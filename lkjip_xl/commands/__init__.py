"""One module per command: the library calls behind the thin CLI."""
