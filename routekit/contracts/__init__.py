"""Typed contracts between the stages: what a release, a link and an estimate folder hold.

Only this package knows the file names inside a bundle. Writers put files in through a writer
and seal the bundle (a manifest with each file's sha256 and, under the linkage key, a keyed seal);
readers open a bundle, verify it and ask for a table by name. A bundle that was edited after it
was sealed is refused by name. Who verifies what: README.md beside this file.
"""

from routekit.contracts.errors import BundleError  # noqa: F401
from routekit.contracts.estimate import EstimateBundle, EstimateWriter  # noqa: F401
from routekit.contracts.link import LinkBundle, LinkManifest, LinkWriter  # noqa: F401
from routekit.contracts.release import (  # noqa: F401
    ReleaseBundle,
    ReleaseManifest,
    ReleaseWriter,
    check_same_key,
    key_fingerprint,
    required_threshold,
)
