"""``storyline serve``: a web workspace and HTTP API over the store (see docs/serve.md).

Needs the ``serve`` extra (``pip install 'storyline[serve]'``): importing this package without
it raises ImportError. :func:`create_app` builds the FastAPI application; ``storyline serve``
runs it with Uvicorn.
"""

from storyline.serve.app import create_app

__all__ = ["create_app"]
