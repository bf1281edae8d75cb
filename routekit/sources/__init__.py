"""Source types routekit accepts, each registered by name with its schema, purpose and legal basis."""

from routekit.sources.registry import SourceType, get_source, register, registered_sources  # noqa: F401
from routekit.sources import partners as _partners  # noqa: F401  (registers the partner sources)
from routekit.sources import public as _public  # noqa: F401  (registers the public sources)
