"""``python -m talkwatch`` runs the command line."""

from .cli import main

main()
