"""Accord over HTTP: ``create_app`` builds the FastAPI app (API + dashboard), ``serve`` runs it.

Example::

    from pathlib import Path
    from accord.api import serve
    serve(Path("accord.duckdb"), port=8000)   # then open http://127.0.0.1:8000/
"""

from accord.api.app import create_app
from accord.api.errors import ApiError
from accord.api.server import serve

__all__ = ["ApiError", "create_app", "serve"]
