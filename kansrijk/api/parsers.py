"""The API's JSON parser: DRF's, with a body nested too deeply answered as 400, not 500.

Python's json module gives up on deep nesting with RecursionError (about 1,000 levels), which
DRF does not catch; no referral needs more than three levels.
"""

from __future__ import annotations

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class KansrijkJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None
