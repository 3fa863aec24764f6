"""Simplified Chinese pages: the Traditional page converted by OpenCC `hk2s` at render time.

Only text a person reads is converted: text nodes, human-readable attributes and JSON-LD
string values, also inside a <template> (a panel a script shows later). URLs, ids, classes,
data attributes, form values, scripts, styles and any part marked `translate="no"` or
`lang="zh-Hant…"` pass through byte for byte. Staff overrides win
over OpenCC's dictionaries, and only ever change text: a replacement is escaped for where it
lands (HTML text and attributes, JSON-LD strings, iCalendar text), whatever it holds.
"""

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

import opencc

# Joins every convertible piece of a page into one OpenCC call; a private-use character
# that OpenCC leaves alone and that our pages never contain.
SEPARATOR = "\ue000"

TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<cdata><!\[CDATA\[.*?\]\]>)"
    r"|(?P<raw><(?P<raw_name>script|style|textarea|template|pre)\b(?P<raw_attrs>[^>]*)>"
    r"(?P<raw_body>.*?)</(?P=raw_name)\s*>)"
    r"|(?P<tag><(?P<closing>/)?(?P<name>[A-Za-z][\w:-]*)(?P<attrs>[^>]*)>)"
    r"|(?P<decl><[!?][^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+)))?"""
)
JSON_STRING = re.compile(r'"(?P<text>(?:[^"\\]|\\.)*)"(?P<colon>\s*:)?')
READABLE_ATTRIBUTES = {"title", "alt", "aria-label", "aria-description", "placeholder"}
READABLE_META = {
    "description", "og:title", "og:description", "og:site_name", "og:image:alt",
    "twitter:title", "twitter:description",
}  # fmt: skip
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# JSON-LD keys whose values are identifiers or addresses, not prose.
JSON_LD_LITERAL_KEYS = {
    "@context", "@id", "@type", "url", "sameAs", "email", "telephone", "faxNumber", "logo",
    "image", "inLanguage", "identifier", "startDate", "endDate", "dateModified",
    "datePublished",
}  # fmt: skip


@dataclass(frozen=True)
class TextContext:
    """How text is written where it is converted: its escaping, and the escape sequences an
    override must not match inside (it would otherwise split `&lt;` or `\\u003C`)."""

    escape: object
    escape_sequence: str | None = None


def _escape_json(text: str) -> str:
    # As json.dumps and django.utils.html.json_script: nothing can close the <script>.
    escaped = json.dumps(text, ensure_ascii=False)[1:-1]
    return escaped.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")


def _escape_ical(text: str) -> str:
    # RFC 5545 TEXT: backslash, semicolon and comma escaped; line breaks cannot be written.
    return re.sub(r"([\\;,])", r"\\\1", text)


