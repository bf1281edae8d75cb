"""Partner-side release: a person-level extract in, disclosure-controlled aggregates out.

Follows the data: ``extract`` (read and validate) -> ``structure`` (one record per person and
month, text mined) -> ``tables`` (aggregate, generalise rare categories) -> ``routekit.disclosure``
(primary and secondary suppression over all tables at once) -> ``run`` (write tables, tokens,
manifest). ``keys`` holds the linkage key and the keyed-hash tokens. See README.md for the
output contract.
"""

from routekit.release.keys import KEY_ENV, load_key  # noqa: F401
from routekit.release.run import release_extract  # noqa: F401
