"""Partner exports in their own layout (headers, encodings, date and country formats, workbooks)
turned into routekit's canonical extract by a YAML intake profile, then released as usual."""

from routekit.intake.apply import Intake, apply_profile, check_export, release_with_profile
from routekit.intake.profile import Profile, ProfileError, load_profile, profile_from_dict
from routekit.intake.template import profile_template

__all__ = ["Intake", "Profile", "ProfileError", "apply_profile", "check_export", "load_profile",
           "profile_from_dict", "profile_template", "release_with_profile"]
