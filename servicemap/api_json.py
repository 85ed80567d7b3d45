"""The API's JSON parser and renderer: DRF's, with the two ways hostile input made them fail."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer


class NestingSafeJSONParser(JSONParser):
    """DRF's parser turns a body that is not JSON into a 400 but lets Python's RecursionError
    through, so a few kilobytes of "[[[[" were a 500; they are a 400 like any other bad body."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - the document is nested too deeply.") from error


class SurrogateSafeJSONRenderer(JSONRenderer):
    """DRF's renderer writes characters as they are, then encodes as UTF-8, which fails on a lone
    surrogate: a request can carry one (JSON allows "\\ud800") and an answer may echo it (an
    unknown field's name, a place not found), so that was a 500. Such an answer is written with
    \\u escapes instead, still valid JSON; every other answer is unchanged."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            return AsciiJSONRenderer().render(data, accepted_media_type, renderer_context)


class AsciiJSONRenderer(JSONRenderer):
    ensure_ascii = True
