"""Secure by default: HTTPS, sign-in lockout, two-factor admin sign-in, the admin's address,
passwords, and the referrer policy that keeps our own forms working.

Production settings are computed from an environment with runpy (see test_security_headers);
behaviour is checked through the test client with the settings a deployment would have.
"""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from servicemap.client_address import client_address
from tests.test_project import manage
from tests.test_security_headers import settings_with_environment

PASSWORD = "a long passphrase for tests only"
ATTACKER = "198.51.100.7"
COLLEAGUE = "198.51.100.8"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("ada", "ada@example.invalid", PASSWORD)


def sign_in(client: Client, password: str, address: str = ATTACKER, **extra: str):
    return client.post(
        reverse("admin:login"),
        {"username": "ada", "password": password, **extra},
        REMOTE_ADDR=address,
    )


def is_signed_in(client: Client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


# HTTPS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("debug", "redirect", "hsts_seconds", "subdomains", "preload", "secure_cookies"),
    [
        ("", True, 31536000, True, True, True),
        ("0", True, 31536000, True, True, True),
        ("1", False, 0, False, False, False),
    ],
    ids=["unset", "off", "on"],
)
def test_production_is_https_only_unless_debug_is_on(
    monkeypatch, debug, redirect, hsts_seconds, subdomains, preload, secure_cookies
):
    computed = settings_with_environment(monkeypatch, DEBUG=debug)

    assert computed["SECURE_SSL_REDIRECT"] is redirect
    assert computed["SECURE_HSTS_SECONDS"] == hsts_seconds
    assert computed["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is subdomains
    assert computed["SECURE_HSTS_PRELOAD"] is preload
    assert computed["SESSION_COOKIE_SECURE"] is secure_cookies
    assert computed["CSRF_COOKIE_SECURE"] is secure_cookies


def test_a_proxy_that_terminates_tls_is_trusted_only_when_configured(monkeypatch):
    assert settings_with_environment(monkeypatch)["SECURE_PROXY_SSL_HEADER"] is None
    assert settings_with_environment(monkeypatch, BEHIND_TLS_PROXY="true")[
        "SECURE_PROXY_SSL_HEADER"
    ] == ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.mark.django_db
@pytest.mark.parametrize(("remote", "status"), [("127.0.0.1", 200), ("203.0.113.5", 301)])
@override_settings(SECURE_SSL_REDIRECT=True, BEHIND_TLS_PROXY=True)
def test_only_our_own_proxy_can_say_a_request_came_over_https(settings, remote, status):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    response = Client().get(reverse("about"), REMOTE_ADDR=remote, HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == status


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)
def test_plain_http_is_redirected_and_https_answers_carry_hsts():
    client = Client()

    plain = client.get(reverse("about"))
    secure = client.get(reverse("about"), secure=True)

    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver" + reverse("about")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


# Sign-in lockout -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_user_out_from_that_address(client, admin_user):
    answers = [sign_in(client, "wrong password").status_code for _ in range(5)]

    locked_out = sign_in(client, PASSWORD)

    assert answers == [200, 200, 200, 200, 429]

    assert locked_out.status_code == 429
    assert "Signing in is paused for this account" in locked_out.content.decode()
    assert not is_signed_in(client)


@pytest.mark.django_db
def test_four_wrong_passwords_do_not_lock_anyone_out(client, admin_user):
    for _ in range(4):
        sign_in(client, "wrong password")

    sign_in(client, PASSWORD)

    assert is_signed_in(client)


@pytest.mark.django_db
def test_a_lockout_does_not_stop_the_same_user_signing_in_from_elsewhere(client, admin_user):
    for _ in range(6):
        sign_in(client, "wrong password")

    sign_in(client, PASSWORD, address=COLLEAGUE)

    assert is_signed_in(client)


@pytest.mark.django_db
def test_caseworker_sign_in_is_locked_out_too(client, django_user_model):
    django_user_model.objects.create_user("casey", password=PASSWORD)
    for _ in range(5):
        client.post(
            reverse("caseworker-login"),
            {"username": "casey", "password": "wrong password"},
            REMOTE_ADDR=ATTACKER,
        )

    locked_out = client.post(
        reverse("caseworker-login"),
        {"username": "casey", "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
    )

    assert locked_out.status_code == 429


@pytest.mark.django_db
def test_wrong_passwords_from_many_addresses_pause_the_account_at_its_ceiling(
    client, admin_user, settings
):
    settings.ACCOUNT_FAILURE_LIMIT = 8
    for number in range(8):
        sign_in(client, "wrong password", address=f"198.51.100.{100 + number}")

    refused = sign_in(client, PASSWORD, address=COLLEAGUE)

    assert refused.status_code == 429
    assert not is_signed_in(client)


@pytest.mark.django_db
def test_wrong_passwords_from_many_addresses_below_the_ceiling_do_not_pause_it(
    client, admin_user, settings
):
    settings.ACCOUNT_FAILURE_LIMIT = 8
    for number in range(7):
        sign_in(client, "wrong password", address=f"198.51.100.{100 + number}")

    sign_in(client, PASSWORD, address=COLLEAGUE)

    assert is_signed_in(client)


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_gives_no_fresh_guesses(client, admin_user, settings):
    """gunicorn reached directly, not through the proxy: the header is the attacker's own."""
    settings.BEHIND_TLS_PROXY = True
    settings.ACCOUNT_FAILURE_LIMIT = 1000
    answers = [
        client.post(
            reverse("admin:login"),
            {"username": "ada", "password": "wrong password"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        ).status_code
        for number in range(6)
    ]

    assert answers[4:] == [429, 429]


@pytest.mark.parametrize(
    ("behind_proxy", "remote", "forwarded_for", "expected"),
    [
        (False, "203.0.113.5", "", "203.0.113.5"),
        # Without a proxy the header is the client's own: ignored, or lockouts could be dodged.
        (False, "203.0.113.5", "192.0.2.1", "203.0.113.5"),
        (True, "127.0.0.1", "192.0.2.1", "192.0.2.1"),
        # The proxy appends the real address; what the client sent before it is not trusted.
        (True, "127.0.0.1", "10.9.9.9, 192.0.2.1", "192.0.2.1"),
        (True, "127.0.0.1", "", "127.0.0.1"),
        # Not from a proxy we trust: the header is whatever the client made up.
        (True, "203.0.113.5", "192.0.2.1", "203.0.113.5"),
        # Through two proxies we trust, each appending the address it saw.
        (True, "10.0.0.2", "10.9.9.9, 192.0.2.1, 127.0.0.1", "192.0.2.1"),
        (True, "10.0.0.2", "not an address, 192.0.2.1", "192.0.2.1"),
    ],
)
def test_sign_in_attempts_are_counted_by_the_address_a_trusted_proxy_saw(
    settings, behind_proxy, remote, forwarded_for, expected
):
    settings.BEHIND_TLS_PROXY = behind_proxy
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/24"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded_for:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded_for

    assert client_address(request) == expected


def test_trusted_proxies_must_be_addresses_or_networks(monkeypatch):
    assert settings_with_environment(monkeypatch)["TRUSTED_PROXIES"] == ["127.0.0.1", "::1"]
    assert settings_with_environment(monkeypatch, TRUSTED_PROXIES="10.0.0.0/8, 192.0.2.7")[
        "TRUSTED_PROXIES"
    ] == ["10.0.0.0/8", "192.0.2.7"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        settings_with_environment(monkeypatch, TRUSTED_PROXIES="proxy.example.org")


# Two-factor sign-in --------------------------------------------------------------------------


@pytest.fixture
def device(admin_user):
    return TOTPDevice.objects.create(user=admin_user, name="Phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


@pytest.mark.django_db
def test_without_two_factor_a_password_is_enough(client, device):
    sign_in(client, PASSWORD)

    assert is_signed_in(client)


@pytest.mark.django_db
@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_a_password_alone_does_not_sign_in(client, device):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 200
    assert 'name="otp_token"' in response.content.decode()
    assert not is_signed_in(client)


@pytest.mark.django_db
@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_a_wrong_code_does_not_sign_in(client, device):
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    sign_in(client, PASSWORD, otp_device=device.persistent_id, otp_token=wrong)

    assert not is_signed_in(client)


@pytest.mark.django_db
@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_the_password_and_the_current_code_sign_in(client, device):
    # The sign-in page lists the admin's devices; they choose theirs and type its code.
    sign_in(client, PASSWORD, otp_device=device.persistent_id, otp_token=current_code(device))

    assert is_signed_in(client)


@pytest.mark.django_db
@override_settings(ADMIN_TWO_FACTOR=True)
def test_with_two_factor_a_session_signed_in_without_a_code_is_refused(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Where admin lives ---------------------------------------------------------------------------


def test_admin_moves_to_the_configured_address():
    where = (
        "from django.test import Client; from django.urls import reverse;"
        "print(reverse('admin:index'), Client().get('/admin/').status_code)"
    )

    result = manage(
        "shell", "-c", where, ADMIN_URL="staff-7f3a/", DEBUG="1", ALLOWED_HOSTS="testserver"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["/staff-7f3a/", "404"]


@pytest.mark.parametrize("bad_address", ["/admin/", "admin"])
def test_an_admin_address_that_would_break_the_urls_is_refused(bad_address):
    result = manage("check", ADMIN_URL=bad_address)

    assert result.returncode != 0
    assert "ADMIN_URL must look like 'admin/'" in result.stderr


# Passwords -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "weak", ["short-pw1", "password1234", "123456789012", "ada-lovelace-1"], ids=str
)
@pytest.mark.django_db
def test_weak_passwords_are_refused(django_user_model, weak):
    user = django_user_model(username="ada-lovelace", email="ada@example.invalid")

    with pytest.raises(ValidationError):
        validate_password(weak, user)


@pytest.mark.django_db
def test_a_long_passphrase_is_accepted(django_user_model):
    validate_password(PASSWORD, django_user_model(username="ada"))


# Referrer policy -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "policy"),
    [
        ("finder", "no-referrer"),
        ("about", "no-referrer"),
        # Pages whose form posts back here: under no-referrer the browser sends "Origin: null"
        # and the CSRF check would refuse the form.
        ("suggest-form", "same-origin"),
        ("caseworker-login", "same-origin"),
        ("admin:login", "same-origin"),
    ],
)
def test_no_page_tells_anyone_where_the_visitor_came_from(client, page, policy):
    assert client.get(reverse(page))["Referrer-Policy"] == policy
