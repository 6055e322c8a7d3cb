"""The web page (``cchc-docgen serve``): a thin layer over the same functions as the CLI.

Routes call the loader, the YAML writer, derive, report, the renderer, the PDF converter and the checker;
pages are server-rendered Jinja2 templates (``templates/``) with a vendored htmx (``static/``), so nothing
needs building and everything works offline. ``create_app`` lives in ``cchc_docgen.web.app``.
"""
