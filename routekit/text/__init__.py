"""Free text to route legs: structure narratives (Dutch and English) and scrub personal data.

Public API:
- ``extract_route(text)`` -> ``RouteExtraction`` (route, modes, smuggler, route_asked, confidence, reason)
- ``extract_frame(frame, id_column, text_column)`` -> one output row per input row, in order
- ``scrub(text)`` -> text with names, v-numbers, phones, e-mails, birth dates, addresses replaced
- ``classify_corridor(route, modes, entry_hint)`` -> a corridor id of ``routekit.reference``
- ``first_eu_country(route)`` -> the first EU/Schengen country on a route
See README.md in this folder for the rules and their limits.
"""

from routekit.text.corridors import classify_corridor, first_eu_country
from routekit.text.extraction import RouteExtraction, extract_route
from routekit.text.frame import extract_frame
from routekit.text.scrubbing import scrub

__all__ = ["RouteExtraction", "classify_corridor", "extract_frame", "extract_route", "first_eu_country", "scrub"]
