"""Reproducible speed and size measurements of the finder (issue 6): see README.md here."""
