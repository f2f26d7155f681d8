"""The analyst's web pages (`redflags serve`): server-rendered Jinja2 templates with htmx for
partial updates and Cytoscape.js for networks, both vendored (static/vendor/VENDORED.md), in
Danish and English (Babel catalogues in locale/). Pages read and change the case store through
the same service functions and API route functions as the JSON API; docs/ui.md."""

from redflags.service.web.mount import PUBLIC_PAGES, WEB_ROUTERS, mount_web, web_routes

__all__ = ["PUBLIC_PAGES", "WEB_ROUTERS", "mount_web", "web_routes"]
