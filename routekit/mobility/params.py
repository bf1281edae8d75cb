"""The parameters of the home-location and flow definition, validated once.

The same ``CdrParams`` drives both engines and is written to the manifest, so a released table
can always be traced back to the exact night window, period length and threshold used.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from routekit.disclosure.rule import MINIMUM_K, OPERATOR_MINIMUM_K
from routekit.errors import ParamError

# The operator's K: FlowKit's redaction ("more than 15 subscribers") in routekit's one rule (>= 16).
DEFAULT_THRESHOLD = OPERATOR_MINIMUM_K


class CdrParams(BaseModel):
    """What counts as a night, how long a period is, and when a subscriber can be located."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    night_start_hour: int = Field(19, ge=0, le=23, description="first hour of the night window (inclusive)")
    night_end_hour: int = Field(7, ge=0, le=23, description="hour at which the night window ends (exclusive)")
    min_nights: int = Field(5, ge=1, description="active nights needed in a period to be located")
    period_months: int = Field(1, ge=1, le=12, description="length of a period in calendar months")
    threshold: int = Field(DEFAULT_THRESHOLD, ge=MINIMUM_K,
                           description="K: release a count only if it is at least this many subscribers")

    @model_validator(mode="after")
    def _night_does_not_cross_noon(self) -> "CdrParams":
        # Nights are dated noon-to-noon (see definition.py); a window spanning noon would be split.
        if self.night_start_hour == self.night_end_hour:
            raise ValueError("night window is empty: start hour equals end hour")
        hours = set(self.night_hours())
        if 11 in hours and 12 in hours:
            raise ValueError("night window must not contain noon (11:00-13:00)")
        return self

    def night_hours(self) -> list[int]:
        """The clock hours that count as night, e.g. [19, ..., 23, 0, ..., 6] for 19:00-07:00."""
        start, end = self.night_start_hour, self.night_end_hour
        if start < end:
            return list(range(start, end))
        return list(range(start, 24)) + list(range(0, end))


def make_params(**values: object) -> CdrParams:
    """``CdrParams`` from user input, turning validation errors into one-line ``ParamError``s."""
    from pydantic import ValidationError

    try:
        return CdrParams(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "night window"
        value = values.get(key, f"{values.get('night_start_hour')}-{values.get('night_end_hour')}")
        raise ParamError(key, value, first["msg"]) from None
