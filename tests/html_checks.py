"""Reading a rendered page the way a strict Content-Security-Policy and a passer-by would."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Words that would tell someone glancing at a tab or a history list what the site is about.
SENSITIVE_WORDS = ("sex", "escort", "prostitut", "brothel", "selling", "trafficking")


class PageReader(HTMLParser):
    """Collects the page's <title> (the document's, not those naming areas inside an <svg>) and
    everything a strict CSP would refuse to run or apply, where its links go and the ids links
    can jump to."""

    def __init__(self, html: str):
        super().__init__()
        self.title = ""
        self.inline_code: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._in_title = False
        self._in_svg = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        self.ids |= {value for name, value in attrs if name == "id" and value}
        if tag == "a":
            self.links += [value for name, value in attrs if name == "href" and value]
        # A JSON data block (json_script) is data, never run, and no CSP refuses it.
        data_block = ("type", "application/json") in attrs
        if tag == "script" and "src" not in names and not data_block:
            self.inline_code.append("<script> without src")
        if tag == "style":
            self.inline_code.append("<style> element")
        self.inline_code += [
            f"{name}= on <{tag}>" for name in sorted(names) if name == "style" or name[:2] == "on"
        ]
        self._in_svg = self._in_svg or tag == "svg"
        self._in_title = tag == "title" and not self._in_svg

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        if tag == "svg":
            self._in_svg = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def visible_text(html: str) -> str:
    """The page's words as a reader sees them: no tags, no scripts or data blocks, one space
    between words."""
    without_scripts = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", without_scripts))


def links_to_itself(html: str, url: str) -> list[str]:
    """The page's links that lead back to the page at ``url``, as written: a link that goes
    nowhere. A link to a part of the page (a skip link, an error summary's link to its field) is
    not one when it is only a fragment and the page has an element with that id."""
    page = PageReader(html)
    here = urlsplit(url)._replace(fragment="")
    return [
        href
        for href in page.links
        if (target := urlsplit(urljoin(url, href)))._replace(fragment="") == here
        and not (href.startswith("#") and target.fragment in page.ids)
    ]


def sensitive_words_in(text: str) -> list[str]:
    return [word for word in SENSITIVE_WORDS if word in text.lower()]


def verdict_badges(html: str) -> dict[str, str]:
    """The words on each listed service's verdict badge, by the service's slug."""
    cards = html.split('data-result-slug="')[1:]
    return {
        card[: card.index('"')]: re.search(r'class="ds_tag[^"]*">([^<]*)<', card)[1].strip()
        for card in cards
    }
