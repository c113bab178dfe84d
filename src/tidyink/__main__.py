"""``python -m tidyink`` runs the command-line interface."""

from tidyink.cli import main

main()
