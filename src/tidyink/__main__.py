"""``python -m tidyink`` runs the command-line interface."""

from tidyink.cli import main

main(prog_name="tidyink")  # usage lines say `tidyink`, not `python -m tidyink`
