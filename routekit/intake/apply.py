"""An export through its profile: the canonical extract, then the release path routekit already has.

The profile only renames columns and rewrites values into routekit's form. The rows it yields are
written as routekit's canonical CSV in a private folder beside the rejects file (inside the
partner's environment, removed afterwards) and released by ``release_extract`` unchanged, so an
export released through a profile gives exactly the release of the same rows written canonically.
Rows the profile cannot map are rejects with their spreadsheet row and a reason naming the field:
rows in = rows used + rows rejected, counted over both steps.
"""

from __future__ import annotations

import logging
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from routekit.errors import InputError, RoutekitError
from routekit.intake.profile import Profile, load_profile
from routekit.intake.readers import read_table
from routekit.intake.values import Unmappable, as_text, convert
from routekit.release.extract import MAX_REJECT_SHARE, Extract, neutralise_cells

log = logging.getLogger(__name__)


@dataclass
class Intake:
    """The export after the profile: canonical rows, their spreadsheet rows, and the rows refused."""

    profile: Profile
    input: Path
    canonical: pd.DataFrame
    rows: np.ndarray
    rejects: pd.DataFrame  # row, reason, then the canonical fields as the export wrote them

    @property
    def rows_in(self) -> int:
        return len(self.canonical) + len(self.rejects)


def apply_profile(profile: Profile | Path | str, input: Path | str) -> Intake:
    """Read ``input`` with ``profile`` and turn each record into canonical text, or a reject."""
    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    input = Path(input)
    table = read_table(input, profile.read)
    for field, header in profile.columns.items():
        if header not in table.frame.columns:
            shown = ", ".join(f"'{name}'" for name in table.frame.columns if name)
            raise InputError(input, f"column '{header}' (profile key columns.{field}) is not in the file's "
                                    f"header at row {profile.read.header_row}; the header has: {shown}")
    n = len(table.frame)
    canonical = {}
    reasons = np.full(n, "", dtype=object)
    for field in profile.fields:
        raw = table.frame[profile.columns[field]].tolist()
        rule = profile.values.get(field)
        if rule is None:
            canonical[field] = [as_text(value) for value in raw]
            continue
        converted = [""] * n
        for i, value in enumerate(raw):
            try:
                converted[i] = convert(value, rule)
            except Unmappable as problem:
                if not reasons[i]:
                    reasons[i] = f"{field}: {problem}"
        canonical[field] = converted
    frame = pd.DataFrame(canonical, columns=profile.fields, dtype=object)
    bad = reasons != ""
    as_written = pd.DataFrame({field: [as_text(v) for v in table.frame[profile.columns[field]].to_numpy()[bad]]
                               for field in profile.fields}, columns=profile.fields)
    rejects = pd.concat([pd.DataFrame({"row": table.rows[bad].astype(int), "reason": reasons[bad]}),
                         as_written], axis=1)
    return Intake(profile, input, frame[~bad].reset_index(drop=True), table.rows[~bad], rejects)


@dataclass
class Checked:
    """What ``intake check`` shows: the rows that would be used and every reject, across both steps."""

    intake: Intake
    extract: Extract
    rejects: pd.DataFrame

    @property
    def rows_in(self) -> int:
        return self.intake.rows_in

    @property
    def rows_used(self) -> int:
        return len(self.extract.rows)

    def reasons(self) -> pd.DataFrame:
        """reason, rows, first_row: counts and a row to look at, never a value."""
        if self.rejects.empty:
            return pd.DataFrame(columns=["reason", "rows", "first_row"])
        grouped = self.rejects.groupby("reason", sort=False)["row"]
        table = pd.DataFrame({"rows": grouped.size(), "first_row": grouped.min()}).reset_index()
        return table.sort_values(["rows", "first_row"], ascending=[False, True], kind="stable").reset_index(drop=True)


def check_export(profile: Profile | Path | str, input: Path | str) -> Checked:
    """The dry run: the profile's step and the release's own row checks, nothing written to keep."""
    from routekit.release.extract import read_extract
    from routekit.sources import get_source

    intake = apply_profile(profile, input)
    with _private_folder(intake.input.parent) as folder:
        canonical = _write_canonical(intake, folder)
        extract = read_extract(get_source(intake.profile.source), canonical)
    return Checked(intake, extract, _all_rejects(intake, extract.rejects))


def release_with_profile(source: str, profile: Profile | Path | str, input: Path | str, out: Path | str,
                         threshold: int = 10, key: bytes | None = None, rejects: Path | str | None = None,
                         max_reject_share: float | None = MAX_REJECT_SHARE, previous: Path | None = None) -> dict:
    """``release_extract`` for an export in the partner's own layout; returns the manifest.

    The guards of a plain release hold over both steps: the rejects file may not be the export,
    ``max_reject_share`` counts the rows the profile refused too, and ``previous`` is passed on.
    """
    from routekit.locking import output_lock
    from routekit.release.run import _inside

    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    if profile.source != source:
        raise InputError(profile.path or "profile", f"the profile is for source '{profile.source}', "
                                                    f"not '{source}' (profile key source)")
    input, out = Path(input), Path(out)
    rejects = Path(rejects) if rejects is not None else input.with_name(f"{input.stem}.rejects.csv")
    if _inside(rejects, out):
        raise InputError(rejects, "the rejects file may not be written inside the release directory")
    with output_lock(out, log=log.warning, lend=True):  # rejects and the restated manifest too
        return _release_with_profile_locked(source, profile, input, out, threshold, key, rejects,
                                            max_reject_share, previous)


