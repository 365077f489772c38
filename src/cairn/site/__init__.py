"""The site shell: pages that gather several apps (the dashboard) and the site's own
(about, health check). The top layer, beside the CLI: it may import every app."""
