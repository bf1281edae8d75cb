"""The release bundle: what a partner hands the steward, sealed so an edit on the way is seen.

Layout (known here only)::

    manifest.json           ReleaseManifest: who, period, threshold, suppression summary,
                            the sha256 of every other file, the linkage key's fingerprint
    tables/<name>.csv       disclosure-controlled tables (TABLE_KEYS)
    steward/tokens.csv      keyed-hash tokens, for the data steward only
    operator/...            the mobile operator's own output, kept for audit (mobility only)

The key fingerprint is HMAC-SHA256(key, a fixed label): equal keys give equal fingerprints, and
neither the key nor any token can be worked out from it. The file digests make an accidental edit
visible to anyone; the keyed seal (``seal``: HMAC-SHA256 under the linkage key of the canonical
manifest, and one per file digest) makes a deliberate edit visible to whoever holds the key, even
when the editor recomputed every sha256. Who checks what: routekit/contracts/README.md.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
from functools import cached_property
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from routekit.contracts.errors import BundleError
from routekit.digests import file_digest as file_sha256

MANIFEST = "manifest.json"
TABLES = "tables"
TOKENS = "steward/tokens.csv"
TOKEN_COLUMNS = ["token", "month", "corridor"]
FINGERPRINT_LABEL = b"routekit linkage key fingerprint v1"
SEAL_LABEL = b"routekit manifest seal v1"
FILE_SEAL_LABEL = b"routekit file seal v1"

# table name -> the columns that identify a cell (besides count and status); the output contract
TABLE_KEYS = {
    "totals": ["month", "corridor"],
    "legs": ["month", "corridor", "from_country", "to_country"],
    "nationality": ["month", "corridor", "nationality"],
    "entry_point": ["month", "entry_point"],
    "mode": ["month", "corridor", "mode"],
    "smuggler": ["month", "corridor", "smuggler"],
    "first_country": ["month", "corridor", "first_eu_country"],
    "flows": ["month", "origin_country", "destination_country"],
}
QUALITY = "quality"
MOBILITY_SOURCE = "mobility"  # the operator's release: aggregates, no tokens, no linkage key


def key_fingerprint(key: bytes) -> str:
    """HMAC of a fixed label under the linkage key: tells keys apart, reveals nothing of them."""
    return hmac.new(bytes(key), FINGERPRINT_LABEL, hashlib.sha256).hexdigest()


def canonical_manifest(manifest: dict) -> bytes:
    """The bytes the seal covers: every field of the manifest but the seal itself (file digests,
    threshold, version, key fingerprint, counts ...), as sorted, compact, ASCII-only JSON, so a
    manifest re-indented or re-ordered by hand still verifies and any changed value does not."""
    body = {name: value for name, value in manifest.items() if name != "seal"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def keyed_seal(manifest: dict, key: bytes) -> dict:
    """The seal of a manifest under the linkage key: one HMAC over the canonical manifest, and
    one per listed file (over its name and sha256) so that a rewritten digest is named by file."""
    key = bytes(key)
    files = {name: hmac.new(key, b"\0".join([FILE_SEAL_LABEL, str(name).encode("utf-8"), str(digest).encode("utf-8")]),
                            hashlib.sha256).hexdigest()
             for name, digest in sorted((manifest.get("files") or {}).items())}
    return {"manifest": hmac.new(key, SEAL_LABEL + b"\0" + canonical_manifest(manifest), hashlib.sha256).hexdigest(),
            "files": files}


def check_seal(bundle: Path, manifest: dict, key: bytes, kind: str = "release") -> None:
    """Refuse a manifest whose keyed seal is missing or does not match ``key``: the first file
    whose digest was rewritten is named, else the manifest (a changed threshold, count, ...)."""
    sealed = manifest.get("seal")
    if not isinstance(sealed, dict) or not isinstance(sealed.get("manifest"), str):
        raise BundleError(bundle, MANIFEST, "has no keyed seal (it was made by an older routekit or the seal "
                                            f"was removed); make the {kind} again with this routekit", kind=kind)
    expected = keyed_seal(manifest, key)
    given_files = sealed.get("files") if isinstance(sealed.get("files"), dict) else {}
    changed = [name for name, mac in expected["files"].items()
               if not hmac.compare_digest(str(given_files.get(name, "")), mac)]
    if changed and len(changed) == len(expected["files"]) > 1:  # not one digest fits: another key sealed it
        raise BundleError(bundle, MANIFEST, "its keyed seal was not made with the linkage key: the "
                                            f"{kind} was changed and re-sealed without it", kind=kind)
    if changed:
        raise BundleError(bundle, changed[0], "its sha256 in the manifest does not match the keyed seal: the "
                                              f"file and its digest were changed after the {kind} was sealed",
                          kind=kind)
    if set(given_files) != set(expected["files"]) or not hmac.compare_digest(sealed["manifest"], expected["manifest"]):
        raise BundleError(bundle, MANIFEST, "does not match its keyed seal: the manifest was changed after the "
                                            f"{kind} was sealed (or re-sealed without the linkage key)", kind=kind)


def allowed_thresholds(source: str, steward_threshold: int) -> set[int]:
    """The thresholds a release of ``source`` may carry in a workspace of ``steward_threshold``:
    the steward's K, or for the mobile operator (which never publishes below its own minimum,
    ``routekit.disclosure.rule.OPERATOR_MINIMUM_K``) that minimum when it is higher."""
    from routekit.disclosure.rule import OPERATOR_MINIMUM_K

    floor = OPERATOR_MINIMUM_K if source == "mobility" else steward_threshold
    return {steward_threshold, max(steward_threshold, floor)}


def required_threshold(source: str, steward_threshold: int) -> int:
    return max(allowed_thresholds(source, steward_threshold))


class ReleasePeriod(BaseModel):
    start: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    end: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")


class TableSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    rows: int = Field(ge=0)
    cells_generalised: int = Field(0, ge=0)
    cells_suppressed_primary: int = Field(0, ge=0)
    cells_suppressed_secondary: int = Field(0, ge=0)
    generalised: list[str] = Field(default_factory=list)


class ManifestSeal(BaseModel):
    """HMACs under the linkage key: of the canonical manifest, and of each file's name and sha256."""

    manifest: str = Field(pattern=r"^[0-9a-f]{64}$")
    files: dict[str, str] = Field(default_factory=dict)


