"""The link bundle: the steward's contingency table of persons per combination of sources.

Layout (known here only)::

    contingency.csv    month, corridor, in_<source>... (0/1), count, status
    manifest.json      LinkManifest: sources, releases, threshold, persons, suppression summary,
                       the releases' key fingerprint, the sha256 of contingency.csv and the
                       keyed seal under the linkage key (as a release's: routekit/contracts/README.md)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from routekit.contracts.errors import BundleError
from routekit.contracts.release import (MANIFEST, DuplicateField, ManifestSeal, check_seal, file_sha256,
                                        first_symlink, key_fingerprint, keyed_seal, read_manifest_json)

CONTINGENCY = "contingency.csv"


class LinkManifest(BaseModel):
    """manifest.json of a link (routekit/release/README.md); other keys are kept as they are."""

    model_config = ConfigDict(extra="allow")

    sources: list[str] = Field(default_factory=list)
    threshold: int = Field(ge=2)
    persons: int | None = Field(None, ge=0)
    key_fingerprint: str | None = None
    files: dict[str, str] | None = None
    seal: ManifestSeal | None = None


class LinkWriter:
    def __init__(self, out: Path):
        self.out = Path(out)

    def write(self, table: pd.DataFrame, manifest: dict, key: bytes | None = None) -> dict:
        """Write the contingency table, then the manifest sealed with the table's sha256 and,
        with the linkage ``key`` the releases were made under, the keyed seal."""
        self.out.mkdir(parents=True, exist_ok=True)
        for stale in (CONTINGENCY, MANIFEST):
            (self.out / stale).unlink(missing_ok=True)
        table.to_csv(self.out / CONTINGENCY, index=False, lineterminator="\n")
        sealed = {**manifest, "files": {CONTINGENCY: file_sha256(self.out / CONTINGENCY)}}
        sealed = json.loads(json.dumps(sealed))  # sealed as it will read back
        if key is not None:
            if sealed.get("key_fingerprint") not in (None, key_fingerprint(key)):
                raise ValueError("a link is sealed with the key its releases were made under")
            sealed["seal"] = keyed_seal(sealed, key)
        LinkManifest.model_validate(sealed)
        (self.out / MANIFEST).write_text(json.dumps(sealed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return sealed


class LinkBundle:
    """A link folder opened for reading."""

    def __init__(self, path: Path):
        self.path = Path(path)
        manifest_path = self.path / MANIFEST
        if not manifest_path.is_file():
            raise BundleError(self.path, MANIFEST, "missing: not a link folder", kind="link")
        try:
            self.data = read_manifest_json(manifest_path)
            self.manifest = LinkManifest.model_validate(self.data)
        except DuplicateField as error:
            raise BundleError(self.path, MANIFEST, str(error), kind="link") from None
        except json.JSONDecodeError as error:
            raise BundleError(self.path, MANIFEST, f"not valid JSON ({error.msg}, line {error.lineno})",
                              kind="link") from None
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "(top)"
            raise BundleError(self.path, MANIFEST, f"field '{where}': {first['msg']}", kind="link") from None

    @classmethod
    def exists(cls, path: Path) -> bool:
        return (Path(path) / CONTINGENCY).is_file()

    @property
    def contingency_file(self) -> Path:
        return self.path / CONTINGENCY

    def verify(self, expected_threshold: int | None = None, key: bytes | None = None) -> "LinkBundle":
        """Refuse an unsealed link, a contingency table changed after the link, or a link made
        for another threshold; with the linkage ``key``, also a link of releases made under
        another key or whose keyed seal does not match (an edit with a recomputed sha256)."""
        if not self.contingency_file.is_file():
            raise BundleError(self.path, CONTINGENCY, "missing", kind="link")
        linked = first_symlink(self.path)
        if linked is not None:
            raise BundleError(self.path, linked, "is a symbolic link; a link holds its own files", kind="link")
        digest = (self.manifest.files or {}).get(CONTINGENCY)
        if digest is None:
            raise BundleError(self.path, MANIFEST, "the link is not sealed (no file digest); link again "
                                                   "with this routekit", kind="link")
        if file_sha256(self.contingency_file) != digest:
            raise BundleError(self.path, CONTINGENCY, "changed after the link was sealed "
                                                      "(sha256 differs from the manifest)", kind="link")
        if expected_threshold is not None and self.manifest.threshold != expected_threshold:
            raise BundleError(self.path, MANIFEST, f"threshold {self.manifest.threshold} is not the "
                                                   f"workspace's threshold {expected_threshold}", kind="link")
        fingerprint = self.manifest.key_fingerprint
        if key is not None and fingerprint is None:  # a link is of keyed releases: stripped, not keyless
            raise BundleError(self.path, MANIFEST, "has no key fingerprint and keyed seal (they were removed, "
                                                   "or it was linked without the key); link again", kind="link")
        if key is not None and fingerprint is not None:
            if fingerprint != key_fingerprint(key):
                raise BundleError(self.path, MANIFEST, f"linked from releases made with another linkage key "
                                                       f"(key fingerprint {fingerprint[:8]} against "
                                                       f"{key_fingerprint(key)[:8]})", kind="link")
            check_seal(self.path, self.data, key, kind="link")
        return self

    def verify_made_from(self, bundles: list) -> "LinkBundle":
        """Refuse a link that is not of ``bundles`` (the workspace's releases): its key fingerprint
        must be theirs and it must record each keyed release's input. A runner without the key can
        make this check (a link stripped of fingerprint and seal, with an edited table and a
        recomputed sha256, passes the digest check); with the key it also refuses an older link,
        sealed under the same key, copied over the workspace's."""
        from routekit.contracts.release import check_same_key

        linkable = [b for b in bundles if b.has_tokens]
        fingerprint = check_same_key(linkable)
        if fingerprint is not None and self.manifest.key_fingerprint != fingerprint:
            raise BundleError(self.path, MANIFEST, "its key fingerprint is not its releases' (key fingerprint "
                                                   f"{str(self.manifest.key_fingerprint)[:8]} against "
                                                   f"{fingerprint[:8]}): removed or made under another key; "
                                                   "link again", kind="link")
        recorded = {str(r.get("source")): r.get("input_sha256") for r in self.data.get("releases") or []
                    if isinstance(r, dict)}
        for bundle in linkable:
            if recorded.get(bundle.source) != bundle.data.get("input_sha256"):
                raise BundleError(self.path, MANIFEST, f"was not linked from the release of '{bundle.source}' in "
                                                       f"'{bundle.path}' (another input or none): link again",
                                  kind="link")
        return self

    def digest(self) -> str:
        """What identifies this link's content for a cache key: its sealed manifest's digest."""
        return file_sha256(self.path / MANIFEST)

    def raw_contingency(self) -> pd.DataFrame:
        try:
            return pd.read_csv(self.contingency_file, dtype=str, keep_default_na=False)
        except pd.errors.EmptyDataError:
            raise BundleError(self.path, CONTINGENCY, "empty file", kind="link") from None