def _release_with_profile_locked(source: str, profile: Profile, input: Path, out: Path, threshold: int,
                                 key: bytes | None, rejects: Path, max_reject_share: float | None,
                                 previous: Path | None) -> dict:
    from routekit.release import release_extract
    from routekit.release.extract import check_release_paths

    check_release_paths(input, out, rejects, source)
    intake = apply_profile(profile, input)
    rows_in, refused = intake.rows_in, len(intake.rejects)
    # the release's own check sees only the rows the profile passed: allow it what is left of the share
    release_share = (None if max_reject_share is None or not rows_in - refused
                     else max(0.0, max_reject_share * rows_in - refused) / (rows_in - refused))
    rejects.parent.mkdir(parents=True, exist_ok=True)
    with _private_folder(rejects.parent) as folder:
        canonical = _write_canonical(intake, folder)
        later_rejects = folder / "release.rejects.csv"
        failure: RoutekitError | None = None
        if max_reject_share is not None and rows_in and refused / rows_in > max_reject_share:
            later = pd.DataFrame(columns=["row", "reason"])  # refused before anything is released
        else:
            try:
                manifest = release_extract(source, canonical, out, threshold=threshold, key=key,
                                           rejects=later_rejects, max_reject_share=release_share,
                                           previous=previous)
            except RoutekitError as error:
                failure = _renamed(error, canonical, input)
            later = (pd.read_csv(later_rejects, dtype=str, keep_default_na=False) if later_rejects.is_file()
                     else pd.DataFrame(columns=["row", "reason"]))
    merged = neutralise_cells(_all_rejects(intake, later))
    merged.to_csv(rejects, index=False, lineterminator="\n")
    if max_reject_share is not None and rows_in and len(merged) / rows_in > max_reject_share:
        raise InputError(input, f"{len(merged)} of {rows_in} rows rejected ({len(merged) / rows_in:.1%}), more "
                                f"than the allowed {max_reject_share:.1%} (--max-reject-share); nothing was "
                                f"released; see {rejects}")
    if failure is not None:
        raise failure
    _restate_manifest(manifest, intake, merged, out, key)
    return manifest


@contextmanager
def _private_folder(beside: Path) -> Iterator[Path]:
    """A folder for the canonical rows, next to the partner's own files (person-level data stay there)."""
    try:
        beside.mkdir(parents=True, exist_ok=True)
        working = tempfile.TemporaryDirectory(dir=beside, prefix=".routekit-intake-")
    except OSError as error:
        raise InputError(beside, f"cannot write the private working copy here ({error.strerror}); "
                                 "use a folder you can write to (release: --rejects)") from None
    with working as folder:
        yield Path(folder)


def _write_canonical(intake: Intake, folder: Path) -> Path:
    path = folder / f"{intake.input.stem}.csv"
    intake.canonical.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def _all_rejects(intake: Intake, later: pd.DataFrame) -> pd.DataFrame:
    """Rejects of both steps, each at the export's spreadsheet row, in row order."""
    later = later.copy()
    if len(later):
        canonical_rows = later["row"].astype(int).to_numpy() - 2  # the canonical CSV's header is row 1
        later["row"] = intake.rows[canonical_rows].astype(int)
    frames = [frame for frame in (intake.rejects, later) if len(frame)]
    if not frames:
        return pd.DataFrame(columns=["row", "reason", *intake.profile.fields])
    merged = pd.concat(frames, ignore_index=True)
    merged["row"] = merged["row"].astype(int)
    return merged.sort_values("row", kind="stable").reset_index(drop=True)


def _renamed(error: RoutekitError, canonical: Path, input: Path) -> RoutekitError:
    """The same error about the partner's file, not the private canonical copy."""
    if isinstance(error, InputError):
        path = input if error.path == str(canonical) else error.path
        return InputError(path, error.problem, field=error.field)
    try:
        return type(error)(str(error).replace(str(canonical), str(input)))
    except TypeError:
        return RoutekitError(str(error).replace(str(canonical), str(input)))


def _restate_manifest(manifest: dict, intake: Intake, rejects: pd.DataFrame, out: Path,
                      key: bytes | None) -> None:
    """Counts over both steps, the export's own checksum, and which profile read it; sealed again
    with the key the release was made with (``key``, else the environment's, as the release did)."""
    from routekit.digests import file_digest

    reasons = rejects["reason"].value_counts().sort_index() if len(rejects) else pd.Series(dtype=int)
    manifest["rows_in"] = int(intake.rows_in)
    manifest["rows_rejected"] = int(len(rejects))
    manifest["rejected_reasons"] = {str(reason): int(n) for reason, n in reasons.items()}
    manifest["input_sha256"] = file_digest(intake.input)
    profile_path = intake.profile.path
    manifest["intake_profile"] = {
        "file": profile_path.name if profile_path else None,
        "sha256": file_digest(profile_path) if profile_path else None,
        "format": intake.profile.read.format,
    }
    from routekit.contracts import ReleaseWriter
    from routekit.release import load_key

    if manifest.get("key_fingerprint") is not None and key is None:
        key = load_key(None)
    manifest.update(ReleaseWriter(out).restate(manifest, key))
