"""``python -m tidyink`` runs the command-line interface."""

from tidyink.cli import run

run()  # usage lines say `tidyink`, not `python -m tidyink`