class ReleaseManifest(BaseModel):
    """manifest.json of a release (routekit/release/README.md); extra keys (cdr, note) are kept."""

    model_config = ConfigDict(extra="allow")

    source: str
    partner: str
    kind: str
    purpose: str
    legal_basis: str
    period: ReleasePeriod
    threshold: int = Field(ge=1)
    rows_in: int = Field(ge=0)
    rows_used: int = Field(ge=0)
    rows_rejected: int = Field(ge=0)
    rejected_reasons: dict[str, int]
    input_sha256: str
    routekit_version: str
    tables: dict[str, TableSummary]
    key_fingerprint: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    files: dict[str, str] | None = None
    seal: ManifestSeal | None = None


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


class ReleaseWriter:
    """Writes one release folder: tables, tokens, the operator's files, then the sealed manifest."""

    def __init__(self, out: Path):
        self.out = Path(out)

    def clear(self) -> None:
        """Remove what an earlier release wrote here, so no stale file survives."""
        for name in (TABLES, Path(TOKENS).parts[0], "operator"):
            if (self.out / name).is_dir():
                shutil.rmtree(self.out / name)
        (self.out / MANIFEST).unlink(missing_ok=True)

    def table(self, name: str, frame: pd.DataFrame) -> None:
        if name not in TABLE_KEYS and name != QUALITY:
            raise ValueError(f"'{name}' is not a release table")
        _write_csv(frame, self.out / TABLES / f"{name}.csv")

    def tokens(self, frame: pd.DataFrame) -> None:
        _write_csv(frame[TOKEN_COLUMNS], self.out / TOKENS)

    def operator_folder(self) -> Path:
        """Where the mobile operator's own output goes, unchanged, for audit."""
        return self.out / "operator"

    def seal(self, manifest: dict, key: bytes | None) -> dict:
        """Add the key fingerprint and each file's sha256, then the keyed seal over all of it
        (no fingerprint and no seal without a key: the mobile operator holds none), check the
        manifest against the contract and write it. Returns the sealed manifest."""
        files = {path.relative_to(self.out).as_posix(): file_sha256(path)
                 for path in sorted(_bundle_files(self.out))}
        if TOKENS in files and key is None:
            raise ValueError("a release with tokens is sealed with the key that made them")
        body = {name: value for name, value in manifest.items() if name != "seal"}
        sealed = {**body, "key_fingerprint": key_fingerprint(key) if key is not None else None, "files": files}
        return self._write(sealed, key)

    def restate(self, manifest: dict, key: bytes | None = None) -> dict:
        """Rewrite a sealed release's manifest (e.g. intake counts over both steps): the file
        digests and key fingerprint must stay, and the seal is made again with the same key."""
        if manifest.get("files") is None:
            raise ValueError("restate a sealed manifest (as seal() returned it)")
        fingerprint = manifest.get("key_fingerprint")
        if fingerprint is not None and (key is None or key_fingerprint(key) != fingerprint):
            raise ValueError("restate a keyed manifest with the key it was sealed with")
        return self._write({name: value for name, value in manifest.items() if name != "seal"},
                           key if fingerprint is not None else None)

    def _write(self, manifest: dict, key: bytes | None) -> dict:
        manifest = json.loads(json.dumps(manifest))  # sealed as it will read back (tuples, int keys)
        if key is not None:
            manifest = {**manifest, "seal": keyed_seal(manifest, key)}
        ReleaseManifest.model_validate(manifest)
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
        return manifest


