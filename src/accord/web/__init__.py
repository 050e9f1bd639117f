"""The dashboard's static files (index.html, style.css and the ES modules in js/), served by ``accord.api`` at ``/``."""