HTML = TextContext(lambda text: html.escape(text, quote=True), r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
JSON = TextContext(_escape_json, r"\\(?:u[0-9a-fA-F]{4}|.)")
ICAL = TextContext(_escape_ical, r"\\.")
PLAIN = TextContext(lambda text: text)


def readable_only(text: str) -> str:
    """Drop what is not text a person reads: control, format, private-use and surrogate code
    points (a NUL, a bidi override, our SEPARATOR, an unencodable lone surrogate)."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))


@cache
def hk2s() -> opencc.OpenCC:
    # Building a converter loads its dictionaries: once per process. Thread-safe.
    return opencc.OpenCC("hk2s")


@dataclass(frozen=True)
class Converter:
    """hk2s with staff overrides: {Traditional term: Simplified term}."""

    overrides: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _readable_overrides(self) -> dict[str, str]:
        # However an override was stored (admin, shell, fixture), only its text counts.
        readable = {}
        for term, replacement in self.overrides:
            term = readable_only(str(term or ""))
            if term.strip():
                readable[term] = readable_only(str(replacement or ""))
        return readable

    @cached_property
    def _patterns(self) -> dict:
        return {}

    def _pattern(self, context: TextContext) -> tuple[re.Pattern, dict[str, str]] | None:
        if context not in self._patterns:
            self._patterns[context] = self._compile(context)
        return self._patterns[context]

    def _compile(self, context: TextContext) -> tuple[re.Pattern, dict[str, str]] | None:
        replacements = {
            context.escape(term): context.escape(replacement)
            for term, replacement in self._readable_overrides.items()
        }
        if not replacements:
            return None
        # Longest first, so a longer override wins over a term inside it; an escape sequence
        # that no term starts with is skipped whole.
        alternatives = [re.escape(term) for term in sorted(replacements, key=len, reverse=True)]
        if context.escape_sequence:
            alternatives.append(f"(?P<escape_sequence>{context.escape_sequence})")
        return re.compile("|".join(alternatives)), replacements

    def convert(self, text: str, context: TextContext = PLAIN) -> str:
        """Convert text written in `context`; override terms are replaced, never passed to
        OpenCC, with their replacement escaped for that context."""
        if "\x00" in text:  # OpenCC reads C strings: a NUL would end the text early
            return "\x00".join(self.convert(part, context) for part in text.split("\x00"))
        pattern = self._pattern(context)
        if pattern is None:
            return hk2s().convert(text)
        pattern, replacements = pattern
        parts, last = [], 0
        for match in pattern.finditer(text):
            if match.lastgroup == "escape_sequence":
                continue
            parts.append(hk2s().convert(text[last : match.start()]))
            parts.append(replacements[match.group()])
            last = match.end()
        parts.append(hk2s().convert(text[last:]))
        return "".join(parts)


class _Page:
    """A page as literal pieces and convertible pieces, converted in one OpenCC call."""

    def __init__(self):
        self.pieces: list[str] = []
        self.convertible: list[int] = []

    def keep(self, text: str):
        if text:
            self.pieces.append(text)

    def convert(self, text: str):
        if text.strip():
            self.convertible.append(len(self.pieces))
        self.pieces.append(text)

    def render(self, converter: Converter) -> str:
        if not self.convertible:
            return "".join(self.pieces)
        texts = [self.pieces[i] for i in self.convertible]
        if any(SEPARATOR in text for text in texts):
            converted = [converter.convert(text, HTML) for text in texts]
        else:
            converted = converter.convert(SEPARATOR.join(texts), HTML).split(SEPARATOR)
        for index, text in zip(self.convertible, converted, strict=True):
            self.pieces[index] = text
        return "".join(self.pieces)


def _attributes(attrs: str) -> dict[str, str]:
    return {
        match["name"].lower(): match["dq"] or match["sq"] or match["bare"] or ""
        for match in ATTRIBUTE.finditer(attrs)
    }


def _marked_not_to_convert(attributes: dict[str, str]) -> bool:
    return attributes.get("translate", "").lower() == "no" or attributes.get(
        "lang", ""
    ).lower().startswith("zh-hant")


def _add_tag(page: _Page, tag: str, name: str, attrs: str, attributes: dict[str, str]):
    """Keep a start tag, converting only its human-readable attribute values."""
    readable = set(READABLE_ATTRIBUTES)
    if name == "meta" and (attributes.get("name") or attributes.get("property")) in READABLE_META:
        readable.add("content")
    prefix_length = len(tag) - len(attrs) - 1  # "<name"
    page.keep(tag[:prefix_length])
    last = 0
    for match in ATTRIBUTE.finditer(attrs):
        group = next((g for g in ("dq", "sq", "bare") if match[g] is not None), None)
        if group and match["name"].lower() in readable:
            page.keep(attrs[last : match.start(group)])
            page.convert(match[group])
            last = match.end(group)
    page.keep(attrs[last:] + ">")


def _convert_json_ld(body: str, converter: Converter) -> str:
    """Convert the prose string values of JSON-LD in place, keeping its layout and escaping.

    A string followed by a colon is a key; values under identifier and address keys stay.
    """
    parts, last, key = [], 0, None
    for match in JSON_STRING.finditer(body):
        if match["colon"]:
            key = match["text"]
        elif key not in JSON_LD_LITERAL_KEYS:
            parts.append(body[last : match.start("text")])
            parts.append(converter.convert(match["text"], JSON))
            last = match.end("text")
    parts.append(body[last:])
    return "".join(parts)


def convert_html(html: str, converter: Converter) -> str:
    """Convert an HTML or XML document's readable text, keeping its markup exactly."""
    page = _Page()
    skip_name, skip_depth = None, 0
    position = 0
    for token in TOKEN.finditer(html):
        text = html[position : token.start()]
        (page.keep if skip_name else page.convert)(text)
        position = token.end()
        if token["raw"]:
            raw_name = token["raw_name"].lower()
            raw_attributes = _attributes(token["raw_attrs"])
            if skip_name or _marked_not_to_convert(raw_attributes):
                page.keep(token.group())
            elif raw_name == "script" and raw_attributes.get("type") == "application/ld+json":
                start, end = token.span("raw_body")
                page.keep(html[token.start() : start])
                page.keep(_convert_json_ld(token["raw_body"], converter))
                page.keep(html[end : token.end()])
            elif raw_name == "pre":
                start, end = token.span("raw_body")
                page.keep(html[token.start() : start])
                page.convert(token["raw_body"])
                page.keep(html[end : token.end()])
            elif raw_name == "template":  # markup a script puts in the page later: read too
                start, end = token.span("raw_body")
                page.keep(html[token.start() : start])
                page.keep(convert_html(token["raw_body"], converter))
                page.keep(html[end : token.end()])
            else:  # scripts, styles and form values stay as they are
                page.keep(token.group())
        elif token["tag"]:
            name = token["name"].lower()
            if token["closing"]:
                if skip_name == name:
                    skip_depth -= 1
                    if skip_depth == 0:
                        skip_name = None
                page.keep(token.group())
                continue
            if not token["attrs"] and not skip_name:  # <p>, <li>: no attribute to read or mark
                page.keep(token.group())
                continue
            attributes = _attributes(token["attrs"])
            self_closing = name in VOID_ELEMENTS or token["attrs"].rstrip().endswith("/")
            if skip_name:
                skip_depth += name == skip_name and not self_closing
                page.keep(token.group())
            elif _marked_not_to_convert(attributes):
                if not self_closing:
                    skip_name, skip_depth = name, 1
                page.keep(token.group())
            else:
                _add_tag(page, token.group(), name, token["attrs"], attributes)
        else:
            page.keep(token.group())
    (page.keep if skip_name else page.convert)(html[position:])
    return page.render(converter)
