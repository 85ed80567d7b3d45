"""Contact details and sources become links only when their scheme is http, https, mailto or
tel: an address with any other scheme is shown as text, whatever an import or old record holds."""

import pytest
from django.urls import reverse

from services.models import ContactKind, ContactRoute, Service, ServiceSource
from services.templatetags.finder import contact_link, link_target

ADDRESSES = {
    "https": ("https://example.org/help", "https://example.org/help"),
    "http": ("http://example.org", "http://example.org"),
    "capitals": ("HTTPS://example.org", "HTTPS://example.org"),
    "mailto": ("mailto:help@example.org", "mailto:help@example.org"),
    "tel": ("tel:+441315550000", "tel:+441315550000"),
    "spaces around": ("  https://example.org  ", "https://example.org"),
    "javascript": ("javascript:alert(1)", ""),
    "javascript in capitals": ("JavaScript:alert(1)", ""),
    "javascript split by a tab": ("java\tscript:alert(1)", ""),
    "javascript split by a newline": ("java\nscript:alert(1)", ""),
    "javascript after a control character": ("\x01javascript:alert(1)", ""),
    "javascript after a space": (" javascript:alert(1)", ""),
    "data": ("data:text/html,<script>alert(1)</script>", ""),
    "vbscript": ("vbscript:msgbox(1)", ""),
    "file": ("file:///etc/passwd", ""),
    "an app's own scheme": ("intent://scan#Intent;end", ""),
    "no scheme": ("www.example.org", ""),
    "relative to this site": ("/leave", ""),
    "relative to the scheme": ("//example.org", ""),
    "empty": ("", ""),
}


@pytest.mark.parametrize(("address", "target"), ADDRESSES.values(), ids=ADDRESSES)
def test_only_http_https_mailto_and_tel_addresses_are_link_targets(address, target):
    assert link_target(address) == target


CONTACTS = {
    "phone": (ContactKind.PHONE, "0131 555 0000", "tel:0131 555 0000"),
    "email": (ContactKind.EMAIL, "help@example.org", "mailto:help@example.org"),
    "website": (ContactKind.WEBSITE, "https://example.org", "https://example.org"),
    "online form": (
        ContactKind.ONLINE_FORM,
        "https://example.org/form",
        "https://example.org/form",
    ),
    "text message": (ContactKind.TEXT, "07700 900000", ""),
    "website that runs a script": (ContactKind.WEBSITE, "javascript:alert(1)", ""),
    "online form that is a data address": (ContactKind.ONLINE_FORM, "data:text/html,x", ""),
    # Whatever follows mailto: or tel: stays inside that scheme.
    "email that looks like a script": (
        ContactKind.EMAIL,
        "javascript:alert(1)",
        "mailto:javascript:alert(1)",
    ),
}


@pytest.mark.parametrize(("kind", "value", "target"), CONTACTS.values(), ids=CONTACTS)
def test_a_contact_links_only_where_its_scheme_allows(kind, value, target):
    assert contact_link(ContactRoute(kind=kind, value=value)) == target


@pytest.mark.django_db
def test_a_service_page_shows_hostile_addresses_as_text_not_links(client):
    roam = Service.all_objects.get(slug="roam")
    for kind, value in [
        (ContactKind.WEBSITE, "javascript:alert('website')"),
        (ContactKind.ONLINE_FORM, "data:text/html,<b>form</b>"),
    ]:
        # As an import writes them: straight to the database, without the admin form's checks.
        ContactRoute.all_objects.create(service=roam, kind=kind, value=value)
    ServiceSource.objects.create(service=roam, url="vbscript:msgbox('source')", title="A source")

    html = client.get(reverse("service-detail", args=["roam"])).content.decode()

    assert 'href="javascript:' not in html
    assert 'href="data:text' not in html
    assert 'href="vbscript:' not in html
    # Shown as text, left to right on any page (templates/services/includes/reaching.html).
    assert 'Website: <span dir="ltr">javascript:alert(&#x27;website&#x27;)</span>' in html
    assert 'Online form: <span dir="ltr">data:text/html,&lt;b&gt;form&lt;/b&gt;</span>' in html
    assert "A source (vbscript:msgbox(&#x27;source&#x27;))" in html