class DuplicateField(ValueError):
    """A manifest names a field twice: JSON readers disagree on which value it holds."""


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen = set()
    for name, _ in pairs:
        if name in seen:
            raise DuplicateField(f"field '{name}' is given twice (a reader may see either value); "
                                 "the manifest was edited by hand")
        seen.add(name)
    return dict(pairs)


def read_manifest_json(path: Path) -> object:
    """A manifest's JSON, refusing a field named twice (``json`` would keep the last silently,
    so a person reading the first value and the seal check would not see the same manifest)."""
    return json.loads(Path(path).read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)


def first_symlink(root: Path) -> str | None:
    """The first symlink inside a bundle, as a bundle path: a linked file can change after it was
    verified and a linked folder is not walked for added files, so a bundle holds none."""
    root = Path(root)
    for path in sorted(root.rglob("*")):  # rglob does not descend into linked folders
        if path.is_symlink():
            return path.relative_to(root).as_posix()
    return None


def _bundle_files(root: Path) -> list[Path]:
    """Every file of a bundle but its manifest; dot files (cache stamps, locks) are not part of it."""
    return [p for p in root.rglob("*") if p.is_file() and p.relative_to(root).as_posix() != MANIFEST
            and not any(part.startswith(".") for part in p.relative_to(root).parts)]


