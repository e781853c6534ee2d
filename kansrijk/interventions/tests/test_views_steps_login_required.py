"""Every step on the file and the export ask an anonymous visitor to log in first."""

from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.interventions.views import STEPS


def test_it_sends_anonymous_visitors_to_the_login_page(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, school=school_a, components=["reflection"]
    )
    component = intervention.components.get()
    events = AuditEvent.objects.count()
    posts = [reverse(f"interventions:{step}", args=[intervention.uuid]) for step in STEPS]
    posts.append(reverse("interventions:mark_component", args=[intervention.uuid, component.uuid]))

    for url in posts:
        response = client.post(url, {"reopen-reason": "x", f"mark-{component.uuid}-status": "not_done"})
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")
    response = client.get(reverse("interventions:export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")

    component.refresh_from_db()
    assert component.status == "planned"
    assert AuditEvent.objects.count() == events
