"""The click face of crisisplay: argument parsing, calling the core, formatting, exit codes."""
