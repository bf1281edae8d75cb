"""The linkage key and keyed-hash tokens: the only way a v-number leaves a partner, as a token.

A token is HMAC-SHA256(key, v-number). Without the key a token cannot be reversed or recomputed
from a guessed v-number (v-numbers are only 10 digits, so an unkeyed hash would be trivial to
brute-force). All partners and the data steward share one key, kept outside the repository; it
is never printed, logged or written to any output, and errors never show it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pandas as pd

from routekit.errors import RoutekitError

KEY_ENV = "ROUTEKIT_LINK_KEY"
MINIMUM_KEY_BYTES = 32


class LinkKeyError(RoutekitError):
    """The linkage key is missing, unreadable or too short (never shows the key itself)."""


def load_key(key_file: Path | None = None) -> bytes:
    """The linkage key from ``key_file`` if given, else from the environment variable.

    A trailing newline in the key file is ignored, so ``openssl rand -hex 32 > key`` works.
    """
    if key_file is not None:
        path = Path(key_file)
        try:
            key = path.read_bytes().rstrip(b"\r\n")
        except OSError as error:
            raise LinkKeyError(f"key file '{path}' cannot be read ({error.strerror})") from None
        origin = f"key file '{path}'"
    else:
        value = os.environ.get(KEY_ENV)
        if not value:
            raise LinkKeyError(
                f"no linkage key: set the environment variable {KEY_ENV} or pass --key-file "
                f"(at least {MINIMUM_KEY_BYTES} bytes, shared by the partners and the steward only)")
        key = value.encode("utf-8")
        origin = f"environment variable {KEY_ENV}"
    return check_key(key, origin)


def check_key(key: bytes, origin: str = "key") -> bytes:
    """Refuse a key that is too short to resist guessing."""
    if not isinstance(key, (bytes, bytearray)):
        raise LinkKeyError(f"{origin}: the linkage key must be bytes")
    if len(key) < MINIMUM_KEY_BYTES:
        raise LinkKeyError(f"{origin}: the linkage key is too short ({len(key)} bytes; at least "
                        f"{MINIMUM_KEY_BYTES} needed)")
    return bytes(key)


def tokens(identifiers: pd.Series, key: bytes) -> pd.Series:
    """HMAC-SHA256 hex token per identifier (same key and identifier give the same token)."""
    key = check_key(key)
    # distinct identifiers only: a person with several records is hashed once
    unique = pd.unique(identifiers.to_numpy())
    mapping = {value: hmac.new(key, str(value).encode("utf-8"), hashlib.sha256).hexdigest()
               for value in unique}
    return identifiers.map(mapping)
