"""Every page shares the base layout: landmarks, a skip link, and nothing inline that a strict
Content-Security-Policy (no inline scripts or styles) would block."""

import re

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.fixture
def pages(client, team_lead_a, school_a):
    intervention = make_intervention(status="in_progress", professional=team_lead_a, school=school_a)
    anonymous = {"login": client.get(reverse("login"))}
    client.force_login(team_lead_a)
    return {
        **anonymous,
        "work": client.get(reverse("work")),
        "list": client.get(reverse("interventions:list")),
        "file": client.get(reverse("interventions:detail", args=[intervention.uuid])),
        "not found": client.get("/bestaat-niet/"),
    }


def test_it_gives_every_page_the_landmarks_and_a_skip_link(pages):
    for name, response in pages.items():
        text = response.content.decode()
        assert '<a class="skip-link" href="#inhoud">' in text, name
        assert '<main id="inhoud"' in text, name
        assert '<header class="site-header">' in text, name
        assert "<footer" in text, name


def test_it_shows_the_menu_the_user_and_the_logout_button_once_logged_in(pages, team_lead_a):
    for name, response in pages.items():
        text = response.content.decode()
        logged_in = name != "login"
        assert ('<nav class="site-nav"' in text) is logged_in, name
        assert (f'action="{reverse("logout")}" method="post"' in text) is logged_in, name
        assert ('class="site-header__user" href="/account/">tineke</a>' in text) is logged_in, name


def test_it_marks_the_current_page_in_the_menu(pages):
    work = pages["work"].content.decode()
    assert f'<a href="{reverse("work")}" aria-current="page">' in work
    listing = pages["list"].content.decode()
    assert f'<a href="{reverse("interventions:list")}" aria-current="page">' in listing


def test_it_uses_no_inline_scripts_or_styles(pages):
    for name, response in pages.items():
        text = response.content.decode()
        assert not INLINE_SCRIPT.search(text), name
        assert not INLINE_STYLE.search(text), name
        assert "/static/django_htmx/htmx-2.min.js" in text, name
