"""The local web UI: ``dateline serve`` (see app.py)."""
