"""The API's routes, one module per resource: each holds an ``APIRouter`` named ``router``.

``events`` (/events), ``articles`` (/articles), ``actors`` (/actors, timelines, /network),
``meta`` (/health, the offline /docs page), ``extract`` (POST /extract), ``dashboard`` (/ and
/static). ``accord.api.app.create_app`` includes them in that order.
"""