class ReleaseBundle:
    """A release folder opened for reading: the typed manifest, tables by name, tokens."""

    def __init__(self, path: Path):
        self.path = Path(path)
        manifest_path = self.path / MANIFEST
        if not manifest_path.is_file():
            raise BundleError(self.path, MANIFEST, "missing: not a release folder")
        try:
            self.data = read_manifest_json(manifest_path)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise BundleError(self.path, MANIFEST, f"not valid JSON ({error})") from None
        except DuplicateField as error:
            raise BundleError(self.path, MANIFEST, str(error)) from None
        if not isinstance(self.data, dict) or not self.data.get("source"):
            raise BundleError(self.path, MANIFEST, "field 'source': missing")

    @cached_property
    def manifest(self) -> ReleaseManifest:
        """The manifest checked against the contract (every field a release writes)."""
        try:
            return ReleaseManifest.model_validate(self.data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "(top)"
            raise BundleError(self.path, MANIFEST, f"field '{where}': {first['msg']}") from None

    @classmethod
    def is_release(cls, path: Path) -> bool:
        return (Path(path) / MANIFEST).is_file()

    @property
    def source(self) -> str:
        return str(self.data["source"])

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", ""))

    @property
    def has_tokens(self) -> bool:
        return (self.path / TOKENS).is_file()

    def verify(self, expected_threshold: int | None = None, key: bytes | None = None) -> "ReleaseBundle":
        """Refuse a bundle that is not sealed, has a file added, missing or changed since it was
        sealed, or carries a threshold other than the workspace's; with the linkage ``key`` (the
        steward's), also one made under another key or whose keyed seal does not match - an
        edit whose sha256 digests were recomputed. Returns the bundle."""
        files = self.manifest.files
        if files is None:
            raise BundleError(self.path, MANIFEST, "the release is not sealed (no file digests); "
                                                   "release it again with this routekit")
        linked = first_symlink(self.path)
        if linked is not None:
            raise BundleError(self.path, linked, "is a symbolic link; a release holds its own files")
        for name, digest in files.items():
            path = self.path / name
            if not path.is_file():
                raise BundleError(self.path, name, "listed in the manifest but missing")
            if file_sha256(path) != digest:
                raise BundleError(self.path, name, "changed after the release was sealed "
                                                   "(sha256 differs from the manifest)")
        for path in sorted(_bundle_files(self.path)):
            name = path.relative_to(self.path).as_posix()
            if name not in files:
                raise BundleError(self.path, name, "not part of the sealed release")
        if (TOKENS in files) != (self.manifest.key_fingerprint is not None):
            raise BundleError(self.path, MANIFEST, "the key fingerprint does not match the token file")
        if expected_threshold is not None:
            allowed = allowed_thresholds(self.source, expected_threshold)
            if self.manifest.threshold not in allowed:
                raise BundleError(self.path, MANIFEST, f"threshold {self.manifest.threshold} is not the "
                                                       f"workspace's threshold {expected_threshold}")
        if key is not None:
            self.verify_seal(key)
        return self

    def verify_seal(self, key: bytes) -> "ReleaseBundle":
        """The steward's check (``key`` is the linkage key): a keyed release (one with tokens)
        must have been made under ``key`` and carry a seal that matches it. A release without a
        key fingerprint (the mobile operator's) has no keyed seal; its digests are all there is."""
        fingerprint = self.manifest.key_fingerprint
        if fingerprint is None and self.source != MOBILITY_SOURCE:
            # only the operator releases without the key; a partner release stripped of its
            # tokens, fingerprint and seal would otherwise pass with edited tables
            raise BundleError(self.path, MANIFEST, f"a release of '{self.source}' without a key fingerprint and "
                                                   "keyed seal (only the mobile operator's has none): the token "
                                                   "file and seal were removed, or it was made without the key")
        if fingerprint is None:
            return self
        if not hmac.compare_digest(fingerprint, key_fingerprint(key)):
            raise BundleError(self.path, MANIFEST, f"made with another linkage key than the one given (key "
                                                   f"fingerprint {fingerprint[:8]} against {key_fingerprint(key)[:8]})")
        check_seal(self.path, self.data, key)
        return self

    # --- tables ------------------------------------------------------------------------------
    def file(self, name: str) -> Path:
        """Where table ``name`` lives, for error messages that name the file."""
        return self.path / TABLES / f"{name}.csv"

    def has_table(self, name: str) -> bool:
        return self.file(name).is_file()

    def table_names(self) -> list[str]:
        return sorted(p.stem for p in (self.path / TABLES).glob("*.csv"))

    def table(self, name: str) -> pd.DataFrame:
        """Table ``name`` with months as text and a suppressed count as NaN; empty if absent."""
        if not self.has_table(name):
            return pd.DataFrame()
        return pd.read_csv(self.file(name), dtype={"month": str}, keep_default_na=False, na_values=[""])

    def raw_table(self, name: str) -> pd.DataFrame:
        """Table ``name`` as text, every field as written (for validation that names rows)."""
        try:
            return pd.read_csv(self.file(name), dtype=str, keep_default_na=False)
        except pd.errors.EmptyDataError:
            raise BundleError(self.path, f"{TABLES}/{name}.csv", "empty file") from None

    def tokens(self) -> pd.DataFrame:
        """The steward's token file: token, month, corridor (one row per person and month)."""
        if not self.has_tokens:
            raise BundleError(self.path, TOKENS, "this release has no token file; it cannot be linked")
        frame = pd.read_csv(self.path / TOKENS, dtype=str, keep_default_na=False)
        missing = sorted(set(TOKEN_COLUMNS) - set(frame.columns))
        if missing:
            raise BundleError(self.path, TOKENS, f"missing column(s) {missing}")
        return frame[TOKEN_COLUMNS]

    def digest_parts(self) -> list[str]:
        """What identifies this bundle's content for a cache key: its sealed manifest's digest."""
        return [file_sha256(self.path / MANIFEST)]


def check_same_key(bundles: list[ReleaseBundle]) -> str | None:
    """Refuse releases whose tokens were made under different linkage keys (they would never
    match, and every person would be counted once per source). Returns the common fingerprint."""
    keyed = [b for b in bundles if b.manifest.key_fingerprint is not None]
    if not keyed:
        return None
    first = keyed[0]
    for bundle in keyed[1:]:
        if bundle.manifest.key_fingerprint != first.manifest.key_fingerprint:
            raise BundleError(bundle.path, MANIFEST,
                              f"made with another linkage key than '{first.path}' (key fingerprint "
                              f"{bundle.manifest.key_fingerprint[:8]} against {first.manifest.key_fingerprint[:8]}); "
                              "every partner must release with the same key")
    return first.manifest.key_fingerprint
