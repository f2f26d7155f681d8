"""`python -m redflags ...`: the command line, as the `redflags` command."""

from redflags.cli import app

app(prog_name="redflags")
